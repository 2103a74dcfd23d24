namespace Foundry.Training.Cli.JobFiles;

/// <summary>What a job document describes, told by its shape.</summary>
internal enum JobDocumentKind
{
    /// <summary>A Foundry training job: the body of <c>POST /training_jobs</c>, <c>{"name": ..., "properties": {"job_type": "command", ...}}</c>.</summary>
    Foundry,

    /// <summary>A fine-tuning job: the body of <c>POST /fine_tuning/jobs</c>, <c>{"model": ..., "training_file": ..., ...}</c>.</summary>
    FineTuning,
}
