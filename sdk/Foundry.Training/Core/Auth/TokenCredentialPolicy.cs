using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training;

/// <summary>
/// Adds <c>Authorization: Bearer {token}</c> from a <see cref="TokenCredential"/>, caching the token until shortly
/// before it expires. Unlike Azure.Core's policy it also authenticates plain HTTP to loopback (tests, emulator), and
/// it only authenticates requests to the client's own endpoint: a next link or polling URL on another host gets no token.
/// </summary>
internal sealed class TokenCredentialPolicy : HttpPipelinePolicy
{
    private static readonly TimeSpan s_refreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential _credential;
    private readonly string[] _scopes;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly Uri _endpoint;
    private AccessToken _token;

    public TokenCredentialPolicy(TokenCredential credential, Uri endpoint, string scope)
    {
        _endpoint = endpoint;
        _credential = credential;
        _scopes = new[] { scope };
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).EnsureCompleted();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        if (TransportSecurity.IsOwnService(message.Request.Uri, _endpoint))
        {
                string token = await GetTokenAsync(message, async).ConfigureAwait(false);
            message.Request.Headers.SetValue(HttpHeader.Names.Authorization, "Bearer " + token);
        }

        if (async)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        else
        {
            ProcessNext(message, pipeline);
        }
    }

    private async ValueTask<string> GetTokenAsync(HttpMessage message, bool async)
    {
        if (IsFresh(_token))
        {
            return _token.Token;
        }

        CancellationToken cancellationToken = message.CancellationToken;
        if (async)
        {
            await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _refreshLock.Wait(cancellationToken);
        }

        try
        {
            if (!IsFresh(_token))
            {
                var context = new TokenRequestContext(_scopes, message.Request.ClientRequestId);
                _token = async
                    ? await _credential.GetTokenAsync(context, cancellationToken).ConfigureAwait(false)
                    : _credential.GetToken(context, cancellationToken);
            }

            return _token.Token;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private static bool IsFresh(AccessToken token) =>
        token.Token is not null && token.ExpiresOn - s_refreshMargin > DateTimeOffset.UtcNow;
}
