using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

/// <summary>
/// One Foundry training job and its single attempt, advanced step by step as the emulator's clock moves: queued for
/// <see cref="QueuedSteps"/> steps, then running one training step per step (logging a point per metric, writing
/// checkpoints and a growing log), then completed with its model files, or failed halfway when it was meant to fail.
/// Not thread-safe: the owning store serializes access.
/// </summary>
internal sealed class EmulatedTrainingJob
{
    public const int QueuedSteps = 2;

    public const string AttemptId = "1";

    private readonly TimeSpan _interval;
    private readonly int _failAtStep;
    private readonly uint _seed;
    private readonly StringBuilder _log = new();

    /// <summary>What the job read of its training data (an uploaded dataset), logged when its attempt starts.</summary>
    public string? DataNote { get; set; }

    private readonly Dictionary<string, EmulatedMetric> _metrics = new(StringComparer.Ordinal);
    private readonly string[] _metricNames;
    private readonly double _peakLearningRate;
    private readonly double _epochs;
    private readonly int _evalEvery;
    private readonly int _checkpointEvery;
    private readonly long _weightsBytes;
    private DateTimeOffset _nextTickAt;
    private int _ticks;
    private DateTimeOffset? _cancelAt;

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public EmulatedTrainingJob(string name, long sequence, CommandJob spec, DateTimeOffset now, TimeSpan interval, int totalSteps, bool fails, long weightsBytes)
    {
        _weightsBytes = weightsBytes;
        Name = name;
        Sequence = sequence;
        Spec = spec;
        CreatedAt = now;
        ModifiedAt = now;
        TotalSteps = totalSteps;
        Fails = fails;
        _interval = interval;
        _nextTickAt = now + interval;
        _failAtStep = Math.Max(1, totalSteps / 2);
        _seed = TrainingCurves.Seed(name);
        Tags = Stringify(spec.Tags);
        Properties = Stringify(spec.Properties);
        Recipe = spec.Training is null ? null : JsonNode.Parse(FoundryTrainingSerializer.Serialize(spec.Training)) as JsonObject;
        Algorithm = Recipe?["algorithm"]?.GetValueKind() == JsonValueKind.String ? Recipe["algorithm"]!.GetValue<string>() : null;
        _peakLearningRate = ReadNumber(Recipe?["hyperparameters"]?["learning_rate"]) ?? (Recipe?["lora"] is not null ? 1e-4 : 2e-5);
        _epochs = ReadNumber(Recipe?["hyperparameters"]?["num_train_epochs"]) ?? 1;
        _evalEvery = (int)(ReadNumber(Recipe?["eval"]?["every_n_steps"]) ?? Math.Max(1, totalSteps / 2));
        _evalEvery = Math.Max(1, _evalEvery);
        _checkpointEvery = Math.Max(1, (totalSteps + 1) / 2);
        _metricNames = MetricNamesFor(Algorithm, Recipe?["eval"] is not null);
        foreach (string metric in _metricNames)
        {
            _metrics[metric] = new EmulatedMetric(metric);
        }

        Status = TrainingJobStatus.Queued;
    }

    public string Name { get; }

    /// <summary>Creation order, for listing.</summary>
    public long Sequence { get; }

    /// <summary>The properties as created (never changed afterwards).</summary>
    public CommandJob Spec { get; }

    /// <summary>The training recipe as JSON, for the values the emulator reflects (algorithm, LoRA, eval, learning rate).</summary>
    public JsonObject? Recipe { get; }

    public string? Algorithm { get; }

    public IReadOnlyDictionary<string, string> Tags { get; }

