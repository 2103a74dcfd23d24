namespace Foundry.Training.Cli.Hosting;

/// <summary>The tool's exit codes, documented in docs/cli.md: scripts and CI pipelines branch on them.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>Problems found: a training file or job document that does not validate, or a watched job that failed or was canceled.</summary>
    public const int ProblemsFound = 1;

    /// <summary>The command line is wrong: an unknown option, a missing argument, a file that does not exist, no target configured.</summary>
    public const int Usage = 2;

    /// <summary>The service (or the sign-in, or the local disk while downloading) failed: the message has the service's code and request id.</summary>
    public const int ServiceError = 3;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it). A job being watched keeps running.</summary>
    public const int Canceled = 130;
}
