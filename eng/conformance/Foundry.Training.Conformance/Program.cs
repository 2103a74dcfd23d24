using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core.Pipeline;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Conformance;

/// <summary>
/// Starts Prism on the Azure OpenAI and OpenAI specs, drives every fine-tuning operation of the SDK against each in
/// static and dynamic mode, prints one line per operation and "N operations, N passed, N failed", and exits non-zero
/// on any failure. Prism is always killed.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(ConformanceSettings.Usage);
            return 0;
        }

        ConformanceSettings settings;
        KnownDeviations deviations;
        try
        {
            settings = ConformanceSettings.Parse(args);
            deviations = KnownDeviations.Load(settings.DeviationsPath);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(ConformanceSettings.Usage);
            return 2;
        }

        Stopwatch total = Stopwatch.StartNew();
        var servers = new Dictionary<string, PrismServer>();
        var results = new List<OperationResult>();
        var selfChecks = new List<string>();
        var timings = new List<string>();
        string workDirectory = Directory.CreateTempSubdirectory("foundry-conformance-").FullName;
        try
        {
            // Both processes load at once; the OpenAI spec (3 MB) takes the longest.
            foreach (string service in settings.Services)
            {
                servers[service] = PrismServer.Start(service, settings, service == ServiceNames.AzureOpenAI ? settings.AzureSpec : settings.OpenAISpec);
            }

            foreach (string service in settings.Services)
            {
                PrismServer server = servers[service];
                await server.WaitUntilListeningAsync(settings.StartupTimeout, CancellationToken.None).ConfigureAwait(false);
                timings.Add($"{service}: Prism listening after {total.Elapsed.TotalSeconds:0.0} s");
                Stopwatch run = Stopwatch.StartNew();
                results.AddRange(await RunServiceAsync(service, server.BaseUri, settings, deviations, workDirectory, selfChecks).ConfigureAwait(false));
                timings.Add($"{service}: operations took {run.Elapsed.TotalSeconds:0.0} s");
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("ERROR " + ex.Message);
            return 1;
        }
        finally
        {
            foreach (PrismServer server in servers.Values)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            Directory.Delete(workDirectory, recursive: true);
        }

        return Report(settings, deviations, results, selfChecks, timings, total.Elapsed);
    }

    private static async Task<List<OperationResult>> RunServiceAsync(string service, Uri prism, ConformanceSettings settings, KnownDeviations deviations, string workDirectory, List<string> selfChecks)
    {
        var recorder = new ExchangeRecorder(service == ServiceNames.AzureOpenAI ? "/openai" : null);
        FineTuningClient client = CreateClient(service, prism, recorder, validateRequests: true);
        using (var cts = new CancellationTokenSource(settings.OperationTimeout))
        {
            foreach (string line in await SelfChecks.RunAsync(service, CreateClient(service, prism, recorder, validateRequests: false), recorder, cts.Token).ConfigureAwait(false))
            {
                Console.WriteLine("SELF-CHECK " + line);
                selfChecks.Add(line);
            }
        }

        var context = new OperationContext(client, recorder, workDirectory);
        IReadOnlyList<ConformanceOperation> operations = service == ServiceNames.AzureOpenAI ? AzureOpenAIOperations.All : OpenAIPlatformOperations.All;
        var results = new List<OperationResult>();
        foreach (string mode in Enumerable.Repeat(settings.Modes, settings.Repeat).SelectMany(m => m))
        {
            recorder.Dynamic = mode == "dynamic";
            foreach (ConformanceOperation operation in operations)
            {
                OperationResult result = await OperationRunner.RunAsync(service, mode, operation, context, deviations, settings.OperationTimeout).ConfigureAwait(false);
                Print(result);
                results.Add(result);
            }
        }

        return results;
    }

    /// <summary>A client whose requests go through <paramref name="recorder"/> to Prism, each sent once (no retries).</summary>
    private static FineTuningClient CreateClient(string service, Uri prism, ExchangeRecorder recorder, bool validateRequests)
    {
#pragma warning disable CA2000 // The transport owns the HttpClient; the recorder is shared and lives for the whole run.
        var options = new FineTuningClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(recorder, disposeHandler: false)),
            ValidateRequests = validateRequests,
        };
