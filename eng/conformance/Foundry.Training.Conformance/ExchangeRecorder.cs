using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.Conformance;

/// <summary>
/// The SDK's HTTP handler in this runner: maps the SDK's URL onto Prism's, asks for static or dynamic responses,
/// and records each exchange with the violations Prism reported. A request to another address of this machine (an
/// artifact's pre-signed storage URL on the emulator) is recorded as external; one that would leave the machine is refused.
/// </summary>
/// <remarks>
/// Prism serves a spec's paths at its root and ignores the spec's servers. The Azure OpenAI swagger's paths are relative to
/// <c>x-ms-parameterized-host</c> <c>{endpoint}/openai</c>, so the SDK's <c>/openai</c> prefix is checked and removed here;
/// the OpenAI spec's paths are relative to <c>https://api.openai.com/v1</c>, which the runner replaces with Prism's root
/// through <c>FineTuningClientOptions.OpenAIEndpoint</c>.
/// </remarks>
internal sealed class ExchangeRecorder : DelegatingHandler
{
    private readonly string _service;
    private readonly Uri _prism;
    private readonly string? _requiredPrefix;
    private readonly List<Exchange> _exchanges = new();

    private readonly string? _upstream;

    /// <param name="service">The service whose conventions the requests must follow.</param>
    /// <param name="prism">Prism's address.</param>
    /// <param name="upstream">Behind a proxy, the emulator's endpoint, whose absolute URLs in a <c>Location</c> or
    /// <c>Operation-Location</c> are pointed back at the proxy, as any reverse proxy does, so that polls pass it too;
    /// and in a page's <c>nextLink</c>, so that the next pages do.</param>
    public ExchangeRecorder(string service, Uri prism, Uri? upstream = null)
        : base(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        _service = service;
        _prism = prism;
        _upstream = upstream?.AbsoluteUri.TrimEnd('/');
        _requiredPrefix = service == ServiceNames.AzureOpenAI ? "/openai" : null;
    }

    /// <summary>Whether Prism generates responses from the schema (<c>Prefer: dynamic=true</c>) instead of static examples.</summary>
    public bool Dynamic { get; set; }

    /// <summary>Called after each exchange (for example to stop a wait loop after a few polls).</summary>
    public Action<Exchange>? OnExchange { get; set; }

