namespace Foundry.Training.Cli.Targets;

/// <summary>Which services a command can use.</summary>
internal enum ServiceFamily
{
    /// <summary>Any of them (<c>jobs list</c>, <c>jobs show</c>, ...).</summary>
    Any,

    /// <summary>Foundry training jobs only (<c>artifacts download</c>, a Foundry job document).</summary>
    Foundry,

    /// <summary>Azure OpenAI or OpenAI (<c>upload</c>, a fine-tuning job document).</summary>
    FineTuning,
}
