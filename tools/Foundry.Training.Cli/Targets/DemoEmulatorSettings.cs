namespace Foundry.Training.Cli.Targets;

/// <summary>How fast the jobs of the embedded emulator advance.</summary>
/// <param name="StepInterval">One step of a job's life.</param>
/// <param name="TrainingSteps">Training steps (and metric points per metric) of a job.</param>
internal sealed record DemoEmulatorSettings(TimeSpan StepInterval, int TrainingSteps);