    /// <summary>Returns and forgets what was recorded so far.</summary>
    public IReadOnlyList<Exchange> Drain()
    {
        lock (_exchanges)
        {
            Exchange[] copy = _exchanges.ToArray();
            _exchanges.Clear();
            return copy;
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RefuseToLeaveTheMachine(request);
        // ReadAsStream serializes the SDK's content with its synchronous writer, as HttpClient.Send would.
        byte[]? body = request.Content is null ? null : ReadAll(request.Content.ReadAsStream(cancellationToken));
        Exchange exchange = Prepare(request, body);
        HttpResponseMessage response = base.Send(request, cancellationToken);
        Complete(exchange, response, ReadAll(response.Content.ReadAsStream(cancellationToken)));
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RefuseToLeaveTheMachine(request);
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        Exchange exchange = Prepare(request, body);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Complete(exchange, response, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        return response;
    }

    /// <summary>Prism's mocks make up URLs (an artifact's content URI, a next link); no request may follow one off the machine.</summary>
    private static void RefuseToLeaveTheMachine(HttpRequestMessage request)
    {
        Uri uri = request.RequestUri!;
        if (!uri.IsLoopback)
        {
            throw new HttpRequestException($"conformance: refused to send {request.Method} {uri.GetLeftPart(UriPartial.Path)} off this machine");
        }
    }

    private bool IsExternal(Uri uri) => uri.Port != _prism.Port;

    /// <summary>
    /// What Prism does not check: it ignores unknown query parameters and headers, so a second <c>api-version</c> or a
    /// credential in the other service's header would pass. Azure OpenAI: exactly one <c>api-version=2024-05-01-preview</c>
    /// and the key in <c>api-key</c> only; OpenAI: no <c>api-version</c>, and the key as <c>Authorization: Bearer</c> only;
    /// Foundry: exactly one <c>api-version=v1</c> and an Entra ID token as <c>Authorization: Bearer</c> only.
    /// </summary>
    private IEnumerable<string> CheckServiceConventions(HttpRequestMessage request, Uri uri)
    {
        string[] versions = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => pair.StartsWith("api-version=", StringComparison.OrdinalIgnoreCase) || pair.Equals("api-version", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        bool apiKey = request.Headers.Contains("api-key");
        string? authorization = request.Headers.Authorization?.Scheme;
        if (_service == ServiceNames.Foundry)
        {
            if (versions.Length != 1 || versions[0] != "api-version=v1")
            {
                yield return $"expected exactly one api-version=v1, the query is '{uri.Query}'";
            }

            if (authorization != "Bearer" || apiKey)
            {
                yield return $"expected an Entra ID token as Authorization: Bearer only (Authorization: {authorization ?? "none"}, api-key: {apiKey})";
            }
        }
        else if (_requiredPrefix is not null)
        {
            if (versions.Length != 1 || versions[0] != "api-version=2024-05-01-preview")
            {
                yield return $"expected exactly one api-version=2024-05-01-preview, the query is '{uri.Query}'";
            }

            if (!apiKey || authorization is not null)
            {
                yield return $"expected the key in api-key only (api-key: {apiKey}, Authorization: {authorization ?? "none"})";
            }
        }
        else
        {
            if (versions.Length != 0)
            {
                yield return $"the OpenAI platform is not versioned, yet the query is '{uri.Query}'";
            }

            if (authorization != "Bearer" || apiKey)
            {
                yield return $"expected the key as Authorization: Bearer only (Authorization: {authorization ?? "none"}, api-key: {apiKey})";
            }
        }
    }

    /// <summary>Points a page's <c>nextLink</c> on the emulator at the proxy (after Prism has checked the page).</summary>
    private byte[] RewriteNextLink(byte[] body)
    {
        if (_upstream is null || body.AsSpan().IndexOf("\"nextLink\""u8) < 0)
        {
            return body;
        }

        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject page
                && page["nextLink"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out string? link)
                && link.StartsWith(_upstream + "/", StringComparison.Ordinal))
            {
                page["nextLink"] = _prism.AbsoluteUri.TrimEnd('/') + link.Substring(_upstream.Length);
                return System.Text.Encoding.UTF8.GetBytes(page.ToJsonString());
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the SDK reports it.
        }

        return body;
    }

    private void RewriteLocations(HttpResponseMessage response)
    {
        if (_upstream is null)
        {
            return;
        }

        string proxy = _prism.AbsoluteUri.TrimEnd('/');
        foreach (string name in new[] { "Location", "Operation-Location" })
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values) && values.FirstOrDefault() is string value
                && value.StartsWith(_upstream + "/", StringComparison.Ordinal))
            {
                response.Headers.Remove(name);
                response.Headers.TryAddWithoutValidation(name, proxy + value.Substring(_upstream.Length));
            }
        }
    }

    private static byte[] ReadAll(System.IO.Stream stream)
    {
        using (stream)
        {
            using var copy = new System.IO.MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    /// <summary>Replaces a content that was read to record it with an identical buffered one.</summary>
    private static ByteArrayContent Rebuffer(HttpContent original, byte[] bytes)
    {
        var copy = new ByteArrayContent(bytes);
        foreach (KeyValuePair<string, IEnumerable<string>> header in original.Headers)
        {
            // The length is the copy's own (a rewritten nextLink changes it).
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        original.Dispose();
        return copy;
    }

    private Exchange Prepare(HttpRequestMessage request, byte[]? body)
    {
        Uri uri = request.RequestUri!;
        if (IsExternal(uri))
        {
            return new Exchange
            {
                Method = request.Method.Method,
                SentPath = uri.AbsolutePath,
                Path = uri.AbsolutePath,
                Query = uri.Query,
                External = true,
            };
        }

        string sentPath = uri.AbsolutePath;
        string path = sentPath;
        var problems = new List<string>();
        if (_requiredPrefix is not null)
        {
            if (sentPath.StartsWith(_requiredPrefix + "/", StringComparison.Ordinal))
            {
                path = sentPath.Substring(_requiredPrefix.Length);
                request.RequestUri = new UriBuilder(uri) { Path = path }.Uri;
            }
            else
            {
                problems.Add($"the path {sentPath} does not start with the spec's host template suffix {_requiredPrefix}");
            }
        }

        problems.AddRange(CheckServiceConventions(request, uri));
        if (Dynamic)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "dynamic=true");
        }

        if (request.Content is not null && body is not null)
        {
            request.Content = Rebuffer(request.Content, body);
        }

        var exchange = new Exchange
        {
            Method = request.Method.Method,
            SentPath = sentPath,
            Path = path,
            Query = uri.Query,
            RequestContentType = request.Content?.Headers.ContentType?.ToString(),
            RequestBody = body,
        };
        exchange.Problems.AddRange(problems);
        return exchange;
    }

    private void Complete(Exchange exchange, HttpResponseMessage response, byte[] responseBody)
    {
        response.Content = Rebuffer(response.Content, exchange.External ? responseBody : RewriteNextLink(responseBody));
        if (exchange.External)
        {
            exchange.Status = (int)response.StatusCode;
            lock (_exchanges)
            {
                _exchanges.Add(exchange);
            }

            return;
        }

        RewriteLocations(response);
        exchange.Status = (int)response.StatusCode;
        exchange.ResponseContentType = response.Content.Headers.ContentType?.MediaType;
        if (response.Headers.TryGetValues("sl-violations", out IEnumerable<string>? values))
        {
            foreach (string value in values)
            {
                exchange.Violations.AddRange(Violation.ParseArray(value));
            }
        }

        if (exchange.ResponseContentType == "application/problem+json")
        {
            exchange.ProblemTitle = Violation.ProblemTitle(responseBody);
        }

        // Prism's own 422 (no validation response in the spec) lists the request's problems in its body only; with
        // --errors, its 500 lists every response error (the sl-violations header may have been cut).
        if (exchange.Status is 422 or 500 && exchange.ResponseContentType == "application/problem+json")
        {
            foreach (Violation v in Violation.ParseProblemBody(responseBody))
            {
                if (!exchange.Violations.Any(existing => existing.Location == v.Location && existing.Message == v.Message))
                {
                    exchange.Violations.Add(v);
                }
            }
        }

        // Without --errors nothing else lists the violations: a list Prism cut short hides some.
        if (exchange.Violations.Any(v => v.IsCutShort) && !(exchange.Status == 500 && exchange.ProblemTitle is not null))
        {
            exchange.Problems.Add("Prism cut its sl-violations list short and no --errors body lists the rest: some violations are unknown");
        }

        lock (_exchanges)
        {
            _exchanges.Add(exchange);
        }

        OnExchange?.Invoke(exchange);
    }
}
