using System.Collections.Generic;

namespace Foundry.Training.FineTuning;

/// <summary>Which fine-tuning jobs to list.</summary>
public class FineTuningJobListOptions : FineTuningListOptions
{
    /// <summary>
    /// Only jobs whose metadata has these key-value pairs, sent as <c>metadata[key]=value</c> (OpenAI platform).
    /// </summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
}
