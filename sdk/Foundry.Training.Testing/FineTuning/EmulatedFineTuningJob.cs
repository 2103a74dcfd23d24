using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// One fine-tuning job, advanced step by step: Azure OpenAI <c>pending</c> for 2 steps, OpenAI <c>validating_files</c>
/// then <c>queued</c> for a step each; then <c>running</c> one training step per step (a metrics event per step, a
/// checkpoint every third of the run), then <c>succeeded</c> with its fine-tuned model, or <c>failed</c> halfway when
/// it was meant to fail. Paused jobs (OpenAI) stand still. Not thread-safe: the owning service serializes access.
/// </summary>
internal sealed class EmulatedFineTuningJob
{
    private const int StartTick = 2;

    private readonly FineTuningFlavor _flavor;
    private readonly TimeSpan _interval;
    private readonly uint _seed;
    private readonly int _failAtStep;
    private readonly int _checkpointEvery;
    private DateTimeOffset _nextTickAt;
    private int _ticks;

    public EmulatedFineTuningJob(FineTuningFlavor flavor, string id, long sequence, FineTuningJobCreateOptions request, long trainingBytes, DateTimeOffset now, TimeSpan interval, int totalSteps, bool fails)
    {
        _flavor = flavor;
        Id = id;
        Sequence = sequence;
        Request = request;
        TrainingBytes = trainingBytes;
        CreatedAt = now;
        TotalSteps = totalSteps;
        Fails = fails;
        _interval = interval;
        _nextTickAt = now + interval;
        _seed = TrainingCurves.Seed(id);
        _failAtStep = Math.Max(1, totalSteps / 2);
        _checkpointEvery = Math.Max(1, (totalSteps + 2) / 3);
        Seed = request.Seed ?? (int)(_seed & 0x7fffffff);
        if (flavor.IsAzure)
        {
            Status = FineTuningState.Pending;
            AddEvent(now, "Job enqueued. Waiting for jobs ahead to complete.");
        }
        else
        {
            Status = FineTuningState.ValidatingFiles;
            AddEvent(now, "Created fine-tuning job: " + id);
            AddEvent(now, "Validating training file: " + request.TrainingFile + (request.ValidationFile is null ? string.Empty : " and validation file: " + request.ValidationFile));
        }
    }

    public string Id { get; }

    public long Sequence { get; }

    public FineTuningJobCreateOptions Request { get; }

    public long TrainingBytes { get; }

    public DateTimeOffset CreatedAt { get; }

    public int TotalSteps { get; }

    public bool Fails { get; }

    public int Seed { get; }

    public FineTuningState Status { get; private set; }

