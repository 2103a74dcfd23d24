using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Jobs.Models;

/// <summary>Reads and writes models the way users do: through <see cref="FoundryTrainingSerializer"/>.</summary>
internal static class JobsJson
{
    public static T Read<T>(string json) => FoundryTrainingSerializer.Deserialize<T>(json)!;

    public static string Write<T>(T model) => FoundryTrainingSerializer.Serialize(model);

    /// <summary>Reads <paramref name="json"/> as <typeparamref name="T"/>, asserts writing it back gives equivalent JSON, and returns the model.</summary>
    public static T RoundTrip<T>(string json)
    {
        T model = Read<T>(json);
        model.Should().NotBeNull();
        JsonAssert.Equivalent(json, Write(model));
        return model;
    }
}
