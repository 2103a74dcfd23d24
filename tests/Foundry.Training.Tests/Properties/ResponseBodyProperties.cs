using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Foundry.Training.Datasets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using Foundry.Training.Tests.Properties.Generators;

namespace Foundry.Training.Tests.Properties;

/// <summary>
/// Both clients receiving random and damaged response bodies: a success status with a body that is not what the
/// operation promises is a <see cref="RequestFailedException"/> with error code <c>InvalidResponseBody</c> (the
/// <see cref="JsonException"/> inside), an error status with any body at all is a <see cref="RequestFailedException"/>
/// with that status, and a valid body always succeeds. Nothing else ever comes out of a client.
/// </summary>
public sealed class ResponseBodyProperties : IDisposable
{
    private readonly StubHandler _handler = new();
    private readonly HttpClient _http;
    private readonly TrainingJobsClient _jobs;
    private readonly FineTuningClient _fineTuning;
    private readonly FineTuningClient _openAI;
    private readonly DatasetsClient _datasets;

    public ResponseBodyProperties()
    {
        _http = new HttpClient(_handler);
        var jobsOptions = new TrainingJobsClientOptions { Transport = new HttpClientTransport(_http), ValidateRequests = false };
        jobsOptions.Retry.MaxRetries = 0;
        _jobs = new TrainingJobsClient(new Uri("http://127.0.0.1/api/projects/p"), new StaticTokenCredential(), jobsOptions);
        var fineTuningOptions = new FineTuningClientOptions { Transport = new HttpClientTransport(_http), ValidateRequests = false };
        fineTuningOptions.Retry.MaxRetries = 0;
        _fineTuning = new FineTuningClient(new Uri("http://127.0.0.1"), new AzureKeyCredential("key"), fineTuningOptions);
        var openAIOptions = new FineTuningClientOptions { Transport = new HttpClientTransport(_http), ValidateRequests = false, OpenAIEndpoint = new Uri("http://127.0.0.1/v1") };
        openAIOptions.Retry.MaxRetries = 0;
        _openAI = FineTuningClient.ForOpenAI("key", openAIOptions);
        var datasetsOptions = new DatasetsClientOptions { Transport = new HttpClientTransport(_http) };
        datasetsOptions.Retry.MaxRetries = 0;
        _datasets = new DatasetsClient(new Uri("http://127.0.0.1/api/projects/p"), new StaticTokenCredential(), datasetsOptions);
    }

    public void Dispose() => _http.Dispose();

    internal enum Envelope
    {
        None,
        FoundryPage,
        OpenAIPage,
        NextLinkPage,
    }

    /// <summary>A client operation, the model its response carries, and how that model is wrapped.</summary>
    internal sealed record Call(string Name, Type Model, Envelope Envelope, Action<ResponseBodyProperties, bool> Invoke)
    {
        public override string ToString() => Name;
    }

    /// <summary>
    /// Every operation of the tables with a JSON body (<c>OperationTableTests</c> checks the derivation), called through
    /// its public sync or async method with arguments that pass the client's checks.
    /// </summary>
    internal static readonly Call[] s_calls = TrainingJobsOperations.All.Concat(FineTuningOperations.All).Concat(DatasetsOperations.All)
        .Where(o => o.Response is not null && o.Response != typeof(Stream))
        .Select(o => new Call(o.Name, o.Response!, EnvelopeOf(o), (t, async) => t.Invoke(o, async)))
        .ToArray();

    private static Envelope EnvelopeOf(ServiceOperation operation) => operation.Paging switch
    {
        OperationPaging.NotPaged => Envelope.None,
        OperationPaging.NextLink => Envelope.NextLinkPage,
        _ => TrainingJobsOperations.All.Contains(operation) ? Envelope.FoundryPage : Envelope.OpenAIPage,
    };

    /// <summary>Calls <paramref name="operation"/> (long-running ones only started) on the Azure OpenAI client, or the platform's for an operation only the platform has; the stub answers synchronously.</summary>
    private void Invoke(ServiceOperation operation, bool async)
    {
        FineTuningClient fineTuning = (operation.Versions & ServiceVersions.AzureOpenAI2024_05_01Preview) != 0 ? _fineTuning : _openAI;
        object client = operation.Name.Split('.')[0] switch
        {
            nameof(TrainingJobsClient) => _jobs,
            nameof(DatasetsClient) => _datasets,
            nameof(FineTuningClient) => fineTuning,
            nameof(FineTuningFilesClient) => fineTuning.GetFilesClient(),
            nameof(FineTuningModelsClient) => fineTuning.GetModelsClient(),
            nameof(FineTuningCheckpointPermissionsClient) => fineTuning.GetCheckpointPermissionsClient(),
            _ => fineTuning.GetIngestionJobsClient(),
        };
        OperationCalls.InvokeAsync(OperationCalls.MethodOf(operation, async), client, p => OperationCalls.Argument(p, Path.GetTempPath(), WaitUntil.Started)).GetAwaiter().GetResult();
    }

