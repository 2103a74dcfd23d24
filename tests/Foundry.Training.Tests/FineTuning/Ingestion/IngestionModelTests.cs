using System.Text.Json;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.FineTuning.Ingestion;

public class IngestionModelTests
{
    // Each document carries a property the SDK does not know ("future") so unknown-property round trips are covered too.
    public static TheoryData<string, Type, string> EveryModel => new()
    {
        { "IngestionJob", typeof(SystemComputeIngestionJob), """{"kind":"SystemCompute","jobId":"j","searchServiceConnection":{"kind":"EndpointWithKey","endpoint":"https://s","key":"k"},"datasource":{"kind":"Storage","connection":{"kind":"ConnectionString","connectionString":"cs"},"containerName":"c","chunking":{"maxChunkSizeInTokens":512,"future":1},"embeddings":[{"connection":{"kind":"RelativeConnection"},"deploymentName":"ada","modelName":"text-embedding-ada-002","future":1}]},"completionAction":"cleanUpTempAssets","dataRefreshIntervalInHours":12,"future":{"x":[1]}}""" },
        { "IngestionJob", typeof(UserComputeIngestionJob), """{"kind":"UserCompute","jobId":"j","workspaceId":"/w","compute":{"kind":"CustomCompute","computeId":"cc"},"target":{"kind":"CosmosDB","connectionId":"c","collectionName":"col","databaseName":"db"},"datasource":{"kind":"Urls","urls":["https://a","https://b"],"crawling":{"maxCrawlDepth":2,"maxCrawlTimeInMins":10,"maxDownloadTimeInMins":1,"maxFileSize":5000000000,"maxRedirects":3,"maxFiles":100,"future":1},"chunking":{"maxChunkSizeInTokens":256},"embeddings":[{"connectionId":"e","deploymentName":"d","modelName":"m","future":1}]},"dataRefreshIntervalInHours":1,"future":true}""" },
        { "IngestionJobCompute", typeof(ServerlessCompute), """{"kind":"ServerlessCompute","sku":"Standard_D4","instanceCount":2,"future":"f"}""" },
        { "IngestionJobCompute", typeof(CustomCompute), """{"kind":"CustomCompute","computeId":"c","future":"f"}""" },
        { "IngestionTargetIndex", typeof(AzureAISearchIndex), """{"kind":"AzureAISearch","connectionId":"c","future":"f"}""" },
        { "IngestionTargetIndex", typeof(CosmosDBIndex), """{"kind":"CosmosDB","connectionId":"c","collectionName":"col","databaseName":"db","future":"f"}""" },
        { "IngestionTargetIndex", typeof(PineconeIndex), """{"kind":"Pinecone","connectionId":"c","future":"f"}""" },
        { "UserComputeDatasource", typeof(UserComputeDataset), """{"kind":"Dataset","datasetId":"azureml://d","datasetType":"uri_folder","chunking":{"maxChunkSizeInTokens":100},"embeddings":[{"connectionId":"e"}],"future":"f"}""" },
        { "UserComputeDatasource", typeof(UserComputeUrl), """{"kind":"Urls","urls":["https://a"],"embeddings":[],"future":"f"}""" },
        { "SystemComputeDatasource", typeof(SystemComputeStorage), """{"kind":"Storage","connection":{"kind":"WorkspaceConnection","connectionId":"w"},"containerName":"c","embeddings":[{"connection":{"kind":"EndpointWithManagedIdentity","endpoint":"https://e","resourceId":"/r"}}],"future":"f"}""" },
        { "SystemComputeDatasource", typeof(SystemComputeUrl), """{"kind":"Urls","urls":["https://a"],"connection":{"kind":"EndpointWithKey","endpoint":"https://s","key":"k"},"containerName":"c","crawling":{"maxFiles":5},"chunking":{"maxChunkSizeInTokens":1},"embeddings":[{"deploymentName":"ada"}],"future":"f"}""" },
        { "IngestionConnection", typeof(EndpointKeyConnection), """{"kind":"EndpointWithKey","endpoint":"https://e","key":"secret","future":"f"}""" },
        { "IngestionConnection", typeof(ConnectionStringConnection), """{"kind":"ConnectionString","connectionString":"cs","future":"f"}""" },
        { "IngestionConnection", typeof(EndpointManagedIdentityConnection), """{"kind":"EndpointWithManagedIdentity","endpoint":"https://e","resourceId":"/r","future":"f"}""" },
        { "IngestionConnection", typeof(WorkspaceConnection), """{"kind":"WorkspaceConnection","connectionId":"w","future":"f"}""" },
        { "IngestionConnection", typeof(DeploymentConnection), """{"kind":"RelativeConnection","future":"f"}""" },
        { "IngestionJobRun", typeof(IngestionJobRun), """{"jobId":"j","runId":"r","status":"failed","error":{"message":"boom","innerErrors":["a","b"],"future":1},"warnings":["w"],"progress":{"stageProgress":[{"name":"Indexing","totalItems":3,"processedItems":1,"state":"running","subStageProgress":[{"name":"Embedding","state":"succeeded","future":1}]}],"future":1},"future":"f"}""" },
        { "IngestionError", typeof(IngestionError), """{"message":"m","innerErrors":[],"future":"f"}""" },
        { "IngestionJobProgress", typeof(IngestionJobProgress), """{"stageProgress":[],"future":"f"}""" },
        { "IngestionJobStageProgress", typeof(IngestionJobStageProgress), """{"name":"n","totalItems":0,"processedItems":0,"state":"notRunning","future":"f"}""" },
        { "ChunkingSettings", typeof(ChunkingSettings), """{"maxChunkSizeInTokens":1024,"future":"f"}""" },
        { "CrawlingSettings", typeof(CrawlingSettings), """{"maxCrawlDepth":1,"maxCrawlTimeInMins":2,"maxDownloadTimeInMins":3,"maxFileSize":4,"maxRedirects":5,"maxFiles":6,"future":"f"}""" },
        { "ConnectionEmbeddingSettings", typeof(ConnectionEmbeddingSettings), """{"connection":{"kind":"RelativeConnection"},"deploymentName":"d","modelName":"m","future":"f"}""" },
        { "WorkspaceConnectionEmbeddingSettings", typeof(WorkspaceConnectionEmbeddingSettings), """{"connectionId":"c","deploymentName":"d","modelName":"m","future":"f"}""" },
    };

