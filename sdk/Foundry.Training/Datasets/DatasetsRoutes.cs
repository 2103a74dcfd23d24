namespace Foundry.Training.Datasets;

/// <summary>
/// The escaped paths of the datasets routes (<c>VersionedOperations</c> of resource <c>datasets</c>), relative to the
/// project endpoint. Every caller value goes through <see cref="PathSegment"/>.
/// </summary>
internal static class DatasetsRoutes
{
    public const string Datasets = "/datasets";

    public static string Versions(string name) => Datasets + "/" + PathSegment.Escape(name, nameof(name)) + "/versions";

    public static string Version(string name, string version) => Versions(name) + "/" + PathSegment.Escape(version, nameof(version));

    public static string StartPendingUpload(string name, string version) => Version(name, version) + "/startPendingUpload";

    public static string Credentials(string name, string version) => Version(name, version) + "/credentials";
}