#pragma warning restore CA2000
        options.Retry.MaxRetries = 0; // a rejected request must show up as it is, once
        options.Diagnostics.IsLoggingEnabled = false;
        if (service == ServiceNames.AzureOpenAI)
        {
            return new FineTuningClient(prism, new AzureKeyCredential("conformance-api-key"), options);
        }

        options.OpenAIEndpoint = prism;
        return FineTuningClient.ForOpenAI("sk-conformance", options);
    }

    private static void Print(OperationResult result)
    {
        string spec = result.Operation.SpecOperation ?? "(not in spec)";
        Console.WriteLine($"{(result.Passed ? "PASS" : "FAIL")}  {result.Service + "/" + result.Mode,-20} {spec,-28} {result.Operation.Name}  [{result.Requests} req] {result.Detail}");
        foreach (string failure in result.Failures)
        {
            Console.WriteLine("        ✗ " + failure);
        }

        foreach (string note in result.Notes)
        {
            Console.WriteLine("        · " + note);
        }
    }

    private static int Report(ConformanceSettings settings, KnownDeviations deviations, List<OperationResult> results, List<string> selfChecks, List<string> timings, TimeSpan elapsed)
    {
        Console.WriteLine();
        foreach (string service in settings.Services)
        {
            IReadOnlyList<(string Path, string OperationId)> inSpec = service == ServiceNames.AzureOpenAI
                ? SpecOperations.Read(settings.AzureSpec, "/")
                : SpecOperations.Read(settings.OpenAISpec, "/files", "/fine_tuning/", "/models");
            var driven = results.Where(r => r.Service == service && r.Operation.SpecOperation is not null).Select(r => r.Operation.SpecOperation!).ToHashSet(StringComparer.Ordinal);
            var notDriven = inSpec.Where(o => !driven.Contains(o.OperationId)).Select(o => $"{o.OperationId} ({o.Path})").ToList();
            int sdkOperations = results.Where(r => r.Service == service).Select(r => r.Operation.Name).Distinct(StringComparer.Ordinal).Count();
            int notInSpec = results.Where(r => r.Service == service && r.Operation.SpecOperation is null).Select(r => r.Operation.Name).Distinct(StringComparer.Ordinal).Count();
            Console.WriteLine($"{service}: {sdkOperations} SDK operations ({notInSpec} not in this spec, checked to fail with 404/405), covering {inSpec.Count - notDriven.Count} of {inSpec.Count} spec operations"
                + (notDriven.Count == 0 ? string.Empty : "; not driven (the SDK has no such member): " + string.Join(", ", notDriven)));
        }

        List<string> stale = deviations.Stale(settings.Services, settings.Modes).ToList();
        int excused = results.Count(r => r.Notes.Any(n => n.StartsWith("known deviation", StringComparison.Ordinal)));
        Console.WriteLine($"known deviations: {deviations.Count} listed, excusing problems in {excused} operation run(s)" + (stale.Count == 0 ? string.Empty : "; STALE (excused nothing, remove or fix): " + string.Join(", ", stale)));
        foreach (string timing in timings)
        {
            Console.WriteLine(timing);
        }

        Console.WriteLine($"modes: {string.Join(", ", settings.Modes)}; Prism --errors: {(settings.PrismErrors ? "on" : "off")}; seed {settings.Seed}; total {elapsed.TotalSeconds:0.0} s");
        int selfCheckFailures = selfChecks.Count(l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Console.WriteLine($"self-checks: {selfChecks.Count - selfCheckFailures} of {selfChecks.Count} passed");
        int failed = results.Count(r => !r.Passed);
        Console.WriteLine($"{results.Count} operations, {results.Count - failed} passed, {failed} failed");
        return failed == 0 && stale.Count == 0 && selfCheckFailures == 0 && results.Count > 0 ? 0 : 1;
    }
}