    // An unknown kind in every family, alone and nested inside known models.
    public static TheoryData<string, Type, string> UnknownKinds => new()
    {
        { "IngestionJob", typeof(UnknownIngestionJob), """{"kind":"EdgeCompute","jobId":"j","edge":{"site":"x"}}""" },
        { "IngestionJobCompute", typeof(UnknownIngestionJobCompute), """{"kind":"serverless","tier":"gpu"}""" },
        { "IngestionTargetIndex", typeof(UnknownIngestionTargetIndex), """{"kind":"acs","connectionId":"c"}""" },
        { "UserComputeDatasource", typeof(UnknownUserComputeDatasource), """{"kind":"dataset","datasetId":"d","datasetType":"uri_folder"}""" },
        { "SystemComputeDatasource", typeof(UnknownSystemComputeDatasource), """{"kind":"SharePoint","site":"https://s"}""" },
        { "IngestionConnection", typeof(UnknownIngestionConnection), """{"kind":"EndpointWithFederatedIdentity","endpoint":"https://e","clientId":"c"}""" },
    };

    private static (object Model, string Json) RoundTrip(string family, string json) => family switch
    {
        "IngestionJob" => RoundTrip<IngestionJob>(json),
        "IngestionJobCompute" => RoundTrip<IngestionJobCompute>(json),
        "IngestionTargetIndex" => RoundTrip<IngestionTargetIndex>(json),
        "UserComputeDatasource" => RoundTrip<UserComputeDatasource>(json),
        "SystemComputeDatasource" => RoundTrip<SystemComputeDatasource>(json),
        "IngestionConnection" => RoundTrip<IngestionConnection>(json),
        "IngestionJobRun" => RoundTrip<IngestionJobRun>(json),
        "IngestionError" => RoundTrip<IngestionError>(json),
        "IngestionJobProgress" => RoundTrip<IngestionJobProgress>(json),
        "IngestionJobStageProgress" => RoundTrip<IngestionJobStageProgress>(json),
        "ChunkingSettings" => RoundTrip<ChunkingSettings>(json),
        "CrawlingSettings" => RoundTrip<CrawlingSettings>(json),
        "ConnectionEmbeddingSettings" => RoundTrip<ConnectionEmbeddingSettings>(json),
        "WorkspaceConnectionEmbeddingSettings" => RoundTrip<WorkspaceConnectionEmbeddingSettings>(json),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };

