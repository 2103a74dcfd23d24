using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.FineTuning;

public class FineTuningModelJsonTests
{
    private const string Future = "\"x_future\":{\"nested\":[1,{\"a\":null}]}";

    private static T Read<T>(string json) => FoundryTrainingSerializer.Deserialize<T>(json)!;

    private static string Write<T>(T model) => FoundryTrainingSerializer.Serialize(model);

    private static readonly Dictionary<string, Func<string, string>> s_roundTrips = new()
    {
        [nameof(FineTuningJob)] = json => Write(Read<FineTuningJob>(json)),
        [nameof(FineTuningJobCreateOptions)] = json => Write(Read<FineTuningJobCreateOptions>(json)),
        [nameof(FineTuningJobEvent)] = json => Write(Read<FineTuningJobEvent>(json)),
        [nameof(FineTuningJobCheckpoint)] = json => Write(Read<FineTuningJobCheckpoint>(json)),
        [nameof(FineTuningHyperparameters)] = json => Write(Read<FineTuningHyperparameters>(json)),
        [nameof(FineTuningIntegration)] = json => Write(Read<FineTuningIntegration>(json)),
        [nameof(WandbIntegration)] = json => Write(Read<WandbIntegration>(json)),
        [nameof(FineTuningMethod)] = json => Write(Read<FineTuningMethod>(json)),
        [nameof(SupervisedMethod)] = json => Write(Read<SupervisedMethod>(json)),
        [nameof(DpoMethod)] = json => Write(Read<DpoMethod>(json)),
        [nameof(DpoHyperparameters)] = json => Write(Read<DpoHyperparameters>(json)),
        [nameof(ReinforcementMethod)] = json => Write(Read<ReinforcementMethod>(json)),
        [nameof(ReinforcementHyperparameters)] = json => Write(Read<ReinforcementHyperparameters>(json)),
        [nameof(FineTuningGrader)] = json => Write(Read<FineTuningGrader>(json)),
        [nameof(GraderInputMessage)] = json => Write(Read<GraderInputMessage>(json)),
        [nameof(ScoreModelSamplingParameters)] = json => Write(Read<ScoreModelSamplingParameters>(json)),
        [nameof(FineTuningFile)] = json => Write(Read<FineTuningFile>(json)),
        [nameof(FineTuningFileImport)] = json => Write(Read<FineTuningFileImport>(json)),
        [nameof(FineTuningModel)] = json => Write(Read<FineTuningModel>(json)),
        [nameof(ModelCapabilities)] = json => Write(Read<ModelCapabilities>(json)),
        [nameof(ModelDeprecation)] = json => Write(Read<ModelDeprecation>(json)),
        [nameof(FineTuningError)] = json => Write(Read<FineTuningError>(json)),
        [nameof(FineTuningInnerError)] = json => Write(Read<FineTuningInnerError>(json)),
        [nameof(FineTuningErrorResponse)] = json => Write(Read<FineTuningErrorResponse>(json)),
    };

