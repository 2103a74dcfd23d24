using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using WireMock.Server;

namespace Foundry.Training.Conformance;

/// <summary>
/// Checks the SDK against the Foundry training jobs, Azure OpenAI and OpenAI specs in two directions: its requests
/// against a Prism mock of each spec (static and dynamic responses), and the emulator's responses through a validating
/// Prism proxy in front of it. Prints one line per operation and "N operations, N passed, N failed", and exits non-zero
/// on any failure. Prism and the emulator are always stopped.
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
        JsonSpecDocument? foundrySpec = null;
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
        var servers = new Dictionary<(string Service, string Direction), PrismServer>();
        var results = new List<OperationResult>();
        var selfChecks = new List<string>();
        var timings = new List<string>();
        string workDirectory = Directory.CreateTempSubdirectory("foundry-conformance-").FullName;
        bool response = settings.Directions.Contains(ServiceNames.Response);
        bool foundry = settings.Services.Contains(ServiceNames.Foundry);
        EmulatorFixtures? emulator = response ? EmulatorFixtures.Start() : null;
        WireMockServer? badUpstream = response && foundry ? SelfChecks.BadUpstream() : null;
        PrismServer? selfCheckProxy = null;
        try
        {
            // The Foundry spec compiles while every other Prism loads, the slowest (OpenAI, 3 MB) first; the runs then go
            // in order of readiness.
            Task<string>? compile = foundry && settings.CompileFoundry ? FoundrySpecCompiler.CompileAsync(settings) : null;
            void Start(string service)
            {
                foreach (string direction in settings.Directions)
                {
                    bool proxy = direction == ServiceNames.Response;
                    servers[(service, direction)] = PrismServer.Start(
                        $"{service} {(proxy ? "proxy" : "mock")}",
                        settings,
                        settings.SpecOf(service),
                        proxy ? emulator!.UpstreamOf(service) : null,
                        proxy ? settings.ProxyErrorsFor(service) : settings.PrismErrors);
                }
            }

            foreach (string service in settings.Services.Where(s => s != ServiceNames.Foundry).OrderBy(s => s == ServiceNames.OpenAI ? 0 : 1))
            {
                Start(service);
            }

            if (foundry)
            {
                if (compile is not null)
                {
                    Console.WriteLine(await compile.ConfigureAwait(false));
                    timings.Add($"foundry spec compiled after {total.Elapsed.TotalSeconds:0.0} s");
                }

                foundrySpec = JsonSpecDocument.Load(settings.FoundrySpec);
                Start(ServiceNames.Foundry);
                if (badUpstream is not null)
                {
                    selfCheckProxy = PrismServer.Start("foundry proxy (self-check)", settings, settings.FoundrySpec, new Uri(badUpstream.Url!), errors: true);
                }
            }

            foreach (string service in settings.Services)
            {
                foreach (string direction in settings.Directions)
                {
                    PrismServer server = servers[(service, direction)];
                    await server.WaitUntilListeningAsync(settings.StartupTimeout, CancellationToken.None).ConfigureAwait(false);
                    timings.Add($"{server.Name}: listening after {total.Elapsed.TotalSeconds:0.0} s");
                    Stopwatch run = Stopwatch.StartNew();
                    var target = new Target(service, direction, server.BaseUri, settings, deviations, workDirectory, foundrySpec, emulator);
                    results.AddRange(await target.RunAsync(selfChecks).ConfigureAwait(false));
                    timings.Add($"{server.Name}: operations took {run.Elapsed.TotalSeconds:0.0} s");
                }
            }

            if (selfCheckProxy is not null)
            {
                await selfCheckProxy.WaitUntilListeningAsync(settings.StartupTimeout, CancellationToken.None).ConfigureAwait(false);
                var recorder = new ExchangeRecorder(ServiceNames.Foundry, selfCheckProxy.BaseUri);
                using var cts = new CancellationTokenSource(settings.OperationTimeout);
                string line = await SelfChecks.RunResponseAsync(Target.CreateJobsClient(selfCheckProxy.BaseUri, recorder, validateRequests: true), recorder, cts.Token).ConfigureAwait(false);
                Console.WriteLine("SELF-CHECK " + line);
                selfChecks.Add(line);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception or RequestFailedException or IOException or System.Text.Json.JsonException)
        {
            Console.WriteLine("ERROR " + ex.Message);
            return 1;
        }
        finally
        {
            foreach (PrismServer server in servers.Values.Append(selfCheckProxy).OfType<PrismServer>())
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            badUpstream?.Stop();
            badUpstream?.Dispose();
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            Directory.Delete(workDirectory, recursive: true);
        }

        return Report(settings, deviations, foundrySpec, results, selfChecks, timings, total.Elapsed);
    }

    private static int Report(ConformanceSettings settings, KnownDeviations deviations, JsonSpecDocument? foundrySpec, List<OperationResult> results, List<string> selfChecks, List<string> timings, TimeSpan elapsed)
    {
        Console.WriteLine();
        var specOperations = new Dictionary<string, IReadOnlyList<(string Path, string OperationId)>>(StringComparer.Ordinal);
        foreach (string service in settings.Services)
        {
            IReadOnlyList<(string Path, string OperationId)> inSpec = specOperations[service] = service switch
            {
                ServiceNames.Foundry => foundrySpec!.Operations.Select(o => (o.Path, o.OperationId)).ToList(),
                ServiceNames.AzureOpenAI => SpecOperations.Read(settings.AzureSpec, "/"),
                _ => SpecOperations.Read(settings.OpenAISpec, "/files", "/fine_tuning/", "/models"),
            };
            foreach (string direction in settings.Directions)
            {
                List<OperationResult> ran = results.Where(r => r.Service == service && r.Direction == direction).ToList();
                var driven = ran.Where(r => r.Operation.SpecOperation is not null).Select(r => r.Operation.SpecOperation!).ToHashSet(StringComparer.Ordinal);
                var notDriven = inSpec.Where(o => !driven.Contains(o.OperationId)).Select(o => $"{o.OperationId} ({o.Path})").ToList();
                int sdkOperations = ran.Select(r => r.Operation.Name).Distinct(StringComparer.Ordinal).Count();
                int notInSpec = ran.Where(r => r.Operation.SpecOperation is null).Select(r => r.Operation.Name).Distinct(StringComparer.Ordinal).Count();
                Console.WriteLine($"{service} {direction}: {sdkOperations} SDK operations and flows ({notInSpec} not in this spec, checked to fail with 404/405), covering {inSpec.Count - notDriven.Count} of {inSpec.Count} spec operations"
                    + (notDriven.Count == 0 ? string.Empty : "; not driven: " + string.Join(", ", notDriven)));
            }
        }

        List<string> distinct = DistinctResponseViolations(results);
        if (distinct.Count > 0)
        {
            Console.WriteLine($"distinct response violations (the emulator's, through the proxies): {distinct.Count}");
            foreach (string violation in distinct)
            {
                Console.WriteLine("  " + violation);
            }
        }

        List<string> stale = deviations.Stale(settings.Services, results.Select(r => r.Mode).Distinct().ToList()).ToList();
        int excused = results.Count(r => r.Notes.Any(n => n.StartsWith("known deviation", StringComparison.Ordinal)));
        Console.WriteLine($"known deviations: {deviations.Count} listed, excusing problems in {excused} operation run(s)" + (stale.Count == 0 ? string.Empty : "; STALE (excused nothing, remove or fix): " + string.Join(", ", stale)));
        foreach (string timing in timings)
        {
            Console.WriteLine(timing);
        }

        Console.WriteLine($"directions: {string.Join(", ", settings.Directions)}; modes: {string.Join(", ", settings.Modes)}; Prism --errors: mocks {(settings.PrismErrors ? "on" : "off")}, proxies {string.Join(", ", settings.Services.Select(s => s + " " + (settings.ProxyErrorsFor(s) ? "on" : "off")))}; seed {settings.Seed}; total {elapsed.TotalSeconds:0.0} s");
        if (settings.TablePath is not null)
        {
            File.WriteAllText(settings.TablePath, ResultTable.Markdown(settings, results, specOperations));
            Console.WriteLine("table written to " + settings.TablePath);
        }

        int selfCheckFailures = selfChecks.Count(l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Console.WriteLine($"self-checks: {selfChecks.Count - selfCheckFailures} of {selfChecks.Count} passed");
        int failed = results.Count(r => !r.Passed);
        Console.WriteLine($"{results.Count} operations, {results.Count - failed} passed, {failed} failed");
        return failed == 0 && stale.Count == 0 && selfCheckFailures == 0 && results.Count > 0 ? 0 : 1;
    }

    /// <summary>The response violations Prism reported through the proxies, one line each, with how often they came.</summary>
    private static List<string> DistinctResponseViolations(List<OperationResult> results) =>
        results.Where(r => r.Direction == ServiceNames.Response)
            .SelectMany(r => r.Failures.Select(f => (r.Service, Text: f)))
            .Select(f => (f.Service, Text: f.Text.Substring(f.Text.IndexOf(": ", StringComparison.Ordinal) + 2)))
            .Where(f => f.Text.StartsWith("prism: response", StringComparison.Ordinal))
            .Select(f => (f.Service, Text: System.Text.RegularExpressions.Regex.Replace(f.Text, @"\.\d+\.", ".N.")))
            .GroupBy(f => f.Service + ": " + f.Text, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}  [{g.Count()} operation run(s)]")
            .ToList();
}
