using System.Text.RegularExpressions;
using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Readme;

/// <summary>Every C# sample in README.md is a region of <see cref="ReadmeSnippets"/>, so the README only shows code that compiles.</summary>
public partial class ReadmeSnippetTests
{
    private static readonly string RepositoryRoot = Infrastructure.RepositoryRoot.Path;

    public static TheoryData<string> ReadmeSnippetNames()
    {
        var names = new TheoryData<string>();
        foreach (string name in ReadmeBlocks().Keys)
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(ReadmeSnippetNames))]
    public void ReadmeSample_IsTheCompiledSnippet(string name)
    {
        Dictionary<string, string> regions = SourceRegions();

        regions.Should().ContainKey(name, "README.md shows snippet {0}, which must be a region of ReadmeSnippets.cs", name);
        ReadmeBlocks()[name].Should().Be(regions[name], "README.md's block for {0} must be copied from ReadmeSnippets.cs", name);
    }

    [Fact]
    public void EveryCSharpBlockOfTheReadme_IsASnippet()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));

        int csharpBlocks = Regex.Matches(readme, "^```csharp", RegexOptions.Multiline).Count;

        csharpBlocks.Should().Be(ReadmeBlocks().Count, "every C# block of README.md must be marked <!-- snippet: Name --> and compiled");
        SourceRegions().Keys.Should().BeEquivalentTo(ReadmeBlocks().Keys, "every snippet of ReadmeSnippets.cs must be shown in README.md");
    }

    [Fact]
    public async Task EmulatorSample_RunsAJobToCompletionThroughInjectedThrottling()
    {
        TrainingJob job = await ReadmeSnippets.Emulator();

        ((Foundry.Training.Jobs.CommandJob)job.Properties).Status.Should().Be("Completed");
    }

    [Fact]
    public async Task MockingSample_Runs() => await ReadmeSnippets.Mocking();

    [Fact]
    public void SerializationSample_PersistsAndLoadsAJob()
    {
        TrainingJob job = FoundryTrainingSerializer.Deserialize<TrainingJob>(
            """{"name":"j","properties":{"job_type":"command","compute_id":"gpu","training":{"algorithm":"from_the_future","model":"m"},"x_new":1}}""")!;

        CommandJob command = ReadmeSnippets.Serialization(job);

        command.Training.Should().BeOfType<UnknownTrainingConfiguration>();
        command.AdditionalProperties.Should().ContainKey("x_new");
    }

    private static Dictionary<string, string> ReadmeBlocks()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        return ReadmeBlock().Matches(readme).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value.TrimEnd('\n'));
    }

    private static Dictionary<string, string> SourceRegions()
    {
        string source = File.ReadAllText(Path.Combine(RepositoryRoot, "tests", "Foundry.Training.Tests", "Readme", "ReadmeSnippets.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);
        return SourceRegion().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["code"].Value));
    }

    /// <summary>Removes the indentation the snippet has in the source file.</summary>
    private static string Dedent(string code)
    {
        string[] lines = code.TrimEnd('\n', ' ').Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart(' ').Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ')));
    }


    [GeneratedRegex(@"<!-- snippet: (?<name>\w+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeBlock();

    [GeneratedRegex(@"#region Snippet:(?<name>\w+)\n(?<code>.*?)\n\s*#endregion", RegexOptions.Singleline)]
    private static partial Regex SourceRegion();
}
