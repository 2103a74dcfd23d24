namespace Foundry.Training.Testing;

/// <summary>
/// What happens to the first attempt of an emulated Foundry training job before the job succeeds on a second attempt
/// (chosen with the <see cref="FoundryTrainingEmulatorOptions.ScenarioTag"/> tag or
/// <see cref="FoundryTrainingEmulatorOptions.ScenarioWhen"/>). Each attempt has its own metrics, artifacts and log; the
/// job's status follows the current attempt. Whether the last attempt fails is still decided by
/// <see cref="FoundryTrainingEmulatorOptions.FailWhen"/> and the <see cref="FoundryTrainingEmulatorOptions.OutcomeTag"/>.
/// </summary>
public enum EmulatedJobScenario
{
    /// <summary>One attempt, which runs to the end (tag value: none).</summary>
    None = 0,

    /// <summary>
    /// A transient platform fault (tag value <c>retry</c>): attempt 1 fails halfway with a <c>SystemError</c> and the
    /// service starts attempt 2 at once, which trains from step 1 again. The job stays <c>Running</c> throughout: the
    /// failure shows only in the attempts.
    /// </summary>
    Retry = 1,

    /// <summary>
    /// Preemption (tag value <c>preempt</c>): attempt 1 is stopped after its first checkpoint (status <c>canceled</c>,
    /// error <c>Preempted</c>), the job goes back to <c>Queued</c> until capacity returns, and attempt 2 resumes from
    /// that checkpoint, logging the steps after it.
    /// </summary>
    Preempt = 2,

    /// <summary>
    /// A failure the user sees (tag value <c>fail-then-succeed</c>): attempt 1 fails halfway with a <c>UserError</c>
    /// (the log ends in a traceback, the error carries the exit code), the job leaves <c>Running</c> for <c>Queued</c>
    /// as its command is resubmitted, and attempt 2 trains from step 1 again and succeeds.
    /// </summary>
    FailThenSucceed = 3,
}