    /// <summary>A response body for a call: valid, or damaged by one of the mutations.</summary>
    private sealed record Exchange(Call Call, bool Async, bool Valid, string Mutation, byte[] Body)
    {
        public override string ToString() => $"{Call.Name} ({(Async ? "async" : "sync")}) / {Mutation}: {Encoding.UTF8.GetString(Body)}";
    }

    private static Gen<JsonNode> ValidBody(Call call)
    {
        if (call.Envelope == Envelope.None)
        {
            return ModelJson.NodeFor(call.Model).Select(node => call.Name switch
            {
                // The grader comes back wrapped; a part without an id cannot complete an upload, so the client refuses it.
                "FineTuningClient.ValidateGrader" => new JsonObject { ["grader"] = node },
                "FineTuningFilesClient.AddUploadPart" when node is JsonObject part => WithId(part),
                _ => node,
            });
        }

        return Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(ModelJson.NodeFor(call.Model), n)).Select(items =>
        {
            var list = new JsonArray(items.ToArray<JsonNode?>());
            return (JsonNode)(call.Envelope switch
            {
                Envelope.FoundryPage => new JsonObject { ["data"] = list, ["first_id"] = "a", ["last_id"] = "z", ["has_more"] = false },
                Envelope.OpenAIPage => new JsonObject { ["object"] = "list", ["data"] = list, ["has_more"] = false },
                _ => new JsonObject { ["value"] = list },
            });
        });
    }

    private static JsonNode WithId(JsonObject part)
    {
        part["id"] = "part_1";
        return part;
    }

    private static Arbitrary<Exchange> Exchanges { get; } = Gen.Zip(Gen.Elements(s_calls), Gen.Elements(true, false))
        .SelectMany(p => ValidBody(p.Item1).SelectMany(body => Gen.Frequency(
            (1, Gen.Constant(new Exchange(p.Item1, p.Item2, true, "valid", Encoding.UTF8.GetBytes(body.ToJsonString())))),
            (4, JsonMutation.Mutate(body).Select(m => new Exchange(p.Item1, p.Item2, false, m.Name, m.Bytes))))))
        .ToArbitrary();

    [Property(MaxTest = 400)]
    public Property SuccessStatusWithAnyBody_SucceedsOrFailsAsInvalidResponseBody() => Prop.ForAll(Exchanges, exchange =>
    {
        _handler.Next = (200, exchange.Body, "application/json");
        try
        {
            exchange.Call.Invoke(this, exchange.Async);
        }
        catch (RequestFailedException ex) when (!exchange.Valid && exchange.Call.Name == "FineTuningFilesClient.AddUploadPart" && ex.ErrorCode == "InvalidUploadPart")
        {
            ex.Status.Should().Be(200); // a well-formed part without an id: refused under the operation's own code
        }
        catch (RequestFailedException ex) when (!exchange.Valid)
        {
            ex.Status.Should().Be(200);
            ex.ErrorCode.Should().Be("InvalidResponseBody");
            ex.InnerException.Should().BeAssignableTo<JsonException>();
            ex.Message.Should().StartWith("Service returned status 200 with a body that is not a valid ");
        }
    });

    private static readonly string[] s_errorBodies =
    {
        """{"error":{"code":"UserError","message":"Job 'x' was not found.","details":[{"code":"NotFound","message":"missing"}]}}""",
        """{"error":{"code":"invalidPayload","message":"The suffix is too long.","target":"suffix","innererror":{"code":"invalidSuffix"}}}""",
        """{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,"code":null}}""",
    };

    private static Arbitrary<(Exchange Exchange, int Status)> ErrorExchanges { get; } = Gen.Zip(Gen.Zip(Gen.Elements(s_calls), Gen.Elements(true, false)), Gen.Elements(s_errorBodies))
        .SelectMany(p => JsonMutation.Mutate(JsonNode.Parse(p.Item2)!).SelectMany(m => Gen.Elements(400, 401, 403, 404, 409, 429, 500, 502, 503, 504)
            .Select(status => (new Exchange(p.Item1.Item1, p.Item1.Item2, false, m.Name, m.Bytes), status))))
        .ToArbitrary();

    /// <summary>Error bodies damaged every way (the parser of the service's error must not fail in turn), for every status.</summary>
    [Property(MaxTest = 300)]
    public Property ErrorStatusWithAnyBody_IsARequestFailedExceptionWithThatStatus() => Prop.ForAll(ErrorExchanges, pair =>
    {
        _handler.Next = (pair.Status, pair.Exchange.Body, "application/json");
        Action call = () => pair.Exchange.Call.Invoke(this, pair.Exchange.Async);

        call.Should().Throw<RequestFailedException>().Which.Status.Should().Be(pair.Status);
    });
}