    public static TheoryData<string, string> Models => new()
    {
        { nameof(FineTuningJob), $$$"""{"object":"fine_tuning.job","id":"ft-1","created_at":1646126127,"status":"running","model":"gpt-35-turbo","fine_tuned_model":"gpt-35-turbo.ft-1","training_file":"file-1","validation_file":"file-2","result_files":["file-3"],"finished_at":1646127311,"organisation_id":"org","trained_tokens":2342,"hyperparameters":{"n_epochs":-1,"batch_size":8,"learning_rate_multiplier":0.2},"suffix":"my-model","seed":105,{{{Future}}}}""" },
        { nameof(FineTuningJobCreateOptions), $$$"""{"model":"gpt-4o-mini","training_file":"file-1","validation_file":"file-2","hyperparameters":{"n_epochs":"auto","batch_size":"auto","learning_rate_multiplier":"auto"},"suffix":"s","seed":1,"method":{"type":"supervised","supervised":{}},"integrations":[{"type":"wandb","wandb":{"project":"p"}}],"metadata":{"k":"v"},{{{Future}}}}""" },
        { nameof(FineTuningJobEvent), $$$"""{"object":"fine_tuning.job.event","id":"ev-1","created_at":1677610602,"level":"warn","message":"Created fine-tuning job","type":"metrics","data":{"step":3,"nested":{"x":[1,2]}},{{{Future}}}}""" },
        { nameof(FineTuningJobCheckpoint), $$$"""{"object":"fine_tuning.job.checkpoint","id":"ckpt-1","created_at":1712211699,"fine_tuned_model_checkpoint":"ft:gpt-4o-mini:org::9ABel2dg:ckpt-step-88","step_number":88,"metrics":{"step":88,"train_loss":0.478,"valid_loss":null},"fine_tuning_job_id":"ftjob-1",{{{Future}}}}""" },
        { nameof(FineTuningHyperparameters), $$$"""{"n_epochs":4,"batch_size":"auto","learning_rate_multiplier":1.8,{{{Future}}}}""" },
        { nameof(FineTuningIntegration), $$$"""{"type":"wandb","wandb":{"project":"p","name":"run","entity":"team","tags":["a"],{{{Future}}}},{{{Future}}}}""" },
        { nameof(WandbIntegration), $$$"""{"project":"p","name":"run","entity":"team","tags":["a","b"],{{{Future}}}}""" },
        { nameof(WandbIntegration), """{"project":"p","tags":[]}""" },
        { nameof(FineTuningMethod), $$$"""{"type":"dpo","dpo":{"hyperparameters":{"beta":"auto","batch_size":4,"learning_rate_multiplier":0.5,"n_epochs":2}},{{{Future}}}}""" },
        { nameof(SupervisedMethod), $$$"""{"hyperparameters":{"n_epochs":3},{{{Future}}}}""" },
        { nameof(DpoMethod), $$$"""{"hyperparameters":{"beta":0.1},{{{Future}}}}""" },
        { nameof(DpoHyperparameters), $$$"""{"beta":2,"batch_size":"auto","learning_rate_multiplier":"auto","n_epochs":"auto",{{{Future}}}}""" },
        { nameof(ReinforcementMethod), $$$"""{"grader":{"type":"python","name":"g","source":"def grade(sample, item): return 1.0","image_tag":"2025-05-08"},"hyperparameters":{"n_epochs":1},{{{Future}}}}""" },
        { nameof(ReinforcementHyperparameters), $$$"""{"batch_size":"auto","learning_rate_multiplier":"auto","n_epochs":"auto","reasoning_effort":"default","compute_multiplier":0.5,"eval_interval":"auto","eval_samples":5,{{{Future}}}}""" },
        { nameof(FineTuningGrader), $$$"""{"type":"string_check","name":"Example string check grader","input":"{{sample.output_text}}","reference":"{{item.label}}","operation":"eq",{{{Future}}}}""" },
        { nameof(FineTuningGrader), $$$"""{"type":"text_similarity","name":"t","input":"a","reference":"b","evaluation_metric":"fuzzy_match",{{{Future}}}}""" },
        { nameof(FineTuningGrader), $$$"""{"type":"python","name":"p","source":"def grade(sample, item):\n    return 1.0","image_tag":"2025-05-08",{{{Future}}}}""" },
        { nameof(FineTuningGrader), $$$"""{"type":"score_model","name":"s","model":"gpt-5-mini","input":[{"role":"user","content":[{"type":"input_text","text":"Score it"},{"type":"input_image","image_url":"https://example.com/r.png","file_id":null,"detail":"auto"}]}],"sampling_params":{"temperature":1,"top_p":1,"seed":42,"max_completions_tokens":32768,"reasoning_effort":"medium"},"range":[0,1],{{{Future}}}}""" },
        { nameof(FineTuningGrader), $$$"""{"name":"l","type":"label_model","model":"gpt-4o-2024-08-06","input":[{"type":"message","role":"system","content":{"type":"input_text","text":"Classify"}}],"passing_labels":["positive"],"labels":["positive","neutral","negative"],{{{Future}}}}""" },
        { nameof(FineTuningGrader), $$$"""{"type":"multi","name":"m","graders":{"type":"string_check","name":"c","input":"i","reference":"r","operation":"ilike"},"calculate_output":"string_check_score",{{{Future}}}}""" },
        { nameof(FineTuningGrader), $$$"""{"type":"endpoint_grader","name":"u","url":"https://grader.example.com","weights":[0.5,0.5],{{{Future}}}}""" },
        { nameof(GraderInputMessage), $$$"""{"role":"developer","content":"text {{item.x}}","type":"message",{{{Future}}}}""" },
        { nameof(ScoreModelSamplingParameters), $$$"""{"seed":1,"top_p":0.9,"temperature":0.2,"max_completions_tokens":100,"reasoning_effort":"xhigh",{{{Future}}}}""" },
        { nameof(FineTuningFile), $$$"""{"object":"file","id":"file-1","created_at":1646126127,"expires_at":1680202602,"status":"error","status_details":"Invalid JSONL on line 3.","bytes":140,"purpose":"fine-tune","filename":"puppy.jsonl",{{{Future}}}}""" },
        { nameof(FineTuningFileImport), $$$"""{"purpose":"fine-tune","filename":"puppy.jsonl","content_url":"https://www.contoso.com/trainingdata/puppy.jsonl?sv=x&sig=y",{{{Future}}}}""" },
        { nameof(FineTuningModel), $$$"""{"object":"model","id":"curie.ft-1","created_at":1646126127,"status":"succeeded","model":"curie","fine_tune":"ft-1","capabilities":{"fine_tune":false,"inference":true,"completion":true,"chat_completion":false,"embeddings":false},"lifecycle_status":"preview","deprecation":{"inference":1709284527},{{{Future}}}}""" },
        { nameof(FineTuningModel), $$$"""{"id":"gpt-4o-mini","object":"model","created":1686935002,"owned_by":"openai","shutdown_date":"2026-10-14",{{{Future}}}}""" },
        { nameof(ModelCapabilities), $$$"""{"fine_tune":true,"inference":true,"completion":false,"chat_completion":true,"embeddings":false,{{{Future}}}}""" },
        { nameof(ModelDeprecation), $$$"""{"fine_tune":1677662127,"inference":1709284527,{{{Future}}}}""" },
        { nameof(FineTuningError), $$$"""{"code":"invalidPayload","message":"The request is invalid.","target":"training_file","details":[{"code":"jsonlValidationFailed","message":"Line 3."}],"innererror":{"code":"invalidPayload","innererror":{"code":"deeper"}},{{{Future}}}}""" },
        { nameof(FineTuningInnerError), $$$"""{"code":"invalidPayload","innererror":{"code":"x"},{{{Future}}}}""" },
        { nameof(FineTuningErrorResponse), $$$"""{"error":{"message":"Invalid file format.","type":"invalid_request_error","param":"training_file","code":"invalid_file_format"},{{{Future}}}}""" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryModel_RoundTripsLosslessly(string model, string json)
    {
        JsonAssert.Equivalent(json, s_roundTrips[model](json));
    }

    [Fact]
    public void Job_UnionOfAzureAndOpenAIFields()
    {
        const string json = """
        {
          "object": "fine_tuning.job", "id": "ftjob-abc123", "model": "gpt-4o-mini", "created_at": 1692661014,
          "finished_at": 1692661190, "estimated_finish": 1692661300, "fine_tuned_model": "ft:gpt-4o-mini:org:sfx:7q8mpxmy",
          "organization_id": "org-123", "organisation_id": "org-az", "result_files": ["file-abc123"], "status": "succeeded",
          "training_file": "file-abc123",
          "hyperparameters": {"n_epochs": 4, "batch_size": "auto", "learning_rate_multiplier": 1.8},
          "trained_tokens": 5768, "integrations": [{"type": "wandb", "wandb": {"project": "p", "tags": ["t"]}}],
          "seed": 42, "suffix": "sfx",
          "error": {"code": "invalid_training_file", "message": "bad", "param": "training_file"},
          "method": {"type": "reinforcement", "reinforcement": {"grader": {"type": "brand_new", "name": "n", "knob": 3}}},
          "metadata": {"key": "value"}
        }
        """;
        FineTuningJob job = Read<FineTuningJob>(json);

        job.EstimatedFinish.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1692661300));
        job.Hyperparameters!.BatchSize!.Value.IsAuto.Should().BeTrue();
        job.Integrations.Should().ContainSingle().Which.Wandb!.Tags.Should().Equal("t");
        job.Error!.Code.Should().Be(new FineTuningErrorCode("invalid_training_file"));
        job.Method!.Reinforcement!.Grader.Should().BeOfType<UnknownFineTuningGrader>().Which.Type.Should().Be(new FineTuningGraderType("brand_new"));
        job.Method.Reinforcement.Grader!.Name.Should().Be("n");
        job.Metadata.Should().Contain("key", "value");
        job.OrganizationId.Should().Be("org-123");
        job.OrganisationId.Should().Be("org-az");
        JsonAssert.Equivalent(json, Write(job));
    }

