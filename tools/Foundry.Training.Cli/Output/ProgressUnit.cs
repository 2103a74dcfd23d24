namespace Foundry.Training.Cli.Output;

/// <summary>What a line of progress counts.</summary>
internal enum ProgressUnit
{
    Bytes,
    Files,
}
