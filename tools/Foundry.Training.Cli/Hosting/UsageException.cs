namespace Foundry.Training.Cli.Hosting;

/// <summary>A mistake on the command line found while running a command (no target, a missing file): exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
