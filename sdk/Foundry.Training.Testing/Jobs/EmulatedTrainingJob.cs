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
/// One Foundry training job and its attempts (<see cref="EmulatedAttempt"/>), advanced step by step as the emulator's
/// clock moves: queued for <see cref="QueuedSteps"/> steps, then an attempt runs one training step per step (logging a
/// point per metric, writing checkpoints and a growing log) until it completes with the model files, fails halfway when
/// the job was meant to fail, or — as the job's <see cref="EmulatedJobScenario"/> says — attempt 1 is retried,
/// preempted or fails and a second attempt takes over. The job's status follows its current attempt.
/// Not thread-safe: the owning store serializes access.
/// </summary>
internal sealed class EmulatedTrainingJob
{
    public const int QueuedSteps = 2;

    private readonly TimeSpan _interval;
    private readonly int _failAtStep;
    private readonly uint _seed;

    /// <summary>What the job read of its training data (an uploaded dataset), logged when each attempt starts.</summary>
    public string? DataNote { get; set; }

    private readonly List<EmulatedAttempt> _attempts = new();
    private readonly string[] _metricNames;
    private readonly double _peakLearningRate;
    private readonly double _epochs;
    private readonly int _evalEvery;
    private readonly int _checkpointEvery;
    private readonly long _weightsBytes;
    private DateTimeOffset _nextTickAt;
    private DateTimeOffset _queuedAt;
    private int _queuedTicks;
    private int _resumeAfterStep;
    private DateTimeOffset? _cancelAt;

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public EmulatedTrainingJob(string name, long sequence, CommandJob spec, DateTimeOffset now, TimeSpan interval, int totalSteps, bool fails, long weightsBytes, EmulatedJobScenario scenario = EmulatedJobScenario.None)
    {
        _weightsBytes = weightsBytes;
        Name = name;
        Sequence = sequence;
        Spec = spec;
        CreatedAt = now;
        ModifiedAt = now;
        TotalSteps = totalSteps;
        Fails = fails;
        Scenario = scenario;
        _interval = interval;
        _nextTickAt = now + interval;
        _queuedAt = now;
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

    /// <summary>Whether the job's last attempt fails (halfway through its steps, with a <c>UserError</c>).</summary>
    public bool Fails { get; }

    /// <summary>What happens to attempt 1 before a second attempt takes over.</summary>
    public EmulatedJobScenario Scenario { get; }

    /// <summary><c>Queued</c>, <c>Running</c>, <c>Completed</c>, <c>Failed</c>, <c>CancelRequested</c> or <c>Canceled</c>.</summary>
    public string Status { get; private set; }

    public bool IsTerminal => TrainingJobStatus.IsTerminal(Status);

    /// <summary>The attempts so far, oldest first; an attempt appears when it starts running.</summary>
    public IReadOnlyList<EmulatedAttempt> Attempts => _attempts;

    public bool HasAttempt => _attempts.Count > 0;

    /// <summary>The latest attempt (the job's current one, or the one it ended with); null before the first starts.</summary>
    public EmulatedAttempt? LatestAttempt => _attempts.Count > 0 ? _attempts[_attempts.Count - 1] : null;

    /// <summary>The attempt with this id, or the latest for <c>latest</c>; null when there is none.</summary>
    public EmulatedAttempt? Attempt(string id) =>
        id == TrainingJobsClient.LatestAttempt ? LatestAttempt : _attempts.FirstOrDefault(a => a.Id == id);

    /// <summary>Plays every step that is due by <paramref name="now"/>.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        if (_cancelAt is DateTimeOffset cancelAt)
        {
            if (!IsTerminal && now >= cancelAt)
            {
                EmulatedAttempt? running = RunningAttempt;
                End(TrainingJobStatus.Canceled, cancelAt);
                running?.WriteLog(cancelAt, "Job canceled by the user.");
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
    public DateTimeOffset CancelCompletesAt => _cancelAt ?? LatestAttempt?.EndedAt ?? ModifiedAt;

    /// <summary>The attempt that is running now, if any.</summary>
    private EmulatedAttempt? RunningAttempt => LatestAttempt is { HasEnded: false } latest ? latest : null;

    private void Tick(DateTimeOffset at)
    {
        if (RunningAttempt is not EmulatedAttempt attempt)
        {
            if (++_queuedTicks >= QueuedSteps)
            {
                StartAttempt(at);
            }

            return;
        }

        bool first = _attempts.Count == 1;
        if (first && Scenario == EmulatedJobScenario.Preempt && attempt.CompletedSteps + 1 == PreemptAtStep)
        {
            // The node is reclaimed before this step finishes: its points are lost, the last checkpoint is not.
            _resumeAfterStep = LastCheckpointBefore(PreemptAtStep);
            var error = TrainingModelFactory.JobAttemptError(
                code: "Preempted",
                message: $"Attempt {attempt.Id} of training job '{Name}' was preempted: its low-priority capacity was reclaimed. The job is queued again and resumes from its last checkpoint.",
                details: new Dictionary<string, JsonNode?> { ["step"] = PreemptAtStep, ["resume_after_step"] = _resumeAfterStep });
            attempt.WriteLog(at, "Preempted: the node was reclaimed. Waiting for capacity to resume.");
            attempt.End(JobAttemptStatus.Canceled, at, error, "Preempted.");
            Requeue(at);
            return;
        }

        int step = attempt.NextStep();
        foreach (string name in _metricNames)
        {
            if (name.StartsWith("eval/", StringComparison.Ordinal) && step % _evalEvery != 0 && step != TotalSteps)
            {
                continue;
            }

            attempt.AddPoint(name, step, at, ValueOf(attempt, name, step));
        }

        attempt.WriteLog(at, "step " + step.ToString(CultureInfo.InvariantCulture) + "/" + TotalSteps.ToString(CultureInfo.InvariantCulture) +
            " loss=" + ValueOf(attempt, "train/loss", step).ToString("0.0000", CultureInfo.InvariantCulture) +
            " learning_rate=" + ValueOf(attempt, "train/learning_rate", step).ToString("0.###e+0", CultureInfo.InvariantCulture));

        if (step == _failAtStep && first && Scenario is EmulatedJobScenario.Retry)
        {
            var error = TrainingModelFactory.JobAttemptError(
                code: "SystemError",
                message: $"Attempt {attempt.Id} of training job '{Name}' failed at step {step}: a node became unhealthy (the emulator's transient fault). The service retries the job.",
                details: new Dictionary<string, JsonNode?> { ["step"] = step });
            attempt.WriteLog(at, "Error: " + error.Message);
            attempt.End(JobAttemptStatus.Failed, at, error);
            _resumeAfterStep = 0;
            _queuedAt = at; // attempt 2 is queued as it is created, when attempt 1 ends ...
            StartAttempt(at); // ... and the service starts it at once: the job stays Running
            return;
        }

        if (step == _failAtStep && ((first && Scenario is EmulatedJobScenario.FailThenSucceed) || (Fails && IsLastAttempt)))
        {
            var error = TrainingModelFactory.JobAttemptError(
                code: "UserError",
                message: $"The emulator failed training job '{Name}' at step {step} as requested.",
                details: new Dictionary<string, JsonNode?> { ["step"] = step, ["exit_code"] = 1 });
            attempt.WriteLog(at, "Traceback (most recent call last):");
            attempt.WriteLog(at, "  File \"train.py\", line 42, in <module>");
            attempt.WriteLog(at, "RuntimeError: emulated failure at step " + step.ToString(CultureInfo.InvariantCulture));
            attempt.WriteLog(at, "Error: " + error.Message + " Exit code 1.");
            attempt.End(JobAttemptStatus.Failed, at, error);
            if (IsLastAttempt)
            {
                End(TrainingJobStatus.Failed, at);
            }
            else
            {
                _resumeAfterStep = 0;
                Requeue(at); // the command is resubmitted: the job shows Queued until it runs again
            }

            return;
        }

        if (step % _checkpointEvery == 0 && step != TotalSteps)
        {
            AddCheckpoint(attempt, step, at);
        }

        if (step == TotalSteps)
        {
            AddModel(attempt, at);
            attempt.WriteLog(at, "Training completed.");
            End(TrainingJobStatus.Completed, at);
        }
        else
        {
            ModifiedAt = at;
        }
    }

    /// <summary>Whether the running attempt is the last the job's scenario plans (a failing job fails on it).</summary>
    private bool IsLastAttempt => Scenario == EmulatedJobScenario.None || _attempts.Count >= 2;

    /// <summary>The step at which attempt 1 of a preempted job is stopped: just after its first checkpoint.</summary>
    private int PreemptAtStep => Math.Min(TotalSteps, _checkpointEvery + 2);

    private int LastCheckpointBefore(int step)
    {
        int checkpoint = (step - 1) / _checkpointEvery * _checkpointEvery;
        return checkpoint >= TotalSteps ? 0 : checkpoint;
    }

    private void StartAttempt(DateTimeOffset at)
    {
        int number = _attempts.Count + 1;
        string id = number.ToString(CultureInfo.InvariantCulture);
        // Attempt 1 draws from the job's seed (its values are deterministic per job name); later ones from their own.
        uint seed = number == 1 ? _seed : TrainingCurves.Seed(Name + "#" + id);
        var attempt = new EmulatedAttempt(id, seed, _metricNames, _queuedAt, at, _resumeAfterStep);
        _attempts.Add(attempt);
        Status = TrainingJobStatus.Running;
        ModifiedAt = at;
        attempt.WriteLog(at, "Attempt " + id + " started on " + InstanceType + ".");
        if (_resumeAfterStep > 0)
        {
            attempt.WriteLog(at, "Resuming from checkpoints/checkpoint-" + _resumeAfterStep.ToString(CultureInfo.InvariantCulture) + " (step " + _resumeAfterStep.ToString(CultureInfo.InvariantCulture) + ").");
        }

        if (DataNote is not null)
        {
            attempt.WriteLog(at, DataNote);
        }
    }

    private void Requeue(DateTimeOffset at)
    {
        Status = TrainingJobStatus.Queued;
        ModifiedAt = at;
        _queuedAt = at;
        _queuedTicks = 0;
    }

    private void End(string status, DateTimeOffset at)
    {
        Status = status;
        ModifiedAt = at;
        if (RunningAttempt is EmulatedAttempt attempt)
        {
            JobAttemptStatus attemptStatus = status switch
            {
                TrainingJobStatus.Completed => JobAttemptStatus.Completed,
                TrainingJobStatus.Failed => JobAttemptStatus.Failed,
                _ => JobAttemptStatus.Canceled,
            };
            attempt.End(attemptStatus, at, reason: status == TrainingJobStatus.Canceled ? "Canceled by the user." : null);
        }
    }

    private double ValueOf(EmulatedAttempt attempt, string metric, int step) => metric switch
    {
        "train/loss" => TrainingCurves.Loss(attempt.Seed, step, TotalSteps),
        "train/learning_rate" => TrainingCurves.LearningRate(step, TotalSteps, _peakLearningRate),
        "train/grad_norm" => TrainingCurves.GradNorm(attempt.Seed, step, TotalSteps),
        "train/epoch" => Math.Round(_epochs * step / TotalSteps, 4),
        "train/reward" => TrainingCurves.Reward(attempt.Seed, step, TotalSteps),
        "train/rewards/accuracies" => TrainingCurves.PreferenceAccuracy(attempt.Seed, step, TotalSteps),
        "eval/loss" => TrainingCurves.EvalLoss(attempt.Seed, step, TotalSteps),
        _ => 0,
    };

    private void AddCheckpoint(EmulatedAttempt attempt, int step, DateTimeOffset at)
    {
        string folder = "checkpoints/checkpoint-" + step.ToString(CultureInfo.InvariantCulture) + "/";
        bool lora = Recipe?["lora"] is not null;
        AddFile(attempt, folder + (lora ? "adapter_model.safetensors" : "model.safetensors"), "application/octet-stream", at, () => Weights(attempt, step));
        AddFile(attempt, folder + "trainer_state.json", "application/json", at, () => Json(new JsonObject
        {
            ["global_step"] = step,
            ["max_steps"] = TotalSteps,
            ["loss"] = ValueOf(attempt, "train/loss", step),
            ["learning_rate"] = ValueOf(attempt, "train/learning_rate", step),
        }));
    }

    private void AddModel(EmulatedAttempt attempt, DateTimeOffset at)
    {
        JsonNode? lora = Recipe?["lora"];
        string model = Recipe?["model"]?.GetValueKind() == JsonValueKind.String ? Recipe["model"]!.GetValue<string>() : "model";
        if (lora is not null)
        {
            AddFile(attempt, "outputs/model/adapter_config.json", "application/json", at, () => Json(new JsonObject
            {
                ["base_model_name_or_path"] = model,
                ["peft_type"] = "LORA",
                ["r"] = lora["rank"]?.DeepClone(),
                ["lora_alpha"] = lora["alpha"]?.DeepClone() ?? 16,
                ["lora_dropout"] = lora["dropout"]?.DeepClone() ?? 0.05,
                ["target_modules"] = lora["target_modules"]?.DeepClone() ?? "all-linear",
            }));
            AddFile(attempt, "outputs/model/adapter_model.safetensors", "application/octet-stream", at, () => Weights(attempt, TotalSteps));
        }
        else
        {
            AddFile(attempt, "outputs/model/config.json", "application/json", at, () => Json(new JsonObject { ["_name_or_path"] = model, ["torch_dtype"] = "bfloat16" }));
            AddFile(attempt, "outputs/model/model.safetensors", "application/octet-stream", at, () => Weights(attempt, TotalSteps));
        }

        var final = new JsonObject();
        foreach (EmulatedMetric metric in attempt.Metrics)
        {
            if (metric.Points.Count > 0)
            {
                final[metric.Name] = metric.Points[metric.Points.Count - 1].Value;
            }
        }

        AddFile(attempt, "outputs/metrics.json", "application/json", at, () => Json(final));
    }

    private static void AddFile(EmulatedAttempt attempt, string path, string contentType, DateTimeOffset at, Func<byte[]> content) =>
        attempt.Artifacts[path] = new EmulatedArtifact(path, contentType, at, () => ResponseBody.FromBytes(content()));

    private static void AddFile(EmulatedAttempt attempt, string path, string contentType, DateTimeOffset at, Func<ResponseBody> content) =>
        attempt.Artifacts[path] = new EmulatedArtifact(path, contentType, at, content);

    private string InstanceType => Spec.Resources?.InstanceType ?? "Standard_NC24ads_A100_v4";

    /// <summary>A deterministic stand-in for a safetensors file of <see cref="_weightsBytes"/> tensor bytes (see <see cref="EmulatedWeights"/>), distinct per attempt.</summary>
    private EmulatedWeights Weights(EmulatedAttempt attempt, int step)
    {
        byte[] header = Encoding.UTF8.GetBytes("{\"__metadata__\":{\"format\":\"pt\",\"emulator\":\"foundry-training\",\"job\":" + JsonValue.Create(Name).ToJsonString() + ",\"step\":\"" + step.ToString(CultureInfo.InvariantCulture) + "\"}}");
        return new EmulatedWeights(header, ((ulong)attempt.Seed << 32) ^ (uint)step, _weightsBytes);
    }

    private static byte[] Json(JsonObject value) => Encoding.UTF8.GetBytes(value.ToJsonString(s_indented));

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
