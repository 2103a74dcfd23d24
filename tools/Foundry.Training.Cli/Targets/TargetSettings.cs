namespace Foundry.Training.Cli.Targets;

/// <summary>The global options that choose a target, as given on the command line.</summary>
internal sealed record TargetSettings(Uri? ProjectEndpoint, Uri? Endpoint, string? ApiKey, string? Service, bool Emulator);