    private static (object Model, string Json) RoundTrip<T>(string json)
        where T : ExtensibleModel
    {
        T model = FoundryTrainingSerializer.Deserialize<T>(json)!;
        return (model, FoundryTrainingSerializer.Serialize(model));
    }

    [Theory]
    [MemberData(nameof(EveryModel))]
    public void EveryModelRoundTripsLosslessly(string family, Type type, string json)
    {
        (object model, string written) = RoundTrip(family, json);

        model.Should().BeOfType(type);
        ((ExtensibleModel)model).AdditionalProperties.Should().ContainKey("future");
        JsonAssert.Equivalent(json, written);
    }

    [Theory]
    [MemberData(nameof(UnknownKinds))]
    public void AnUnknownKindInEveryFamilyRoundTripsLosslessly(string family, Type unknownType, string json)
    {
        (object model, string written) = RoundTrip(family, json);

        model.Should().BeOfType(unknownType);
        string kind = JsonDocument.Parse(json).RootElement.GetProperty("kind").GetString()!;
        KindOf(model).Should().Be(kind);
        JsonAssert.Equivalent(json, written);

        // Without a discriminator the model is unknown too, with no kind.
        string withoutKind = json.Replace($"\"kind\":\"{kind}\",", string.Empty, StringComparison.Ordinal);
        (object kindless, string kindlessWritten) = RoundTrip(family, withoutKind);
        kindless.Should().BeOfType(unknownType);
        KindOf(kindless).Should().BeNull();
        JsonAssert.Equivalent(withoutKind, kindlessWritten);
    }

