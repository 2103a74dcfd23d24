using System.ClientModel.Primitives;
using System.Text.Json.Nodes;
using Azure.Core;
using Foundry.Training;
using Foundry.Training.AotCheck;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tokenization;

int checks = 0;

// Every polymorphic family: each known kind reads as its own type and writes back its discriminator and unknown
// properties; an unknown kind lands in the family's Unknown* type and round-trips unchanged.
var families = new (string Discriminator, string[] Kinds, Func<string, (object Model, string Json)> RoundTrip)[]
{
    ("job_type", ["command"], RoundTrip<JobProperties>),
    ("algorithm", ["sft", "dpo", "kto", "orpo", "cpo", "simpo", "grpo", "ppo", "rloo", "reinforce_pp", "reward_model"], RoundTrip<TrainingConfiguration>),
    ("kind", ["model", "function", "inline_function", "builtin", "evaluator", "deployment", "composite"], RoundTrip<TrainingRewardConfiguration>),
    ("distribution_type", ["pytorch", "mpi", "tensorflow", "ray"], RoundTrip<DistributionConfiguration>),
    ("nodes_value_type", ["all"], RoundTrip<NodeCollection>),
    ("kind", ["SystemCompute", "UserCompute"], RoundTrip<IngestionJob>),
    ("kind", ["ServerlessCompute", "CustomCompute"], RoundTrip<IngestionJobCompute>),
    ("kind", ["AzureAISearch", "CosmosDB", "Pinecone"], RoundTrip<IngestionTargetIndex>),
    ("kind", ["Dataset", "Urls"], RoundTrip<UserComputeDatasource>),
    ("kind", ["Storage", "Urls"], RoundTrip<SystemComputeDatasource>),
    ("kind", ["EndpointWithKey", "ConnectionString", "EndpointWithManagedIdentity", "WorkspaceConnection", "RelativeConnection"], RoundTrip<IngestionConnection>),
    ("type", ["string_check", "text_similarity", "python", "score_model", "label_model", "multi"], RoundTrip<FineTuningGrader>),
    ("type", ["fine_tuning.job.succeeded", "fine_tuning.job.failed", "fine_tuning.job.cancelled"], RoundTrip<FineTuningWebhookEvent>),
};

foreach ((string discriminator, string[] kinds, Func<string, (object Model, string Json)> roundTrip) in families)
{
    foreach (string kind in kinds)
    {
        (object model, string json) = roundTrip($$$"""{"{{{discriminator}}}":"{{{kind}}}","x_future":{"a":[1,2]}}""");
        Check(!model.GetType().Name.StartsWith("Unknown", StringComparison.Ordinal), $"{kind} reads as a known type, not {model.GetType().Name}");
        JsonObject written = JsonNode.Parse(json)!.AsObject();
        Check(written[discriminator]?.GetValue<string>() == kind, $"{kind} writes its discriminator: {json}");
        Check(written["x_future"]?.ToJsonString() == """{"a":[1,2]}""", $"{kind} keeps an unknown property: {json}");
    }

    string unknown = $$$"""{"{{{discriminator}}}":"from_the_future","x_future":{"a":[1,2]},"n":3}""";
    (object unknownModel, string unknownJson) = roundTrip(unknown);
    Check(unknownModel.GetType().Name.StartsWith("Unknown", StringComparison.Ordinal), $"an unknown {discriminator} reads as Unknown*, not {unknownModel.GetType().Name}");
    Check(JsonNode.DeepEquals(JsonNode.Parse(unknown), JsonNode.Parse(unknownJson)), $"an unknown kind round-trips unchanged: {unknownJson}");
}

