namespace Foundry.Training.Cli.Targets;

/// <summary>The names of <see cref="ServiceKind"/> on the command line and in messages.</summary>
internal static class ServiceNames
{
    public static readonly string[] All = ["foundry", "azure-openai", "openai"];

    public static string ToName(ServiceKind kind) => kind switch
    {
        ServiceKind.Foundry => "foundry",
        ServiceKind.AzureOpenAI => "azure-openai",
        _ => "openai",
    };

    public static ServiceKind Parse(string name) => name switch
    {
        "foundry" => ServiceKind.Foundry,
        "azure-openai" => ServiceKind.AzureOpenAI,
        "openai" => ServiceKind.OpenAI,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a service name."),
    };

    public static string Describe(ServiceKind kind) => kind switch
    {
        ServiceKind.Foundry => "Foundry training jobs",
        ServiceKind.AzureOpenAI => "Azure OpenAI",
        _ => "the OpenAI platform",
    };

    public static bool Fits(ServiceKind kind, ServiceFamily family) => family switch
    {
        ServiceFamily.Foundry => kind == ServiceKind.Foundry,
        ServiceFamily.FineTuning => kind != ServiceKind.Foundry,
        _ => true,
    };
}