    [Fact]
    public void Graders_ReadAsTheirTypes()
    {
        Read<FineTuningGrader>("""{"type":"string_check","name":"c","input":"i","reference":"r","operation":"like"}""").Should().BeOfType<StringCheckGrader>()
            .Which.Operation.Should().Be(StringCheckOperation.Like);
        Read<FineTuningGrader>("""{"name":"t","input":"i","reference":"r","evaluation_metric":"rouge_l","type":"text_similarity"}""").Should().BeOfType<TextSimilarityGrader>()
            .Which.EvaluationMetric.Should().Be(TextSimilarityMetric.RougeL);
        Read<FineTuningGrader>("""{"type":"python","name":"p","source":"s"}""").Should().BeOfType<PythonGrader>().Which.Type.Should().Be(FineTuningGraderType.Python);
        ScoreModelGrader score = Read<FineTuningGrader>("""{"type":"score_model","name":"s","model":"m","input":[{"role":"user","content":"x"}],"range":[0,5]}""").Should().BeOfType<ScoreModelGrader>().Subject;
        score.Range.Should().Equal(0, 5);
        score.Input.Should().ContainSingle().Which.Content!.GetValue<string>().Should().Be("x");
        Read<FineTuningGrader>("""{"type":"label_model","name":"l","model":"m","input":[],"labels":["a"],"passing_labels":["a"]}""").Should().BeOfType<LabelModelGrader>()
            .Which.PassingLabels.Should().Equal("a");
        MultiGrader multi = Read<FineTuningGrader>("""{"type":"multi","name":"m","graders":{"type":"future_grader","name":"f"},"calculate_output":"x"}""").Should().BeOfType<MultiGrader>().Subject;
        multi.Graders.Should().BeOfType<UnknownFineTuningGrader>().Which.Type.Should().Be(new FineTuningGraderType("future_grader"));
    }

