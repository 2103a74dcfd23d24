using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Properties.Generators;

namespace Foundry.Training.Tests.Properties;

/// <summary>
/// Damaged JSON fed to every model through <see cref="FoundryTrainingSerializer"/>: reading either succeeds (and the
/// model then writes without error) or throws <see cref="JsonException"/>, as documented — never another exception
/// (no <see cref="InvalidOperationException"/>, <see cref="ArgumentException"/>, <see cref="NullReferenceException"/>,
/// <see cref="IndexOutOfRangeException"/>, stack overflow, ...).
/// </summary>
public class MalformedJsonProperties
{
    /// <param name="documents">The damaged documents.</param>
    /// <param name="readsOn">More to check of a model that read (before it is written back); null for nothing.</param>
    private static Property OnlyJsonExceptions(Arbitrary<MutatedDocument> documents, Action<MutatedDocument, object?>? readsOn = null) => Prop.ForAll(documents, document =>
    {
        ModelCodec codec = ModelCodec.For(document.Type);
        object? model;
        try
        {
            model = codec.ReadBytes(document.Bytes);
        }
        catch (JsonException)
        {
            return;
        }

        readsOn?.Invoke(document, model);

        // What was accepted is written back, and what is written reads again. The one documented exception: unknown JSON
        // holding a lone surrogate escape ("\uD800") is kept as read, but System.Text.Json cannot write it (JsonException).
        string written;
        try
        {
            written = codec.Write(model);
        }
        catch (JsonException ex) when (ex.InnerException is InvalidOperationException { Message: var message } && message.Contains("UTF-16", StringComparison.Ordinal))
        {
            return;
        }

        codec.Read(written);
    });

    [Property(MaxTest = 500)]
    public Property EveryModelType_FailsOnlyWithJsonException() => OnlyJsonExceptions(JsonMutation.Of(ModelJson.ModelTypes.ToArray()));

    [Property(MaxTest = 300)]
    public Property EveryPolymorphicFamilyRoot_FailsOnlyWithJsonException() => OnlyJsonExceptions(JsonMutation.Of(ModelJson.FamilyBases.ToArray()));

    [Property(MaxTest = 200)]
    public Property JobsAndFineTuningJobs_FailOnlyWithJsonException() =>
        OnlyJsonExceptions(JsonMutation.Of(typeof(TrainingJob), typeof(JobCreate), typeof(FineTuningJob), typeof(FineTuningJobCreateOptions), typeof(IngestionJob)));

    /// <summary>
    /// A command job's recipe is parsed on first read (<see cref="CommandJob.Training"/>): for a job that reads, that
    /// first read never throws either — a recipe that cannot be read reads as null and is kept in the job's additional
    /// properties — and the job still writes back and reads again.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property JobsThatRead_ReadTheirRecipeWithoutThrowing() => OnlyJsonExceptions(JsonMutation.Of(typeof(TrainingJob), typeof(JobCreate), typeof(CommandJob)), (document, model) =>
    {
        CommandJob? command = model switch
        {
            CommandJob job => job,
            TrainingJob { Properties: CommandJob job } => job,
            JobCreate { Properties: CommandJob job } => job,
            _ => null,
        };
        if (command is null)
        {
            return;
        }

        TrainingConfiguration? recipe = command.Training;
        command.Training.Should().BeSameAs(recipe, "the recipe is parsed once");
        if (recipe is null && document.Bytes.AsSpan().IndexOf("\"training\""u8) < 0)
        {
            command.AdditionalProperties.Should().NotContainKey("training");
        }
    });

    /// <summary>Documents of any shape at all (not derived from a model) for every model type.</summary>
    [Property(MaxTest = 300)]
    public Property ArbitraryJson_FailsOnlyWithJsonException() =>
        Prop.ForAll(
            Gen.Zip(Gen.Elements(ModelJson.ModelTypes.ToArray()), ModelJson.AnyJson(0))
                .Select(p => new MutatedDocument(p.Item1, "arbitrary JSON", System.Text.Encoding.UTF8.GetBytes(p.Item2?.ToJsonString() ?? "null")))
                .ToArbitrary(),
            document =>
            {
                ModelCodec codec = ModelCodec.For(document.Type);
                try
                {
                    codec.Write(codec.ReadBytes(document.Bytes));
                }
                catch (JsonException)
                {
                }
            });
}
