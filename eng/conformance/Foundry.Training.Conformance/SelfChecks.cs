using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Conformance;

/// <summary>
/// Negative controls: proof that the runner can fail. A run whose checks could not catch a bad request would pass
/// vacuously, so each service first sends a create the spec forbids (client validation off) and expects Prism to reject
/// it with a request violation, and the multipart check is fed a broken form.
/// </summary>
internal static class SelfChecks
{
    /// <summary>Returns one line per check: "PASS ..." or "FAIL ...".</summary>
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

        Violation? caught = recorder.Drain().SelectMany(e => e.Violations).FirstOrDefault(v => v.IsRequest && v.IsError && v.Message.Contains("training_file", StringComparison.Ordinal));
        lines.Add(error is RequestFailedException { Status: >= 400 } && caught is not null
            ? $"PASS  {service}: Prism rejects a create without training_file ({((RequestFailedException)error).Status}, {caught})"
            : $"FAIL  {service}: a create without training_file was not rejected with a request violation ({(error is null ? "it succeeded" : OperationRunner.Describe(error))})");

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
}