    [Theory]
    [InlineData("""{"type":"web_grader","name":"w","url":"u"}""", "web_grader")]
    [InlineData("""{"name":"w","url":"u"}""", null)]
    [InlineData("""{"type":7,"name":"w"}""", null)]
    public void UnknownGrader_KeepsItsTypeAndPropertiesEverywhere(string grader, string? type)
    {
        FineTuningGrader read = Read<FineTuningGrader>(grader);
        read.Should().BeOfType<UnknownFineTuningGrader>();
        read.Type.Should().Be(type is null ? (FineTuningGraderType?)null : new FineTuningGraderType(type));
        read.Name.Should().Be("w");
        JsonAssert.Equivalent(grader, Write(read));

        string method = $$$"""{"type":"reinforcement","reinforcement":{"grader":{{{grader}}}}}""";
        JsonAssert.Equivalent(method, Write(Read<FineTuningMethod>(method)));
    }

    [Fact]
    public void UserCreatedGraders_WriteTheirType()
    {
        JsonAssert.Equivalent("""{"type":"python","name":"p","source":"s"}""", Write(new PythonGrader { Name = "p", Source = "s" }));
        JsonAssert.Equivalent("""{"type":"python","name":"p","source":"s"}""", Write<FineTuningGrader>(new PythonGrader { Name = "p", Source = "s" }));
        JsonAssert.Equivalent("""{"type":"string_check","name":"c"}""", Write(new StringCheckGrader { Name = "c" }));
    }

