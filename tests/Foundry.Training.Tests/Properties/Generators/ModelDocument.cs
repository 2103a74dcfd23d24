using FsCheck;
using FsCheck.Fluent;

namespace Foundry.Training.Tests.Properties.Generators;

/// <summary>A JSON document generated for a model type; printed by FsCheck when a property fails.</summary>
internal sealed record ModelDocument(Type Type, string Json)
{
    /// <summary>Documents for the given types, each type equally likely.</summary>
    public static Arbitrary<ModelDocument> Of(params Type[] types) =>
        Gen.Elements(types).SelectMany(type => ModelJson.DocumentFor(type).Select(json => new ModelDocument(type, json))).ToArbitrary();

    public override string ToString() => $"{Type.Name}: {Json}";
}