    private static string? KindOf(object model) => model switch
    {
        IngestionJob m => m.Kind?.ToString(),
        IngestionJobCompute m => m.Kind?.ToString(),
        IngestionTargetIndex m => m.Kind?.ToString(),
        UserComputeDatasource m => m.Kind?.ToString(),
        SystemComputeDatasource m => m.Kind?.ToString(),
        IngestionConnection m => m.Kind?.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    [Fact]
    public void UnknownKindsNestedInsideKnownModelsRoundTrip()
    {
        const string json = """{"kind":"SystemCompute","jobId":"j","searchServiceConnection":{"kind":"Vault","secretRef":"s"},"datasource":{"kind":"Storage","connection":{"kind":"Sas","url":"https://x"},"containerName":"c","embeddings":[{"connection":{"kind":"Foreign","endpoint":"https://f"},"deploymentName":"d"}]}}""";

        var job = FoundryTrainingSerializer.Deserialize<IngestionJob>(json).Should().BeOfType<SystemComputeIngestionJob>().Subject;

        job.SearchServiceConnection.Should().BeOfType<UnknownIngestionConnection>().Which.Kind.Should().Be((IngestionConnectionType)"Vault");
        var storage = job.Datasource.Should().BeOfType<SystemComputeStorage>().Subject;
        storage.Connection.Should().BeOfType<UnknownIngestionConnection>();
        storage.Embeddings.Single().Connection.Should().BeOfType<UnknownIngestionConnection>().Which.Kind.Should().Be((IngestionConnectionType)"Foreign");
        JsonAssert.Equivalent(json, FoundryTrainingSerializer.Serialize(job));
    }

    [Fact]
    public void AMemberCanBeReadAsItsOwnType()
    {
        const string json = """{"kind":"SystemCompute","jobId":"j","datasource":{"kind":"Storage","containerName":"c","embeddings":[]}}""";

        SystemComputeIngestionJob job = FoundryTrainingSerializer.Deserialize<SystemComputeIngestionJob>(json)!;
        EndpointKeyConnection connection = FoundryTrainingSerializer.Deserialize<EndpointKeyConnection>("""{"kind":"EndpointWithKey","endpoint":"https://e","key":"k"}""")!;

        job.AdditionalProperties.Should().BeEmpty();
        JsonAssert.Equivalent(json, FoundryTrainingSerializer.Serialize(job));
        connection.AdditionalProperties.Should().BeEmpty();
        ((Action)(() => FoundryTrainingSerializer.Deserialize<UserComputeIngestionJob>(json))).Should().Throw<JsonException>();
    }

    [Fact]
    public void ModelsBuiltInCodeWriteTheirDiscriminators()
    {
        JsonAssert.Equivalent("""{"kind":"CustomCompute","computeId":"c"}""", FoundryTrainingSerializer.Serialize(new CustomCompute { ComputeId = "c" }));
        JsonAssert.Equivalent("""{"kind":"ServerlessCompute"}""", FoundryTrainingSerializer.Serialize<IngestionJobCompute>(new ServerlessCompute()));
        JsonAssert.Equivalent("""{"kind":"Pinecone"}""", FoundryTrainingSerializer.Serialize(new PineconeIndex()));
        JsonAssert.Equivalent("""{"kind":"RelativeConnection"}""", FoundryTrainingSerializer.Serialize(new DeploymentConnection()));
        JsonAssert.Equivalent("""{"kind":"Urls","urls":["https://a"],"embeddings":[]}""", FoundryTrainingSerializer.Serialize(new UserComputeUrl { Urls = { "https://a" } }));
        JsonAssert.Equivalent("""{"kind":"UserCompute","workspaceId":"w","datasource":{"kind":"Dataset","datasetId":"d"}}""",
            FoundryTrainingSerializer.Serialize<IngestionJob>(new UserComputeIngestionJob { WorkspaceId = "w", Datasource = new UserComputeDataset { DatasetId = "d" } }));
    }

    [Fact]
    public void AnUnknownModelBuiltInCodeSendsANewKind()
    {
        var compute = new UnknownIngestionJobCompute();
        compute.AdditionalProperties["kind"] = JsonDocument.Parse("\"GpuCompute\"").RootElement;
        compute.AdditionalProperties["gpus"] = JsonDocument.Parse("4").RootElement;

        compute.Kind.Should().Be((IngestionComputeType)"GpuCompute");
        JsonAssert.Equivalent("""{"kind":"GpuCompute","gpus":4}""", FoundryTrainingSerializer.Serialize<IngestionJobCompute>(compute));
        JsonAssert.Equivalent(
            """{"kind":"UserCompute","workspaceId":"w","compute":{"kind":"GpuCompute","gpus":4}}""",
            FoundryTrainingSerializer.Serialize<IngestionJob>(new UserComputeIngestionJob { WorkspaceId = "w", Compute = compute }));
    }

    [Fact]
    public void AnOptionalListTheServiceOmittedStaysOmitted()
    {
        const string json = """{"kind":"Dataset","datasetId":"d","datasetType":"uri_folder"}""";

        var dataset = FoundryTrainingSerializer.Deserialize<UserComputeDatasource>(json).Should().BeOfType<UserComputeDataset>().Subject;

        dataset.Embeddings.Should().BeNull();
        JsonAssert.Equivalent(json, FoundryTrainingSerializer.Serialize(dataset));
    }

    [Fact]
    public void RequiredListsAreFilledInPlace()
    {
        var urls = FoundryTrainingSerializer.Deserialize<SystemComputeDatasource>("""{"kind":"Urls","urls":["https://a","https://b"],"embeddings":[{"deploymentName":"d"}]}""")
            .Should().BeOfType<SystemComputeUrl>().Subject;

        urls.Urls.Should().Equal("https://a", "https://b");
        urls.Embeddings.Single().DeploymentName.Should().Be("d");
    }

    public static TheoryData<object, string> OpenEnumValues => new()
    {
        { IngestionJobType.SystemCompute, "SystemCompute" },
        { IngestionJobType.UserCompute, "UserCompute" },
        { IngestionComputeType.ServerlessCompute, "ServerlessCompute" },
        { IngestionComputeType.CustomCompute, "CustomCompute" },
        { IngestionTargetType.AzureAISearch, "AzureAISearch" },
        { IngestionTargetType.CosmosDB, "CosmosDB" },
        { IngestionTargetType.Pinecone, "Pinecone" },
        { UserComputeDatasourceType.Dataset, "Dataset" },
        { UserComputeDatasourceType.Urls, "Urls" },
        { SystemComputeDatasourceType.Storage, "Storage" },
        { SystemComputeDatasourceType.Urls, "Urls" },
        { IngestionConnectionType.EndpointWithKey, "EndpointWithKey" },
        { IngestionConnectionType.ConnectionString, "ConnectionString" },
        { IngestionConnectionType.EndpointWithManagedIdentity, "EndpointWithManagedIdentity" },
        { IngestionConnectionType.WorkspaceConnection, "WorkspaceConnection" },
        { IngestionConnectionType.RelativeConnection, "RelativeConnection" },
        { IngestionJobCompletionAction.CleanUpTempAssets, "cleanUpTempAssets" },
        { IngestionJobCompletionAction.KeepAllAssets, "keepAllAssets" },
        { IngestionOperationState.NotRunning, "notRunning" },
        { IngestionOperationState.Running, "running" },
        { IngestionOperationState.Succeeded, "succeeded" },
        { IngestionOperationState.Failed, "failed" },
    };

    [Theory]
    [MemberData(nameof(OpenEnumValues))]
    public void OpenEnumsHaveTheSpecValues(object value, string wire)
    {
        value.ToString().Should().Be(wire);
        value.Should().Be(Activator.CreateInstance(value.GetType(), wire));
        value.Should().NotBe(Activator.CreateInstance(value.GetType(), wire.ToUpperInvariant()));
    }

    [Fact]
    public void OpenEnumsKeepValuesTheSdkDoesNotKnow()
    {
        var run = FoundryTrainingSerializer.Deserialize<IngestionJobRun>("""{"status":"Paused","progress":{"stageProgress":[{"state":"Running"}]}}""")!;

        run.Status.ToString().Should().Be("Paused");
        run.Progress!.StageProgress[0].State.Should().Be((IngestionOperationState)"Running");
        JsonAssert.Equivalent("""{"status":"Paused","progress":{"stageProgress":[{"state":"Running"}]}}""", FoundryTrainingSerializer.Serialize(run));
        ((Action)(() => _ = new IngestionOperationState(null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void ModelFactoryBuildsReadOnlyModels()
    {
        IngestionJobRun run = FineTuningModelFactory.IngestionJobRun(
            jobId: "j",
            runId: "r",
            status: IngestionOperationState.Failed,
            error: FineTuningModelFactory.IngestionError("boom", new[] { "inner" }),
            warnings: new[] { "w" },
            progress: FineTuningModelFactory.IngestionJobProgress(new[]
            {
                FineTuningModelFactory.IngestionJobStageProgress("Indexing", 3, 1, IngestionOperationState.Running,
                    new[] { FineTuningModelFactory.IngestionJobStageProgress("Embedding") }),
            }));

        JsonAssert.Equivalent(
            """{"jobId":"j","runId":"r","status":"failed","error":{"message":"boom","innerErrors":["inner"]},"warnings":["w"],"progress":{"stageProgress":[{"name":"Indexing","totalItems":3,"processedItems":1,"state":"running","subStageProgress":[{"name":"Embedding"}]}]}}""",
            FoundryTrainingSerializer.Serialize(run));
        FineTuningModelFactory.IngestionJobProgress().StageProgress.Should().BeEmpty();
        FineTuningModelFactory.IngestionJobRun().Warnings.Should().BeNull();
    }
}
