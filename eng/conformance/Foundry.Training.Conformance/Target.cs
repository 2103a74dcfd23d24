using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Foundry.Training.Datasets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Conformance;

/// <summary>One service in one direction: its Prism (a mock, or a proxy in front of the emulator), clients and operations.</summary>
internal sealed class Target
{
    private readonly string _service;
    private readonly string _direction;
    private readonly Uri _prism;
    private readonly ConformanceSettings _settings;
    private readonly KnownDeviations _deviations;
    private readonly string _workDirectory;
    private readonly JsonSpecDocument? _foundrySpec;
    private readonly EmulatorFixtures? _emulator;

    public Target(string service, string direction, Uri prism, ConformanceSettings settings, KnownDeviations deviations, string workDirectory, JsonSpecDocument? foundrySpec, EmulatorFixtures? emulator)
    {
        _service = service;
        _direction = direction;
        _prism = prism;
        _settings = settings;
        _deviations = deviations;
        _workDirectory = workDirectory;
        _foundrySpec = foundrySpec;
        _emulator = emulator;
    }

    public async Task<List<OperationResult>> RunAsync(List<string> selfChecks)
    {
        var recorder = new ExchangeRecorder(_service, _prism, _direction == ServiceNames.Response ? _emulator!.Emulator.Endpoint : null);
        bool foundry = _service == ServiceNames.Foundry;
        using var cts = new CancellationTokenSource(_settings.OperationTimeout);
        if (_direction == ServiceNames.Request)
        {
            List<string> lines = foundry
                ? await SelfChecks.RunAsync(_prism, recorder, cts.Token).ConfigureAwait(false)
                : await SelfChecks.RunAsync(_service, CreateFineTuningClient(recorder, validateRequests: false), recorder, cts.Token).ConfigureAwait(false);
            foreach (string line in lines)
            {
                Console.WriteLine("SELF-CHECK " + line);
                selfChecks.Add(line);
            }
        }

        Fixture fixture = _direction == ServiceNames.Request ? Fixture.ForMock(_service) : await _emulator!.CreateAsync(_service, cts.Token).ConfigureAwait(false);
        var context = new OperationContext(
            recorder,
            _workDirectory,
            fixture,
            foundry ? null : CreateFineTuningClient(recorder, validateRequests: true),
            foundry ? CreateJobsClient(_prism, recorder, validateRequests: true) : null,
            foundry ? CreateDatasetsClient(_prism, recorder) : null,
            foundry ? _foundrySpec : null);
        IEnumerable<ConformanceOperation> operations = (_service switch
        {
            ServiceNames.Foundry => FoundryOperations.All.Concat(FoundryDatasetsOperations.All).ToList(),
            ServiceNames.AzureOpenAI => AzureOpenAIOperations.All,
            _ => OpenAIPlatformOperations.All.Concat(OpenAIPlatformUploadOperations.All).ToList(),
        }).Concat(SampleFlows.For(_service)).Where(o => o.Directions.Contains(_direction));
        IEnumerable<string> modes = _direction == ServiceNames.Request
            ? Enumerable.Repeat(_settings.Modes, _settings.Repeat).SelectMany(m => m)
            : new[] { ServiceNames.Proxy };

        var results = new List<OperationResult>();
        foreach (string mode in modes)
        {
            recorder.Dynamic = mode == "dynamic";
            foreach (ConformanceOperation operation in operations)
            {
                OperationResult result = await OperationRunner.RunAsync(_service, mode, operation, context, _deviations, _settings.OperationTimeout).ConfigureAwait(false);
                Print(result);
                results.Add(result);
            }
        }

        return results;
    }

    /// <summary>A training jobs client whose requests go through <paramref name="recorder"/> to Prism, each sent once.</summary>
    public static TrainingJobsClient CreateJobsClient(Uri prism, ExchangeRecorder recorder, bool validateRequests)
    {
#pragma warning disable CA2000 // The transport owns the HttpClient; the recorder is shared and lives for the whole run.
        var options = new TrainingJobsClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(recorder, disposeHandler: false)),
            ValidateRequests = validateRequests,
        };
#pragma warning restore CA2000
        options.Retry.MaxRetries = 0; // a rejected request must show up as it is, once
        options.Diagnostics.IsLoggingEnabled = false;
        return new TrainingJobsClient(prism, new ConformanceCredential(), options);
    }

    /// <summary>A datasets client whose requests go through <paramref name="recorder"/> to Prism, each sent once.</summary>
    private static DatasetsClient CreateDatasetsClient(Uri prism, ExchangeRecorder recorder)
    {
#pragma warning disable CA2000 // The transport owns the HttpClient; the recorder is shared and lives for the whole run.
        var options = new DatasetsClientOptions { Transport = new HttpClientTransport(new HttpClient(recorder, disposeHandler: false)) };
#pragma warning restore CA2000
        options.Retry.MaxRetries = 0; // a rejected request must show up as it is, once
        options.Diagnostics.IsLoggingEnabled = false;
        return new DatasetsClient(prism, new ConformanceCredential(), options);
    }

    /// <summary>A fine-tuning client whose requests go through <paramref name="recorder"/> to Prism, each sent once (no retries).</summary>
    private FineTuningClient CreateFineTuningClient(ExchangeRecorder recorder, bool validateRequests)
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
        if (_service == ServiceNames.AzureOpenAI)
        {
            return new FineTuningClient(_prism, new AzureKeyCredential("conformance-api-key"), options);
        }

        options.OpenAIEndpoint = _prism;
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

    /// <summary>Any token: Prism and the emulator check that one is there, not what it is.</summary>
    private sealed class ConformanceCredential : TokenCredential
    {
        private static readonly AccessToken s_token = new("conformance-token", DateTimeOffset.MaxValue);

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => s_token;

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(s_token);
    }
}