    public int CompletedSteps { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? FineTunedModel { get; private set; }

    public FineTuningError? Error { get; private set; }

    public List<string> ResultFiles { get; } = new();

    /// <summary>Oldest first.</summary>
    public List<FineTuningJobEvent> Events { get; } = new();

    /// <summary>Oldest first.</summary>
    public List<FineTuningJobCheckpoint> Checkpoints { get; } = new();

    /// <summary>Whether the side effects of success (result file, model in the catalog) are done.</summary>
    public bool Published { get; set; }

    /// <summary>Whether the webhook event of the job's end has been raised.</summary>
    public bool Announced { get; set; }

    public bool IsTerminal => Status.IsTerminal;

    public void AdvanceTo(DateTimeOffset now)
    {
        while (!IsTerminal && Status != FineTuningState.Paused && _nextTickAt <= now)
        {
            Tick(_nextTickAt);
            _nextTickAt += _interval;
        }
    }

    public void Cancel(DateTimeOffset now)
    {
        AdvanceTo(now);
        Status = FineTuningState.Cancelled;
        FinishedAt = now;
        AddEvent(now, _flavor.IsAzure ? "Job cancelled." : "Fine-tuning job cancelled");
    }

    public void Pause(DateTimeOffset now)
    {
        AdvanceTo(now);
        Status = FineTuningState.Paused;
        AddEvent(now, "Fine-tuning job paused");
    }

    public void Resume(DateTimeOffset now)
    {
        Status = FineTuningState.Running;
        _nextTickAt = now + _interval;
        AddEvent(now, "Fine-tuning job resumed");
    }

    /// <summary>When a running job is expected to finish.</summary>
    public DateTimeOffset? EstimatedFinish => Status == FineTuningState.Running ? _nextTickAt + TimeSpan.FromTicks(_interval.Ticks * (TotalSteps - CompletedSteps - 1)) : null;

    public FineTuningJob ToModel() =>
        FineTuningModelFactory.FineTuningJob(
            id: Id,
            status: Status,
            model: Request.Model,
            trainingFile: Request.TrainingFile,
            validationFile: Request.ValidationFile,
            fineTunedModel: FineTunedModel,
            createdAt: CreatedAt,
            finishedAt: FinishedAt,
            estimatedFinish: EstimatedFinish,
            resultFiles: ResultFiles,
            trainedTokens: Status == FineTuningState.Succeeded ? TrainedTokens : null,
            hyperparameters: Hyperparameters(),
            suffix: Request.Suffix,
            seed: Seed,
            error: Error,
            method: Request.Method,
            integrations: Request.Integrations.Count > 0 ? Request.Integrations : null,
            metadata: Request.Metadata.Count > 0 ? Request.Metadata : null,
            organizationId: _flavor.IsAzure ? null : _flavor.OrganizationId);

    /// <summary>The metrics CSV the job leaves as its result file.</summary>
    public byte[] ResultCsv()
    {
        var csv = new StringBuilder("step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n");
        for (int step = 1; step <= CompletedSteps; step++)
        {
            csv.Append(step.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(TrainingCurves.Loss(_seed, step, TotalSteps).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(TrainingCurves.TokenAccuracy(_seed, step, TotalSteps).ToString(CultureInfo.InvariantCulture)).Append(',');
            if (Request.ValidationFile is not null)
            {
                csv.Append(TrainingCurves.EvalLoss(_seed, step, TotalSteps).ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(TrainingCurves.TokenAccuracy(_seed ^ 1, step, TotalSteps).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                csv.Append(',');
            }

            csv.Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private long TrainedTokens => Math.Max(1, TrainingBytes / 4) * EpochCount;

    private int EpochCount => Request.Hyperparameters?.EpochCount?.Number is double epochs && epochs >= 1 ? (int)epochs : 3;

    /// <summary>
    /// The hyperparameters as requested; once training starts, <c>auto</c> (or unset) values are resolved to numbers.
    /// Before that, Azure OpenAI (whose 2024-05-01-preview hyperparameters are numbers only) sends <c>-1</c> for an
    /// unresolved count, as its examples do, and leaves an unresolved learning rate multiplier out.
    /// </summary>
    private FineTuningHyperparameters Hyperparameters()
    {
        FineTuningHyperparameters? requested = Request.Hyperparameters;
        bool resolved = Status != FineTuningState.Pending && Status != FineTuningState.ValidatingFiles && Status != FineTuningState.Queued;
        if (_flavor.IsAzure && !resolved)
        {
            return new FineTuningHyperparameters
            {
                EpochCount = Given(requested?.EpochCount) ?? FineTuningHyperparameterValue.FromNumber(-1),
                BatchSize = Given(requested?.BatchSize) ?? FineTuningHyperparameterValue.FromNumber(-1),
                LearningRateMultiplier = Given(requested?.LearningRateMultiplier),
            };
        }

        return new FineTuningHyperparameters
        {
            EpochCount = Resolve(requested?.EpochCount, resolved, 3),
            BatchSize = Resolve(requested?.BatchSize, resolved, 1),
            LearningRateMultiplier = Resolve(requested?.LearningRateMultiplier, resolved, 1.8),
        };
    }

    private static FineTuningHyperparameterValue? Given(FineTuningHyperparameterValue? requested) =>
        requested is FineTuningHyperparameterValue given && !given.IsAuto ? given : null;

    private static FineTuningHyperparameterValue Resolve(FineTuningHyperparameterValue? requested, bool resolved, double value) =>
        requested is FineTuningHyperparameterValue given && !given.IsAuto
            ? given
            : resolved ? FineTuningHyperparameterValue.FromNumber(value) : FineTuningHyperparameterValue.Auto;

    private void Tick(DateTimeOffset at)
    {
        _ticks++;
        if (_ticks < StartTick)
        {
            if (!_flavor.IsAzure)
            {
                Status = FineTuningState.Queued;
                AddEvent(at, "Files validated, moving job to queued state");
            }

            return;
        }

        if (_ticks == StartTick)
        {
            Status = FineTuningState.Running;
            AddEvent(at, _flavor.IsAzure ? "Job started." : "Fine-tuning job started");
            return;
        }

        int step = ++CompletedSteps;
        double loss = TrainingCurves.Loss(_seed, step, TotalSteps);
        double accuracy = TrainingCurves.TokenAccuracy(_seed, step, TotalSteps);
        var data = new JsonObject
        {
            ["step"] = step,
            ["train_loss"] = loss,
            ["train_mean_token_accuracy"] = accuracy,
            ["total_steps"] = TotalSteps,
        };
        if (Request.ValidationFile is not null)
        {
            data["valid_loss"] = TrainingCurves.EvalLoss(_seed, step, TotalSteps);
            data["valid_mean_token_accuracy"] = TrainingCurves.TokenAccuracy(_seed ^ 1, step, TotalSteps);
        }

        AddEvent(at, $"Step {step}/{TotalSteps}: training loss={loss.ToString("0.0000", CultureInfo.InvariantCulture)}", FineTuningJobEventType.Metrics, data);

        if (Fails && step == _failAtStep)
        {
            Status = FineTuningState.Failed;
            FinishedAt = at;
            Error = FineTuningModelFactory.FineTuningError(
                code: "emulated_failure",
                message: $"The emulator failed fine-tuning job {Id} at step {step} as requested.");
            AddEvent(at, _flavor.IsAzure ? "Job failed." : "The job failed due to an emulated error", level: LogLevel.Error);
            return;
        }

        if (step % _checkpointEvery == 0 || step == TotalSteps)
        {
            AddCheckpoint(step, at, loss, accuracy);
        }

        if (step == TotalSteps)
        {
            Status = FineTuningState.Succeeded;
            FinishedAt = at;
            FineTunedModel = _flavor.FineTunedModelName(Request.Model!, Request.Suffix, Id);
            AddEvent(at, "New fine-tuned model created: " + FineTunedModel);
            AddEvent(at, _flavor.IsAzure ? "Job succeeded." : "The job has successfully completed");
        }
    }

    private void AddCheckpoint(int step, DateTimeOffset at, double loss, double accuracy)
    {
        string model = _flavor.FineTunedModelName(Request.Model!, Request.Suffix, Id) + ":ckpt-step-" + step.ToString(CultureInfo.InvariantCulture);
        var metrics = new Dictionary<string, double?>
        {
            ["step"] = step,
            ["train_loss"] = loss,
            ["train_mean_token_accuracy"] = accuracy,
        };
        if (Request.ValidationFile is not null)
        {
            metrics["valid_loss"] = TrainingCurves.EvalLoss(_seed, step, TotalSteps);
            metrics["valid_mean_token_accuracy"] = TrainingCurves.TokenAccuracy(_seed ^ 1, step, TotalSteps);
            metrics["full_valid_loss"] = TrainingCurves.EvalLoss(_seed ^ 2, step, TotalSteps);
            metrics["full_valid_mean_token_accuracy"] = TrainingCurves.TokenAccuracy(_seed ^ 3, step, TotalSteps);
        }

        Checkpoints.Add(FineTuningModelFactory.FineTuningJobCheckpoint(
            id: _flavor.NewCheckpointId(),
            createdAt: at,
            fineTunedModelCheckpoint: model,
            stepNumber: step,
            metrics: metrics,
            fineTuningJobId: Id));
        AddEvent(at, "Checkpoint created at step " + step.ToString(CultureInfo.InvariantCulture));
    }

    private void AddEvent(DateTimeOffset at, string message, FineTuningJobEventType? type = null, JsonNode? data = null, LogLevel? level = null) =>
        Events.Add(FineTuningModelFactory.FineTuningJobEvent(
            id: _flavor.NewEventId(),
            createdAt: at,
            level: level ?? LogLevel.Info,
            message: message,
            type: type ?? FineTuningJobEventType.Message,
            data: data));

    /// <summary>The events, newest first, as the services list them.</summary>
    public IReadOnlyList<FineTuningJobEvent> EventsNewestFirst() => Enumerable.Reverse(Events).ToList();

    /// <summary>The checkpoints, newest first.</summary>
    public IReadOnlyList<FineTuningJobCheckpoint> CheckpointsNewestFirst() => Enumerable.Reverse(Checkpoints).ToList();
}
