using System;

namespace Foundry.Training.Datasets;

/// <summary>The <c>azureai://datasets/{name}/versions/{version}</c> references training jobs use for dataset versions.</summary>
internal static class DatasetReference
{
    public const string Prefix = "azureai://datasets/";

    public static string Format(string name, string version) => Prefix + name + "/versions/" + version;

    /// <summary>Reads a reference into its name and version; false for anything else.</summary>
    public static bool TryParse(string? reference, out string name, out string version)
    {
        name = version = string.Empty;
        if (reference is null || !reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string rest = reference.Substring(Prefix.Length);
        int marker = rest.IndexOf("/versions/", StringComparison.Ordinal);
        if (marker <= 0 || marker + "/versions/".Length >= rest.Length)
        {
            return false;
        }

        name = rest.Substring(0, marker);
        version = rest.Substring(marker + "/versions/".Length);
        return name.IndexOf('/') < 0 && version.IndexOf('/') < 0;
    }
}