// A malformed optional value reads null and is kept as it came (the lenient converters and their callbacks, under AOT).
const string BadAttempt = """{"id":"1","job_name":"j","started_at":"soon","ended_at":1767229200,"compute_duration":"about an hour"}""";
JobAttempt attempt = FoundryTrainingSerializer.Deserialize<JobAttempt>(BadAttempt)!;
Check(attempt.StartedAt is null && attempt.ComputeDuration is null && attempt.EndedAt == DateTimeOffset.FromUnixTimeSeconds(1767229200), "unreadable optional values read null, the rest reads");
Check(JsonNode.DeepEquals(JsonNode.Parse(FoundryTrainingSerializer.Serialize(attempt)), JsonNode.Parse(BadAttempt)), "unreadable optional values are written back unchanged");

// A webhook verified (HMAC-SHA256, constant-time compare) and read into its typed event; the signature was computed
// with Python's hmac (see tests/Foundry.Training.Tests/FineTuning/Webhooks/WebhookVerifierTests.cs).
const string WebhookBody = """{"id":"evt_685343a1381c819085d44c354e1b330e","object":"event","created_at":1750287018,"type":"fine_tuning.job.succeeded","data":{"id":"ftjob-abc123"}}""";
var webhookHeaders = new Dictionary<string, string>
{
    ["webhook-id"] = "wh_685342e6c53c8190a1be43f081506c52",
    ["webhook-timestamp"] = "1750287078",
    ["webhook-signature"] = "v1,x2KCabHOUjl6vFFCacJ0v530wXMLBwyWbORMbaQ6l28=",
};
var webhooks = new WebhookVerifier("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", timeProvider: new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1750287078)));
FineTuningWebhookEvent webhookEvent = webhooks.Unwrap(webhookHeaders, BinaryData.FromString(WebhookBody));
Check(webhookEvent is FineTuningJobSucceededEvent { JobId: "ftjob-abc123" }, "a verified webhook reads as a succeeded event");
try
{
    webhooks.Unwrap(webhookHeaders, BinaryData.FromString(WebhookBody.Replace("abc123", "abc124", StringComparison.Ordinal)));
    Check(false, "a tampered webhook is rejected");
}
catch (WebhookVerificationException)
{
    checks++;
}

// Both clients against a loopback server.
const string GrpoJob = """
    {"name":"grpo-aot","id":"grpo-aot","properties":{"job_type":"command","compute_id":"c","training":{"algorithm":"grpo","model":"m","dataset":{"train":"t"},
     "reward":{"kind":"composite","rewards":[{"reward":{"kind":"builtin","type":"math_equivalence"},"weight":0.7},{"reward":{"kind":"deployment","deployment":"judge"},"weight":0.3}]}},
     "distribution":{"distribution_type":"pytorch","process_count_per_instance":8},"status":"Running"},"system_data":{"created_at":1767225600}}
    """;
const string FutureJob = """{"name":"future","properties":{"job_type":"command","compute_id":"c","training":{"algorithm":"from_the_future","model":"m","knob":1}}}""";
const string FineTuningJob = """
    {"object":"fine_tuning.job","id":"ftjob-aot","model":"o4-mini","status":"running","created_at":1721764800,"training_file":"file-t",
     "method":{"type":"reinforcement","reinforcement":{"grader":{"type":"multi","name":"m","calculate_output":"a","graders":{"a":{"type":"string_check","name":"a","input":"{{sample.output_text}}","reference":"x","operation":"eq"}}}}}}
    """;

using var server = new AotLoopbackServer((method, path, body) => (method, path.Split('?')[0]) switch
{
    ("POST", "/api/projects/p/training_jobs") => (201, GrpoJob),
    ("GET", "/api/projects/p/training_jobs") when !path.Contains("after=", StringComparison.Ordinal) =>
        (200, $$"""{"data":[{{GrpoJob}},{{FutureJob}}],"first_id":"grpo-aot","last_id":"future","has_more":true}"""),
    ("GET", "/api/projects/p/training_jobs") => (200, $$"""{"data":[{{GrpoJob}}],"first_id":"grpo-aot","last_id":"grpo-aot","has_more":false}"""),
    ("GET", "/api/projects/p/training_jobs/grpo-aot") => (200, GrpoJob),
    ("POST", "/v1/fine_tuning/jobs") => (200, FineTuningJob),
    ("GET", "/v1/fine_tuning/jobs") => (200, $$"""{"object":"list","data":[{{FineTuningJob}}],"has_more":false}"""),
    ("GET", "/v1/fine_tuning/jobs/ftjob-aot") => (200, FineTuningJob),
    _ => (404, """{"error":{"code":"NotFound","message":"no route"}}"""),
});

