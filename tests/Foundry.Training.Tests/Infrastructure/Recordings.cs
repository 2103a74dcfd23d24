using WireMock.Server;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>Loads WireMock mapping files from <c>Recordings/</c> (copied next to the test assembly).</summary>
public static class Recordings
{
    public static string PathOf(string relativePath) => Path.Combine(AppContext.BaseDirectory, "Recordings", relativePath);

    public static void Load(WireMockServer server, params string[] relativePaths)
    {
        foreach (string relativePath in relativePaths)
        {
            string path = PathOf(relativePath);
            File.Exists(path).Should().BeTrue($"recording {relativePath} should exist");
            server.ReadStaticMappingAndAddOrUpdate(path);
        }
    }
}
