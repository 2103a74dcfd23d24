using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// A grader whose <c>type</c> this version of the SDK does not know. Its type and every property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownFineTuningGrader : FineTuningGrader
{
    private protected override FineTuningGraderType? TypeValue =>
        AdditionalProperties.TryGetValue("type", out JsonElement type) && type.ValueKind == JsonValueKind.String
            ? new FineTuningGraderType(type.GetString()!)
            : (FineTuningGraderType?)null;
}