var trainingJobs = new TrainingJobsClient(new Uri(server.Endpoint, "/api/projects/p"), new FixedTokenCredential());
var reward = new TrainingCompositeRewardConfiguration(new[]
{
    new TrainingWeightedRewardConfiguration(new TrainingBuiltinRewardConfiguration("math_equivalence"), 0.7),
    new TrainingWeightedRewardConfiguration(new TrainingDeploymentRewardConfiguration("judge"), 0.3),
});
var recipe = new GrpoTrainingConfiguration("m", new TrainingDatasetConfiguration("t"), reward);
TrainingJob created = (await trainingJobs.CreateAsync("grpo-aot", new CommandJob("c") { Training = recipe })).Value;
Check(created.Properties is CommandJob { Training: GrpoTrainingConfiguration }, "create returns a GRPO command job");
string createBody = server.Requests.Single(r => r.StartsWith("POST /api/projects/p/training_jobs", StringComparison.Ordinal));
Check(createBody.Contains("\"algorithm\":\"grpo\"", StringComparison.Ordinal) && createBody.Contains("\"kind\":\"composite\"", StringComparison.Ordinal), "the create body carries the recipe: " + createBody);

TrainingJob job = trainingJobs.Get("grpo-aot").Value;
var grpo = (GrpoTrainingConfiguration)((CommandJob)job.Properties).Training!;
Check(grpo.Reward is TrainingCompositeRewardConfiguration { Rewards.Count: 2 }, "get reads the composite reward");
Check(((CommandJob)job.Properties).Distribution is PyTorchDistribution { ProcessCountPerInstance: 8 }, "get reads the distribution");
Check(job.SystemData?.CreatedAt == DateTimeOffset.FromUnixTimeSeconds(1767225600), "get reads unix timestamps");

// Persisting a job the Azure SDK way: ModelReaderWriter with the SDK's context, a member type read as itself.
BinaryData saved = ModelReaderWriter.Write(job, ModelReaderWriterOptions.Json, FoundryTrainingContext.Default);
TrainingJob loaded = ModelReaderWriter.Read<TrainingJob>(saved, ModelReaderWriterOptions.Json, FoundryTrainingContext.Default)!;
CommandJob loadedProperties = ModelReaderWriter.Read<CommandJob>(
    ModelReaderWriter.Write(loaded.Properties, ModelReaderWriterOptions.Json, FoundryTrainingContext.Default), ModelReaderWriterOptions.Json, FoundryTrainingContext.Default)!;
Check(loadedProperties.Training is GrpoTrainingConfiguration { Reward: TrainingCompositeRewardConfiguration }, "ModelReaderWriter reads a saved job's command job back");
Check(JsonNode.DeepEquals(JsonNode.Parse(saved.ToString()), JsonNode.Parse(GrpoJob)), "ModelReaderWriter saves the job as the service sent it: " + saved);

var listed = new List<TrainingJob>();
await foreach (TrainingJob item in trainingJobs.GetJobsAsync())
{
    listed.Add(item);
}

Check(listed.Count == 3, $"the list pages through 3 jobs, not {listed.Count}");
Check(((CommandJob)listed[1].Properties).Training is UnknownTrainingConfiguration { Algorithm: { } algorithm } && algorithm.ToString() == "from_the_future", "an unknown algorithm in a list page is kept");

