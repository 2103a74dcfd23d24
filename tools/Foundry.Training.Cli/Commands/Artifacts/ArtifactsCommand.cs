using System.CommandLine;
using Foundry.Training.Cli.Hosting;

namespace Foundry.Training.Cli.Commands.Artifacts;

/// <summary><c>artifacts</c>: what Foundry jobs produced.</summary>
internal static class ArtifactsCommand
{
    public static Command Create(CommandRunner runner) => new("artifacts", "Download what a Foundry training job produced: models, checkpoints, logs, metrics.")
    {
        ArtifactsDownloadCommand.Create(runner),
    };
}