    public static TheoryData<string, string> UnknownEnumValues => new()
    {
        { nameof(FineTuningJob), """{"object":"fine_tuning.job.v2","status":"suspended","method":{"type":"distillation"},"integrations":[{"type":"mlflow","mlflow":{"uri":"x"}}],"error":{"code":"rateLimited"}}""" },
        { nameof(FineTuningJobEvent), """{"object":"fine_tuning.job.event","level":"debug","type":"progress"}""" },
        { nameof(FineTuningFile), """{"object":"file","status":"archived","purpose":"fine-tune-v2"}""" },
        { nameof(FineTuningModel), """{"object":"model","status":"canceled","lifecycle_status":"deprecated"}""" },
        { nameof(FineTuningGrader), """{"type":"string_check","operation":"regex"}""" },
        { nameof(FineTuningGrader), """{"type":"text_similarity","evaluation_metric":"rouge_9"}""" },
        { nameof(GraderInputMessage), """{"role":"tool"}""" },
        { nameof(ReinforcementHyperparameters), """{"reasoning_effort":"ultra","eval_interval":"adaptive"}""" },
    };

    [Theory]
    [MemberData(nameof(UnknownEnumValues))]
    public void UnknownEnumValues_RoundTripUnchanged(string model, string json)
    {
        JsonAssert.Equivalent(json, s_roundTrips[model](json));
    }

    [Fact]
    public void OpenEnums_AreCaseSensitiveAndNeverNormalized()
    {
        Read<FineTuningJob>("""{"status":"canceled"}""").Status.Should().Be(FineTuningState.Canceled).And.NotBe(FineTuningState.Cancelled);
        ((FineTuningState)"Succeeded").Should().NotBe(FineTuningState.Succeeded);
        ((FilePurpose)"fine-tune").Should().Be(FilePurpose.FineTune);
        LogLevel.Warn.Should().NotBe(LogLevel.Warning);
        FineTuningState.Cancelled.GetHashCode().Should().Be(new FineTuningState("cancelled").GetHashCode());

        // A status that is not a string reads as no value and is kept as it came (UnreadableValueTests has the rest).
        FineTuningJob numeric = Read<FineTuningJob>("""{"status":1}""");
        numeric.Status.Should().BeNull();
        numeric.AdditionalProperties["status"].GetRawText().Should().Be("1");
    }

    [Theory]
    [InlineData("succeeded", true)]
    [InlineData("failed", true)]
    [InlineData("cancelled", true)]
    [InlineData("canceled", true)]
    [InlineData("running", false)]
    [InlineData("paused", false)]
    [InlineData("validating_files", false)]
    [InlineData("archived", false)]
    public void FineTuningState_IsTerminal(string state, bool terminal) => new FineTuningState(state).IsTerminal.Should().Be(terminal);

    [Fact]
    public void HyperparameterValue_IsAutoOrANumberAndRoundTrips()
    {
        FineTuningHyperparameters read = Read<FineTuningHyperparameters>("""{"n_epochs":"auto","batch_size":-1,"learning_rate_multiplier":0.02}""");
        read.EpochCount!.Value.IsAuto.Should().BeTrue();
        read.EpochCount.Value.Number.Should().BeNull();
        read.BatchSize!.Value.Number.Should().Be(-1);
        read.LearningRateMultiplier!.Value.Number.Should().Be(0.02);
        read.LearningRateMultiplier.Value.ToString().Should().Be("0.02");
        Write(read).Should().Be("""{"batch_size":-1,"learning_rate_multiplier":0.02,"n_epochs":"auto"}""");

        FineTuningHyperparameterValue eight = 8;
        eight.Should().Be(FineTuningHyperparameterValue.FromNumber(8.0));
        eight.IsAuto.Should().BeFalse();
        eight.ToString().Should().Be("8");
        FineTuningHyperparameterValue.Auto.ToString().Should().Be("auto");
        FineTuningHyperparameterValue.FromString("auto").Should().Be(FineTuningHyperparameterValue.Auto);
        (FineTuningHyperparameterValue.FromString("adaptive") == FineTuningHyperparameterValue.Auto).Should().BeFalse();
        Write(new FineTuningHyperparameters { EpochCount = 3, LearningRateMultiplier = 1.0, BatchSize = FineTuningHyperparameterValue.FromString("adaptive") })
            .Should().Be("""{"batch_size":"adaptive","learning_rate_multiplier":1,"n_epochs":3}""");
        ((Action)(() => FineTuningHyperparameterValue.FromNumber(double.NaN))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => FineTuningHyperparameterValue.FromString(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => Read<FineTuningHyperparameters>("""{"n_epochs":true}"""))).Should().Throw<JsonException>();
    }