var fineTuning = FineTuningClient.ForOpenAI("aot-key", new FineTuningClientOptions { OpenAIEndpoint = new Uri(server.Endpoint, "/v1") });
FineTuningJob fineTuningJob = (await fineTuning.GetJobAsync("ftjob-aot")).Value;
Check(fineTuningJob.Method?.Reinforcement?.Grader is MultiGrader, "the fine-tuning job's grader reads as a multi grader");
int fineTuningJobs = fineTuning.GetJobs().Count();
Check(fineTuningJobs == 1, "the fine-tuning list reads one job");
var create = new FineTuningJobCreateOptions("o4-mini", "file-t")
{
    Method = FineTuningMethod.CreateReinforcement(new StringCheckGrader { Name = "exact", Input = "{{sample.output_text}}", Reference = "{{item.answer}}", Operation = StringCheckOperation.Equal }),
};
FineTuningJob createdFineTuning = (await fineTuning.CreateJobAsync(create)).Value;
Check(createdFineTuning.Id == "ftjob-aot", "create fine-tuning job");
string fineTuningBody = server.Requests.Single(r => r.StartsWith("POST /v1/fine_tuning/jobs", StringComparison.Ordinal));
Check(fineTuningBody.Contains("\"type\":\"string_check\"", StringComparison.Ordinal), "the fine-tuning create body carries the grader: " + fineTuningBody);

// Token counting: both vocabularies load from their data assemblies (found by name at run time) in a trimmed native
// binary, and a training file analysis counts the OpenAI Cookbook's example exactly.
foreach ((TiktokenEncoding encoding, int tokens) in new[] { (TiktokenEncoding.O200kBase, 6), (TiktokenEncoding.Cl100kBase, 6) })
{
    int counted = TiktokenTokenCounter.ForEncoding(encoding).CountTokens("tiktoken is great!");
    Check(counted == tokens, $"{encoding} counts 'tiktoken is great!' as {tokens} tokens, not {counted}");
}

TrainingFileAnalysis analysis = new TrainingFileAnalyzer(TiktokenTokenCounter.ForModel("gpt-4o-mini"), new TrainingFileAnalysisOptions { PricePerMillionTokens = 3m })
    .Analyze(new MemoryStream("""{"messages":[{"role":"user","content":"tiktoken is great!"},{"role":"assistant","content":"Yes."}]}"""u8.ToArray()));
Check(analysis.Examples.Single().Tokens == 19 && analysis.DefaultEpochs == 25 && analysis.EstimatedBilledTokens == 475, "the analysis counts one example of 19 tokens over 25 epochs");

Console.WriteLine($"AOT check: {checks} checks passed");
return 0;

(object Model, string Json) RoundTrip<TBase>(string json)
    where TBase : class
{
    TBase model = FoundryTrainingSerializer.Deserialize<TBase>(json) ?? throw new InvalidOperationException("read null");
    string written = FoundryTrainingSerializer.Serialize(model);

    // The same document through System.ClientModel's ModelReaderWriter with the SDK's context: same type, same JSON.
    TBase persisted = ModelReaderWriter.Read<TBase>(BinaryData.FromString(json), ModelReaderWriterOptions.Json, FoundryTrainingContext.Default)!;
    Check(persisted.GetType() == model.GetType(), $"ModelReaderWriter reads {model.GetType().Name}, not {persisted.GetType().Name}");
    string rewritten = ModelReaderWriter.Write(persisted, ModelReaderWriterOptions.Json, FoundryTrainingContext.Default).ToString();
    Check(JsonNode.DeepEquals(JsonNode.Parse(rewritten), JsonNode.Parse(written)), $"ModelReaderWriter writes what the serializer writes: {rewritten}");
    return (model, written);
}

void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine("AOT check FAILED: " + what);
        Environment.Exit(1);
    }

    checks++;
}

/// <summary>A fixed token: the check exercises requests, not token acquisition.</summary>
internal sealed class FixedTokenCredential : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("aot-token", DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
}

/// <summary>A clock stopped at the webhook's signing time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