    public IReadOnlyDictionary<string, string> Properties { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ModifiedAt { get; private set; }

    public int TotalSteps { get; }

    public bool Fails { get; }

    /// <summary><c>Queued</c>, <c>Running</c>, <c>Completed</c>, <c>Failed</c>, <c>CancelRequested</c> or <c>Canceled</c>.</summary>
    public string Status { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public int CompletedSteps { get; private set; }

    public JobAttemptError? Error { get; private set; }

    public bool IsTerminal => TrainingJobStatus.IsTerminal(Status);

    public bool HasAttempt => StartedAt is not null;

    public IEnumerable<EmulatedMetric> Metrics => _metricNames.Select(n => _metrics[n]);

    public SortedDictionary<string, EmulatedArtifact> Artifacts { get; } = new(StringComparer.Ordinal);

    public EmulatedMetric? Metric(string name) => _metrics.TryGetValue(name, out EmulatedMetric? metric) ? metric : null;

    /// <summary>The attempt's status as <c>JobAttemptStatus</c> spells it.</summary>
    public JobAttemptStatus AttemptStatus => Status switch
    {
        TrainingJobStatus.Queued => JobAttemptStatus.Queued,
        TrainingJobStatus.Running or TrainingJobStatus.CancelRequested => JobAttemptStatus.Running,
        TrainingJobStatus.Completed => JobAttemptStatus.Completed,
        TrainingJobStatus.Failed => JobAttemptStatus.Failed,
        _ => JobAttemptStatus.Canceled,
    };

    /// <summary>Plays every step that is due by <paramref name="now"/>.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        if (_cancelAt is DateTimeOffset cancelAt)
        {
            if (!IsTerminal && now >= cancelAt)
            {
                End(TrainingJobStatus.Canceled, cancelAt);
                _log.Append(Stamp(cancelAt)).Append("Job canceled by the user.\n");
            }

            return;
        }

        while (!IsTerminal && _nextTickAt <= now)
        {
            Tick(_nextTickAt);
            _nextTickAt += _interval;
        }
    }

    /// <summary>Cancels the job: a queued job ends at once (true); a running job stops stepping and ends one step later (false).</summary>
    public bool Cancel(DateTimeOffset now)
    {
        AdvanceTo(now);
        if (Status == TrainingJobStatus.Queued)
        {
            End(TrainingJobStatus.Canceled, now);
            return true;
        }

        if (Status == TrainingJobStatus.Running)
        {
            Status = TrainingJobStatus.CancelRequested;
            ModifiedAt = now;
            _cancelAt = now + _interval;
        }

        return false;
    }

    /// <summary>When the requested cancellation completes.</summary>
    public DateTimeOffset CancelCompletesAt => _cancelAt ?? EndedAt ?? CreatedAt;

    private void Tick(DateTimeOffset at)
    {
        _ticks++;
        if (_ticks < QueuedSteps)
        {
            return;
        }

        if (_ticks == QueuedSteps)
        {
            Status = TrainingJobStatus.Running;
            StartedAt = at;
            ModifiedAt = at;
            _log.Append(Stamp(at)).Append("Attempt ").Append(AttemptId).Append(" started on ").Append(InstanceType).Append(".\n");
            if (DataNote is not null)
            {
                _log.Append(Stamp(at)).Append(DataNote).Append('\n');
            }

            Artifacts["logs/std_log.txt"] = new EmulatedArtifact("logs/std_log.txt", "text/plain", at, () => ResponseBody.FromBytes(Encoding.UTF8.GetBytes(_log.ToString())), grows: true);
            return;
        }

        int step = ++CompletedSteps;
        foreach (string name in _metricNames)
        {
            if (name.StartsWith("eval/", StringComparison.Ordinal) && step % _evalEvery != 0 && step != TotalSteps)
            {
                continue;
            }

            _metrics[name].Points.Add((step, at, ValueOf(name, step)));
        }

        Artifacts["logs/std_log.txt"].UpdatedAt = at;
        _log.Append(Stamp(at)).Append("step ").Append(step).Append('/').Append(TotalSteps)
            .Append(" loss=").Append(ValueOf("train/loss", step).ToString("0.0000", CultureInfo.InvariantCulture))
            .Append(" learning_rate=").Append(ValueOf("train/learning_rate", step).ToString("0.###e+0", CultureInfo.InvariantCulture)).Append('\n');

        if (Fails && step == _failAtStep)
        {
            Error = TrainingModelFactory.JobAttemptError(
                code: "UserError",
                message: $"The emulator failed training job '{Name}' at step {step} as requested.",
                details: new Dictionary<string, JsonNode?> { ["step"] = step });
            _log.Append(Stamp(at)).Append("Error: ").Append(Error.Message).Append('\n');
            End(TrainingJobStatus.Failed, at);
            return;
        }

        if (step % _checkpointEvery == 0 && step != TotalSteps)
        {
            AddCheckpoint(step, at);
        }

        if (step == TotalSteps)
        {
            AddModel(at);
            _log.Append(Stamp(at)).Append("Training completed.\n");
            End(TrainingJobStatus.Completed, at);
        }
        else
        {
            ModifiedAt = at;
        }
    }

    private void End(string status, DateTimeOffset at)
    {
        Status = status;
        EndedAt = at;
        ModifiedAt = at;
        if (Artifacts.TryGetValue("logs/std_log.txt", out EmulatedArtifact? log))
        {
            log.UpdatedAt = at;
        }
    }

    private double ValueOf(string metric, int step) => metric switch
    {
        "train/loss" => TrainingCurves.Loss(_seed, step, TotalSteps),
        "train/learning_rate" => TrainingCurves.LearningRate(step, TotalSteps, _peakLearningRate),
        "train/grad_norm" => TrainingCurves.GradNorm(_seed, step, TotalSteps),
        "train/epoch" => Math.Round(_epochs * step / TotalSteps, 4),
        "train/reward" => TrainingCurves.Reward(_seed, step, TotalSteps),
        "train/rewards/accuracies" => TrainingCurves.PreferenceAccuracy(_seed, step, TotalSteps),
        "eval/loss" => TrainingCurves.EvalLoss(_seed, step, TotalSteps),
        _ => 0,
    };

    private void AddCheckpoint(int step, DateTimeOffset at)
    {
        string folder = "checkpoints/checkpoint-" + step.ToString(CultureInfo.InvariantCulture) + "/";
        bool lora = Recipe?["lora"] is not null;
        AddFile(folder + (lora ? "adapter_model.safetensors" : "model.safetensors"), "application/octet-stream", at, () => Weights(step));
        AddFile(folder + "trainer_state.json", "application/json", at, () => Json(new JsonObject
        {
            ["global_step"] = step,
            ["max_steps"] = TotalSteps,
            ["loss"] = ValueOf("train/loss", step),
            ["learning_rate"] = ValueOf("train/learning_rate", step),
        }));
    }

    private void AddModel(DateTimeOffset at)
    {
        JsonNode? lora = Recipe?["lora"];
        string model = Recipe?["model"]?.GetValueKind() == JsonValueKind.String ? Recipe["model"]!.GetValue<string>() : "model";
        if (lora is not null)
        {
            AddFile("outputs/model/adapter_config.json", "application/json", at, () => Json(new JsonObject
            {
                ["base_model_name_or_path"] = model,
                ["peft_type"] = "LORA",
                ["r"] = lora["rank"]?.DeepClone(),
                ["lora_alpha"] = lora["alpha"]?.DeepClone() ?? 16,
                ["lora_dropout"] = lora["dropout"]?.DeepClone() ?? 0.05,
                ["target_modules"] = lora["target_modules"]?.DeepClone() ?? "all-linear",
            }));
            AddFile("outputs/model/adapter_model.safetensors", "application/octet-stream", at, () => Weights(TotalSteps));
        }
        else
        {
            AddFile("outputs/model/config.json", "application/json", at, () => Json(new JsonObject { ["_name_or_path"] = model, ["torch_dtype"] = "bfloat16" }));
            AddFile("outputs/model/model.safetensors", "application/octet-stream", at, () => Weights(TotalSteps));
        }

        var final = new JsonObject();
        foreach (EmulatedMetric metric in Metrics)
        {
            if (metric.Points.Count > 0)
            {
                final[metric.Name] = metric.Points[metric.Points.Count - 1].Value;
            }
        }

        AddFile("outputs/metrics.json", "application/json", at, () => Json(final));
    }

    private void AddFile(string path, string contentType, DateTimeOffset at, Func<byte[]> content) =>
        Artifacts[path] = new EmulatedArtifact(path, contentType, at, () => ResponseBody.FromBytes(content()));

    private void AddFile(string path, string contentType, DateTimeOffset at, Func<ResponseBody> content) =>
        Artifacts[path] = new EmulatedArtifact(path, contentType, at, content);

    private string InstanceType => Spec.Resources?.InstanceType ?? "Standard_NC24ads_A100_v4";

    /// <summary>A deterministic stand-in for a safetensors file of <see cref="_weightsBytes"/> tensor bytes (see <see cref="EmulatedWeights"/>).</summary>
    private EmulatedWeights Weights(int step)
    {
        byte[] header = Encoding.UTF8.GetBytes("{\"__metadata__\":{\"format\":\"pt\",\"emulator\":\"foundry-training\",\"job\":" + JsonValue.Create(Name).ToJsonString() + ",\"step\":\"" + step.ToString(CultureInfo.InvariantCulture) + "\"}}");
        return new EmulatedWeights(header, ((ulong)_seed << 32) ^ (uint)step, _weightsBytes);
    }

    private static byte[] Json(JsonObject value) => Encoding.UTF8.GetBytes(value.ToJsonString(s_indented));

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + " ";

    private static string[] MetricNamesFor(string? algorithm, bool eval)
    {
        // Named as Hugging Face trainers log to Weights & Biases; train/epoch (fractional) is how far training has got.
        var names = new List<string> { "train/loss", "train/learning_rate", "train/grad_norm", "train/epoch" };
        switch (algorithm)
        {
            case "grpo" or "ppo" or "rloo" or "reinforce_pp":
                names.Add("train/reward");
                break;
            case "dpo" or "kto" or "orpo" or "cpo" or "simpo":
                names.Add("train/rewards/accuracies");
                break;
        }

        if (eval)
        {
            names.Add("eval/loss");
        }

        return names.ToArray();
    }

    private static double? ReadNumber(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    public static IReadOnlyDictionary<string, string> Stringify(IDictionary<string, JsonNode?> values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonNode?> pair in values)
        {
            result[pair.Key] = pair.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : pair.Value?.ToJsonString() ?? "null";
        }

        return result;
    }
}