    [Fact]
    public void CreateOptions_EmptyCollectionsAreNotSent()
    {
        JsonAssert.Equivalent("""{"model":"gpt-4o-mini","training_file":"file-1"}""", Write(new FineTuningJobCreateOptions("gpt-4o-mini", "file-1")));
        JsonAssert.Equivalent("""{"type":"score_model","name":"s"}""", Write(new ScoreModelGrader { Name = "s" }));
        JsonAssert.Equivalent("""{"project":"p"}""", Write(new WandbIntegration("p")));
    }

    [Fact]
    public void CreateOptions_ReadGetOnlyCollections()
    {
        FineTuningJobCreateOptions options = Read<FineTuningJobCreateOptions>("""{"model":"m","training_file":"f","integrations":[{"type":"wandb","wandb":{"project":"p","tags":["a","b"]}}],"metadata":{"k":"v"}}""");
        options.Integrations.Should().ContainSingle().Which.Wandb!.Tags.Should().Equal("a", "b");
        options.Metadata.Should().Contain("k", "v");
    }

    [Fact]
    public void ShutdownDate_ThatIsNotADate_ReadsNull_AndIsKeptAsItCame()
    {
        FineTuningModel model = Read<FineTuningModel>("""{"shutdown_date":"soon"}""");

        model.ShutdownDate.Should().BeNull();
        model.AdditionalProperties["shutdown_date"].GetString().Should().Be("soon");
        JsonAssert.Equivalent("""{"shutdown_date":"soon"}""", Write(model));
    }

    [Fact]
    public void MethodFactories_BuildTheWireShape()
    {
        JsonAssert.Equivalent("""{"type":"supervised","supervised":{}}""", Write(FineTuningMethod.CreateSupervised()));
        JsonAssert.Equivalent("""{"type":"dpo","dpo":{"hyperparameters":{"beta":"auto"}}}""", Write(FineTuningMethod.CreateDpo(new DpoHyperparameters { Beta = FineTuningHyperparameterValue.Auto })));
        JsonAssert.Equivalent(
            """{"type":"reinforcement","reinforcement":{"grader":{"type":"string_check","name":"c","operation":"ne"}}}""",
            Write(FineTuningMethod.CreateReinforcement(new StringCheckGrader { Name = "c", Operation = StringCheckOperation.NotEqual })));
        ((Action)(() => FineTuningMethod.CreateReinforcement(null!))).Should().Throw<ArgumentNullException>().WithParameterName("grader");
    }

