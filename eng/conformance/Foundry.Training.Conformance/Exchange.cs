using System.Collections.Generic;

namespace Foundry.Training.Conformance;

/// <summary>One request the SDK sent and what Prism answered.</summary>
internal sealed class Exchange
{
    public required string Method { get; init; }

    /// <summary>The path as the SDK sent it (before the Azure <c>/openai</c> prefix is removed).</summary>
    public required string SentPath { get; init; }

    /// <summary>The path Prism saw (relative to the spec's server).</summary>
    public required string Path { get; init; }

    public required string Query { get; init; }

    /// <summary>Sent to another address of this machine (an emulator storage URL), not to Prism: no spec applies.</summary>
    public bool External { get; init; }

    public string? RequestContentType { get; init; }

    public byte[]? RequestBody { get; init; }

    public int Status { get; set; }

    public string? ResponseContentType { get; set; }

    /// <summary>The <c>title</c> of Prism's own <c>application/problem+json</c> error, which says what Prism could not do.</summary>
    public string? ProblemTitle { get; set; }

    /// <summary>What Prism reported, from the <c>sl-violations</c> header and a 422 body.</summary>
    public List<Violation> Violations { get; } = new();

    /// <summary>Problems the runner found itself (a missing <c>/openai</c> prefix, a malformed multipart body, ...).</summary>
    public List<string> Problems { get; } = new();

    public override string ToString() => $"{Method} {Path}{Query} -> {Status}";
}
