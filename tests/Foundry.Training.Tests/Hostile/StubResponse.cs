using Azure;

namespace Foundry.Training.Tests.Hostile;

/// <summary>A bare 200 response, for code that only names the response a listing came in (its status and request id).</summary>
internal sealed class StubResponse : Response
{
    public override int Status => 200;

    public override string ReasonPhrase => "OK";

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = "c";

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => false;

    protected override IEnumerable<Azure.Core.HttpHeader> EnumerateHeaders() => Array.Empty<Azure.Core.HttpHeader>();

    protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = null;
        return false;
    }
}
