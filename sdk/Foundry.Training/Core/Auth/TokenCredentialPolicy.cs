using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training;

/// <summary>
/// Adds <c>Authorization: Bearer {token}</c> from a <see cref="TokenCredential"/>, caching the token until shortly
/// before it expires. Unlike Azure.Core's policy it also authenticates plain HTTP to loopback (tests, emulator), and
/// it only authenticates requests to the client's own endpoint: a next link or polling URL on another host gets no
/// token, and a request that something re-pointed at another origin after the token was set (a redirect followed inside
/// the pipeline) has it removed.
/// </summary>
internal sealed class TokenCredentialPolicy : HttpPipelinePolicy
{
    private static readonly TimeSpan s_refreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential _credential;
    private readonly string[] _scopes;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly Uri _endpoint;

    // Replaced as a whole, so a request never sees half of a refresh; the header value is built once per token.
    private CachedToken? _token;

    public TokenCredentialPolicy(TokenCredential credential, Uri endpoint, string scope)
    {
        _endpoint = endpoint;
        _credential = credential;
        _scopes = new[] { scope };
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).EnsureCompleted();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        // The common case, a cached token, without a state machine of its own.
        if (!TransportSecurity.IsOwnService(message.Request.Uri, _endpoint))
        {
            message.Request.Headers.Remove(HttpHeader.Names.Authorization);
            return ProcessNextAsync(message, pipeline);
        }

        if (_token is { } token && token.IsFresh)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.Authorization, token.Header);
            return ProcessNextAsync(message, pipeline);
        }

        return ProcessAsync(message, pipeline, async: true);
    }

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        if (TransportSecurity.IsOwnService(message.Request.Uri, _endpoint))
        {
            CachedToken token = await GetTokenAsync(message, async).ConfigureAwait(false);
            message.Request.Headers.SetValue(HttpHeader.Names.Authorization, token.Header);
        }
        else
        {
            message.Request.Headers.Remove(HttpHeader.Names.Authorization);
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

    private async ValueTask<CachedToken> GetTokenAsync(HttpMessage message, bool async)
    {
        if (_token is { IsFresh: true } fresh)
        {
            return fresh;
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
            if (_token is not { IsFresh: true })
            {
                var context = new TokenRequestContext(_scopes, message.Request.ClientRequestId);
                AccessToken token = async
                    ? await _credential.GetTokenAsync(context, cancellationToken).ConfigureAwait(false)
                    : _credential.GetToken(context, cancellationToken);
                _token = new CachedToken(token);
            }

            return _token;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private sealed class CachedToken
    {
        private readonly DateTimeOffset _refreshAt;

        public CachedToken(AccessToken token)
        {
            Header = "Bearer " + token.Token;
            _refreshAt = token.ExpiresOn < DateTimeOffset.MinValue + s_refreshMargin ? DateTimeOffset.MinValue : token.ExpiresOn - s_refreshMargin;
            HasToken = token.Token is not null;
        }

        public string Header { get; }

        private bool HasToken { get; }

        public bool IsFresh => HasToken && _refreshAt > DateTimeOffset.UtcNow;
    }
}
