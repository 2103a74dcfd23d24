using Azure;
using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// Folder downloads whose listing names one file twice as the local file system sees it: two paths that differ only in
/// case are one file where the file system ignores case (Windows, macOS) and are refused there before anything is
/// written; where case counts they are two files.
/// </summary>
public sealed class ArtifactCaseCollisionTests
{
    private const string Destination = "/tmp/foundry-plan";
    private static readonly StubResponse s_listing = new();

    private static JobArtifactContentInfo Item(string path) =>
        TrainingModelFactory.JobArtifactContentInfo(path, new Uri("https://storage.example.com/" + path + "?sig=SECRET"), "application/octet-stream", null);

    private static DownloadPlan PlanIgnoringCase() => new(Destination, StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("Model.bin", "model.bin")]
    [InlineData("out/Weights.safetensors", "OUT/weights.safetensors")]
    public void PathsThatDifferOnlyInCase_AreOneFileWhereCaseIsIgnored_AndRefused(string first, string second)
    {
        DownloadPlan plan = PlanIgnoringCase();
        plan.Add(Item(first), s_listing);

        Action add = () => plan.Add(Item(second), s_listing);

        RequestFailedException ex = add.Should().Throw<RequestFailedException>().Which;
        ex.ErrorCode.Should().Be("InvalidArtifactPath");
        ex.Message.Should().Contain("'" + first + "'").And.Contain("'" + second + "'").And.NotContain("SECRET");
        plan.Files.Should().ContainSingle();
    }

    [Theory]
    [InlineData("A", "a/b")]
    [InlineData("a/b", "A")]
    public void AFileAndAFolderThatDifferOnlyInCase_AreRefusedWhereCaseIsIgnored(string first, string second)
    {
        DownloadPlan plan = PlanIgnoringCase();
        plan.Add(Item(first), s_listing);

        Action add = () => plan.Add(Item(second), s_listing);

        add.Should().Throw<RequestFailedException>().Which.ErrorCode.Should().Be("InvalidArtifactPath");
    }

    [Fact]
    public void PathsThatDifferOnlyInCase_AreTwoFilesWhereCaseCounts()
    {
        var plan = new DownloadPlan(Destination, StringComparer.Ordinal);
        plan.Add(Item("Model.bin"), s_listing);
        plan.Add(Item("model.bin"), s_listing);

        plan.Files.Select(f => f.ArtifactPath).Should().Equal("Model.bin", "model.bin");
    }

    [Fact]
    public void TheFolderDownloadComparesPathsAsThisPlatformsFileSystem()
    {
        bool ignoresCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

        ArtifactPaths.LocalPathComparer.Should().BeSameAs(ignoresCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }
}
