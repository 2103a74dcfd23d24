using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Foundry.Training.Cli.Hosting;

/// <summary>
/// <c>--version</c>: the tool's own version (System.CommandLine's default reads the entry assembly, which is not the
/// tool when it runs inside another process, such as a test host).
/// </summary>
internal sealed class ToolVersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(ToolVersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Success;
    }
}
