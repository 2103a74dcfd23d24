namespace Foundry.Training.FineTuning;

/// <summary>
/// A grader whose <c>type</c> this version of the SDK does not know. Its type and every property are kept in
/// <see cref="ExtensibleModel.AdditionalProperties"/> and written back unchanged.
/// </summary>
public sealed class UnknownFineTuningGrader : FineTuningGrader
{
    private protected override FineTuningGraderType? TypeValue =>
        UnknownDiscriminator.Read(AdditionalProperties, "type") is string type ? new FineTuningGraderType(type) : (FineTuningGraderType?)null;
}
