using Azure.Core;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>Hands out the given tokens in turn (the last one again once they run out) and counts the calls.</summary>
public sealed class SequenceTokenCredential : TokenCredential
{
    private readonly AccessToken[] _tokens;
    private int _calls;

    public SequenceTokenCredential(params AccessToken[] tokens) => _tokens = tokens;

    public int Calls => _calls;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        _tokens[Math.Min(Interlocked.Increment(ref _calls), _tokens.Length) - 1];

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
