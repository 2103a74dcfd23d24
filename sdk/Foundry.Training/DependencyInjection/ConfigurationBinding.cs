namespace Foundry.Training;

/// <summary>What the client builder extensions say about their configuration overloads when trimming or compiling ahead of time.</summary>
internal static class ConfigurationBinding
{
    public const string TrimmingMessage = "Microsoft.Extensions.Azure binds the client and its options from configuration by reflection; register with an endpoint instead when trimming or compiling ahead of time.";
}