    [Fact]
    public void ModelFactory_BuildsEveryReadOnlyModel()
    {
        DateTimeOffset at = DateTimeOffset.FromUnixTimeSeconds(1646126127);
        FineTuningError error = FineTuningModelFactory.FineTuningError(FineTuningErrorCode.QuotaExceeded, "Quota exceeded.", "training_file", "t", "target",
            new[] { FineTuningModelFactory.FineTuningError(message: "detail") }, FineTuningModelFactory.FineTuningInnerError("invalidPayload", FineTuningModelFactory.FineTuningInnerError("x")));
        JsonAssert.Equivalent(
            """{"code":"quotaExceeded","message":"Quota exceeded.","param":"training_file","type":"t","target":"target","details":[{"message":"detail"}],"innererror":{"code":"invalidPayload","innererror":{"code":"x"}}}""",
            Write(error));
        JsonAssert.Equivalent("""{"error":{"message":"m"}}""", Write(FineTuningModelFactory.FineTuningErrorResponse(FineTuningModelFactory.FineTuningError(message: "m"))));

        FineTuningJob job = FineTuningModelFactory.FineTuningJob(
            "ft-1", FineTuningState.Failed, "gpt-4o-mini", "file-1", "file-2", "ft:m", at, at, at, new[] { "file-3" }, 10,
            new FineTuningHyperparameters { EpochCount = 2 }, "sfx", 3, FineTuningModelFactory.FineTuningError(message: "boom"),
            FineTuningMethod.CreateSupervised(), new[] { new FineTuningIntegration(new WandbIntegration("p")) }, new Dictionary<string, string> { ["k"] = "v" }, "org", "orgz");
        JsonAssert.Equivalent(
            """{"object":"fine_tuning.job","id":"ft-1","status":"failed","model":"gpt-4o-mini","training_file":"file-1","validation_file":"file-2","fine_tuned_model":"ft:m","created_at":1646126127,"finished_at":1646126127,"estimated_finish":1646126127,"result_files":["file-3"],"trained_tokens":10,"hyperparameters":{"n_epochs":2},"suffix":"sfx","seed":3,"error":{"message":"boom"},"method":{"type":"supervised","supervised":{}},"integrations":[{"type":"wandb","wandb":{"project":"p"}}],"metadata":{"k":"v"},"organization_id":"org","organisation_id":"orgz"}""",
            Write(job));
        new FineTuningJobFailedException(job).Message.Should().Be("Fine-tuning job 'ft-1' failed: boom");

        JsonAssert.Equivalent(
            """{"object":"fine_tuning.job.event","id":"e","created_at":1646126127,"level":"info","message":"m","type":"metrics","data":{"step":1}}""",
            Write(FineTuningModelFactory.FineTuningJobEvent("e", at, LogLevel.Info, "m", FineTuningJobEventType.Metrics, new JsonObject { ["step"] = 1 })));
        JsonAssert.Equivalent(
            """{"object":"fine_tuning.job.checkpoint","id":"c","created_at":1646126127,"fine_tuned_model_checkpoint":"ck","step_number":10,"metrics":{"train_loss":0.5},"fine_tuning_job_id":"ft-1"}""",
            Write(FineTuningModelFactory.FineTuningJobCheckpoint("c", at, "ck", 10, new Dictionary<string, double?> { ["train_loss"] = 0.5 }, "ft-1")));
        FineTuningFile file = FineTuningModelFactory.FineTuningFile("file-1", "a.jsonl", FilePurpose.FineTune, FileState.Error, 5, at, "bad line", at);
        JsonAssert.Equivalent(
            """{"object":"file","id":"file-1","filename":"a.jsonl","purpose":"fine-tune","status":"error","bytes":5,"created_at":1646126127,"status_details":"bad line","expires_at":1646126127}""",
            Write(file));
        new FineTuningFileProcessingException(file).Message.Should().Be("File 'file-1' (a.jsonl) was not processed; its status is 'error': bad line" + Environment.NewLine + "ErrorCode: error");
        JsonAssert.Equivalent(
            """{"object":"model","id":"m","status":"succeeded","model":"base","fine_tune":"ft-1","capabilities":{"fine_tune":false,"inference":true},"lifecycle_status":"preview","deprecation":{"fine_tune":1646126127,"inference":1646126127},"created_at":1646126127,"created":1646126127,"owned_by":"me","shutdown_date":"2022-03-01"}""",
            Write(FineTuningModelFactory.FineTuningModel("m", FineTuningState.Succeeded, "base", "ft-1", FineTuningModelFactory.ModelCapabilities(false, true), LifeCycleStatus.Preview,
                FineTuningModelFactory.ModelDeprecation(at, at), at, at, "me", new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero))));
        JsonAssert.Equivalent("""{"completion":true,"chat_completion":true,"embeddings":false}""", Write(FineTuningModelFactory.ModelCapabilities(completion: true, chatCompletion: true, embeddings: false)));
    }
}
