using System.Collections.Generic;

namespace Foundry.Training;

/// <summary>The services of a <see cref="ServiceVersions"/> value in words, for messages.</summary>
internal static class ServiceVersionsExtensions
{
    /// <summary>For example "Azure OpenAI 2024-05-01-preview" or "the OpenAI platform".</summary>
    public static string Describe(this ServiceVersions versions)
    {
        var names = new List<string>();
        if ((versions & ServiceVersions.Foundry) != 0)
        {
            names.Add("Foundry training jobs");
        }

        if ((versions & ServiceVersions.FoundryDatasetsV1) != 0)
        {
            names.Add("Foundry datasets");
        }

        if ((versions & ServiceVersions.AzureOpenAI2024_05_01Preview) != 0)
        {
            names.Add("Azure OpenAI 2024-05-01-preview");
        }

        if ((versions & ServiceVersions.OpenAI) != 0)
        {
            names.Add("the OpenAI platform");
        }

        return string.Join(" and ", names);
    }
}
