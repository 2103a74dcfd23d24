using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using WireMock.Server;
using WireMock.Settings;

namespace Foundry.Training.Conformance;

/// <summary>
/// Negative controls: proof that the runner can fail. A run whose checks could not catch a bad request or a bad
/// response would pass vacuously, so each mock is first sent a create its spec forbids (client validation off) and must
/// reject it with a request violation, the multipart check is fed a broken form, and a proxy in front of a server that
/// answers with a body the spec forbids must report response violations.
/// </summary>
internal static class SelfChecks
{
    /// <summary>Request direction, fine-tuning: returns one line per check, "PASS ..." or "FAIL ...".</summary>
    public static async Task<List<string>> RunAsync(string service, FineTuningClient unvalidatedClient, ExchangeRecorder recorder, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        recorder.Drain();
        Exception? error = null;
        try
        {
            // No training_file: both specs require it.
            await unvalidatedClient.CreateJobAsync(new FineTuningJobCreateOptions { Model = "gpt-4o-mini" }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            error = ex;
        }

        lines.Add(Judge(service, "a create without training_file", error, recorder.Drain(), v => v.IsRequest && v.Message.Contains("training_file", StringComparison.Ordinal)));

        byte[] content = Encoding.UTF8.GetBytes("{}\n");
        var broken = new Exchange
        {
            Method = "POST",
            SentPath = "/files",
            Path = "/files",
            Query = string.Empty,
            RequestContentType = "multipart/form-data; boundary=b",
            RequestBody = Encoding.UTF8.GetBytes(
                "--b\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tuning\r\n" +
                "--b\r\nContent-Disposition: form-data; name=\"extra\"\r\n\r\nx\r\n--b--\r\n"),
        };
        List<string> problems = MultipartCheck.Check(broken, new[] { "fine-tune" }, new[] { "purpose", "file" }, "fine-tune", "train.jsonl", content).ToList();
        bool all = problems.Any(p => p.Contains("'extra'", StringComparison.Ordinal))
            && problems.Any(p => p.Contains("'fine-tuning'", StringComparison.Ordinal))
            && problems.Any(p => p.Contains("'file' is missing", StringComparison.Ordinal));
        lines.Add(all
            ? $"PASS  {service}: the multipart check catches an unknown part, a bad purpose and a missing file"
            : $"FAIL  {service}: the multipart check missed problems in a broken form (found: {string.Join("; ", problems)})");
        return lines;
    }

    /// <summary>
    /// Request direction, Foundry: a create without <c>properties</c>, which the spec requires. Sent as raw HTTP: the
    /// SDK cannot send it even with validation off, and Prism does not validate a polymorphic body past its
    /// discriminator (a <c>CommandJob</c> without <c>compute_id</c> passes; see docs/conformance.md).
    /// </summary>
    public static async Task<List<string>> RunAsync(Uri prism, ExchangeRecorder recorder, CancellationToken cancellationToken)
    {
        recorder.Drain();
        using var http = new HttpClient(recorder, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(prism, "training_jobs?api-version=v1"))
        {
            Content = new StringContent("""{"name":"self-check"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "conformance-token");
        request.Headers.Add("Foundry-Features", "TrainingJobs=V1Preview");
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Exception? error = response.IsSuccessStatusCode ? null : new RequestFailedException((int)response.StatusCode, "rejected");
        return new List<string> { Judge(ServiceNames.Foundry, "a create without properties", error, recorder.Drain(), v => v.IsRequest && v.Message.Contains("properties", StringComparison.Ordinal)) };
    }

    /// <summary>
    /// Response direction: a Foundry proxy in front of <see cref="BadUpstream"/>, whose job has a number for a name and
    /// no properties, must answer 500 and report both.
    /// </summary>
    public static async Task<string> RunResponseAsync(TrainingJobsClient client, ExchangeRecorder recorder, CancellationToken cancellationToken)
    {
        recorder.Drain();
        Exception? error = null;
        try
        {
            await client.GetAsync("self-check", cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            error = ex;
        }

        IReadOnlyList<Exchange> exchanges = recorder.Drain();
        List<Violation> found = exchanges.SelectMany(e => e.Violations).Where(v => !v.IsRequest && v.IsError).ToList();
        bool both = found.Any(v => v.Location.EndsWith(".name", StringComparison.Ordinal)) && found.Any(v => v.Message.Contains("properties", StringComparison.Ordinal));
        return error is RequestFailedException { Status: 500 } && both
            ? $"PASS  {ServiceNames.Foundry}/{ServiceNames.Proxy}: a proxy reports a response the spec forbids (500, {string.Join("; ", found)})"
            : $"FAIL  {ServiceNames.Foundry}/{ServiceNames.Proxy}: a bad response was not reported with response violations ({(error is null ? "the call succeeded" : OperationRunner.Describe(error))}; found: {string.Join("; ", found)})";
    }

    /// <summary>An upstream whose every training job breaks the spec: <c>name</c> is a number and <c>properties</c> is missing.</summary>
    public static WireMockServer BadUpstream()
    {
        WireMockServer server = WireMockServer.Start(new WireMockServerSettings { Urls = new[] { "http://127.0.0.1:0" }, StartAdminInterface = false, Logger = new WireMock.Logging.WireMockNullLogger() });
        server.Given(WireMock.RequestBuilders.Request.Create().UsingGet().WithPath("/training_jobs/self-check"))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"name":42,"id":"self-check"}"""));
        return server;
    }

    private static string Judge(string service, string what, Exception? error, IReadOnlyList<Exchange> exchanges, Func<Violation, bool> expected)
    {
        Violation? caught = exchanges.SelectMany(e => e.Violations).FirstOrDefault(v => v.IsError && expected(v));
        return error is RequestFailedException { Status: >= 400 } rejected && caught is not null
            ? $"PASS  {service}: Prism rejects {what} ({rejected.Status}, {caught})"
            : $"FAIL  {service}: {what} was not rejected with a request violation ({(error is null ? "it succeeded" : OperationRunner.Describe(error))})";
    }
}
