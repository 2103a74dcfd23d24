using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Foundry.Training.Testing;

/// <summary>Hands out one fake bearer token, valid for an hour from each request, for any scope.</summary>
internal sealed class EmulatorTokenCredential : TokenCredential
{
    private readonly string _token = "emulator-token-" + Guid.NewGuid().ToString("N");

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new AccessToken(_token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
