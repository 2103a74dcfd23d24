using Azure.Core;

namespace Foundry.Training.Benchmarks.Infrastructure;

/// <summary>A credential with a fixed, long-lived token: the benchmarks measure requests, not token acquisition.</summary>
public sealed class StaticTokenCredential : TokenCredential
{
    private readonly AccessToken _token = new("benchmark-token", DateTimeOffset.UtcNow.AddDays(1));

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(_token);
}
