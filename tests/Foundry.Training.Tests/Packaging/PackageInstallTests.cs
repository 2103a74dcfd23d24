using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Foundry.Training.Tests.Packaging;

/// <summary>
/// The NuGet packages as users get them: <c>eng/pack.sh</c> output installed into a throwaway console app (outside this
/// repository, so none of its build settings apply) that calls the client against the emulator package.
/// </summary>
/// <remarks>Uses <c>artifacts/packages</c> when they are newer than the last Release build (CI packs them first), and packs them otherwise.</remarks>
[Collection(nameof(PackageCollection))]
public sealed class PackageInstallTests : IDisposable
{
    private const string ToolId = "Foundry.Training.Cli";
    private const string ToolCommand = "foundry-train";
    private static readonly string RepositoryRoot = Infrastructure.RepositoryRoot.Path;
    private readonly string _work = Directory.CreateTempSubdirectory("foundry-package-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned up by the system later.
        }
    }

    [Fact]
    public void Packages_CarryReadmeLicenseDocsSymbolsAndRepository()
    {
        string packages = EnsurePackages();
        foreach (string id in new[] { "Foundry.Training", "Foundry.Training.Testing", "Foundry.Training.Tokenization" })
        {
            string nupkg = PackageFile(packages, id);
            File.Exists(Path.ChangeExtension(nupkg, ".snupkg")).Should().BeTrue("{0} ships a symbol package", id);

            using ZipArchive archive = ZipFile.OpenRead(nupkg);
            string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
            entries.Should().Contain("README.md");
            entries.Should().Contain(e => e.StartsWith("lib/net10.0/", StringComparison.Ordinal) && e.EndsWith(id + ".xml", StringComparison.Ordinal), "XML docs ship with the assembly");

            using Stream nuspecStream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
            Value("license").Should().Be("MIT");
            Value("readme").Should().Be("README.md");
            Value("tags").Should().Contain("fine-tuning");
            Value("description").Should().NotBeNullOrWhiteSpace();
            metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value.Should().StartWith("https://github.com/");
        }

        foreach (string id in new[] { "Foundry.Training", "Foundry.Training.Tokenization" })
        {
            using ZipArchive library = ZipFile.OpenRead(PackageFile(packages, id));
            library.Entries.Select(e => e.FullName).Should().Contain(new[]
            {
                $"lib/netstandard2.0/{id}.dll", $"lib/net8.0/{id}.dll", $"lib/net10.0/{id}.dll",
            });
        }

        // The tokenizer and its vocabularies are dependencies of the tokenization package only: the client stays small.
        string Dependencies(string id)
        {
            using ZipArchive archive = ZipFile.OpenRead(PackageFile(packages, id));
            using Stream nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            return string.Join(" ", XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value));
        }

        Dependencies("Foundry.Training").Should().NotContain("Microsoft.ML.Tokenizers");
        Dependencies("Foundry.Training.Tokenization").Should().Contain("Microsoft.ML.Tokenizers.Data.O200kBase").And.Contain("Microsoft.ML.Tokenizers.Data.Cl100kBase").And.Contain("Foundry.Training");
    }

    [Fact]
    public async Task ThrowawayConsoleApp_InstallsThePackages_CountsTokens_AndTrainsAJobOnTheEmulator()
    {
        string packages = EnsurePackages();
        string version = Path.GetFileNameWithoutExtension(PackageFile(packages, "Foundry.Training"))["Foundry.Training.".Length..];
        string app = Directory.CreateDirectory(Path.Combine(_work, "app")).FullName;
        string userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // Restore into a private folder (a stale Foundry.Training in the machine's cache must not stand in for the new
        // package) that falls back to the machine's cache for everything else.
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(_work, "packages")}" /></config>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders><add key="machine" value="{userPackages}" /></fallbackPackageFolders>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- WireMock.Net (under the emulator) resolves a few dependencies one patch higher than it asks for. -->
                <NoWarn>NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Foundry.Training" Version="{version}" />
                <PackageReference Include="Foundry.Training.Testing" Version="{version}" />
                <PackageReference Include="Foundry.Training.Tokenization" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System.Text;
            using Foundry.Training.FineTuning;
            using Foundry.Training.Jobs;
            using Foundry.Training.Testing;
            using Foundry.Training.Tokenization;

            // The vocabularies ship in the packages: counting needs no download.
            var analyzer = new TrainingFileAnalyzer(TiktokenTokenCounter.ForModel("gpt-4o-mini"));
            byte[] file = Encoding.UTF8.GetBytes("{\"messages\":[{\"role\":\"user\",\"content\":\"tiktoken is great!\"},{\"role\":\"assistant\",\"content\":\"Yes.\"}]}\n");
            TrainingFileAnalysis analysis = analyzer.Analyze(new MemoryStream(file));
            Console.WriteLine($"package-check tokens: {analysis.Examples[0].Tokens}");

            await using var emulator = FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { StepInterval = TimeSpan.FromMilliseconds(20) });
            TrainingJobsClient client = new(emulator.Endpoint, emulator.Credential);
            var recipe = new SftTrainingConfiguration("Qwen/Qwen2.5-0.5B-Instruct", new TrainingDatasetConfiguration("azureai://datasets/tiny/versions/1"));
            await client.CreateAsync("package-check", new CommandJob("gpu-cluster") { Training = recipe });
            TrainingJob job = await client.WaitForCompletionAsync("package-check", TimeSpan.FromMilliseconds(20));
            Console.WriteLine($"package-check: {((CommandJob)job.Properties).Status}");
            """);

        (int exitCode, string output) = await RunAsync("dotnet", "run -c Release", app);

        exitCode.Should().Be(0, output);
        output.Should().Contain("package-check: Completed");
        output.Should().Contain("package-check tokens: 19", "user 3+1+6, assistant 3+1+2, reply 3 in o200k_base");
        Directory.Exists(Path.Combine(_work, "packages", "foundry.training", version)).Should().BeTrue("the package under test came from artifacts/packages, not a cache");
    }

    [Fact]
    public void ToolPackage_IsADotnetToolNamedFoundryTrain_WithItsDocumentation()
    {
        using ZipArchive archive = ZipFile.OpenRead(PackageFile(EnsurePackages(), ToolId));
        string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
        entries.Should().Contain(new[] { "cli.md", $"tools/net10.0/any/{ToolCommand}.dll", "tools/net10.0/any/Foundry.Training.dll", "tools/net10.0/any/Foundry.Training.Testing.dll" });
        entries.Should().NotContain(e => e.EndsWith("Foundry.Training.xml", StringComparison.Ordinal), "the libraries' XML docs are of no use inside a tool");

        using Stream settings = archive.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        XDocument.Load(settings).Descendants("Command").Single().Attribute("Name")!.Value.Should().Be(ToolCommand);

        using Stream nuspecStream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value.Should().Be("DotnetTool");
        metadata.Elements().Single(e => e.Name.LocalName == "readme").Value.Should().Be("cli.md");
        metadata.Elements().Single(e => e.Name.LocalName == "license").Value.Should().Be("MIT");
        metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Should().BeEmpty("a tool package carries its dependencies inside");
    }

    [Fact]
    public async Task ToolPackage_InstallsIntoAToolPath_AndRunsACommandOnItsEmulator()
    {
        string packages = EnsurePackages();
        string version = Path.GetFileNameWithoutExtension(PackageFile(packages, ToolId))[(ToolId.Length + 1)..];
        string toolPath = Path.Combine(_work, "tools");

        // A fresh package cache: a stale package of the same version in the machine's cache must not stand in for the new one.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_work, "nuget") };
        (int installed, string installOutput) = await RunAsync("dotnet", $"tool install --tool-path \"{toolPath}\" --add-source \"{packages}\" {ToolId} --version {version}", _work, environment);
        installed.Should().Be(0, installOutput);
        string tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? ToolCommand + ".exe" : ToolCommand);

        (int helpExit, string help) = await RunAsync(tool, "--help", _work);
        helpExit.Should().Be(0, help);
        help.Should().Contain("Usage:").And.Contain("foundry-train [command] [options]").And.Contain("jobs").And.Contain("--emulator");

        (int listExit, string list) = await RunAsync(tool, "--emulator jobs list --output json", _work);
        listExit.Should().Be(0, list);
        System.Text.Json.Nodes.JsonNode.Parse(list)!.AsArray().Select(j => j!["name"]!.GetValue<string>()).Should().Contain("sft-qwen-demo");

        (int versionExit, string printed) = await RunAsync(tool, "--version", _work);
        versionExit.Should().Be(0);
        printed.Trim().Should().StartWith(version);
    }

    /// <summary>The folder holding the packages, packed now if CI has not packed them.</summary>
    private static string EnsurePackages()
    {
        lock (typeof(PackageInstallTests))
        {
            string packages = Path.Combine(RepositoryRoot, "artifacts", "packages");
            bool packed = Directory.Exists(packages) && new[] { "Foundry.Training", "Foundry.Training.Testing", "Foundry.Training.Tokenization", ToolId }.All(id => IsCurrent(packages, id));
            if (!packed)
            {
                (int exitCode, string output) = RunAsync("bash", "eng/pack.sh", RepositoryRoot).GetAwaiter().GetResult();
                exitCode.Should().Be(0, output);
            }

            return packages;
        }
    }

    /// <summary>Whether one package of <paramref name="id"/> exists and is newer than its project's last Release build.</summary>
    private static bool IsCurrent(string folder, string id)
    {
        string[] files = PackageFiles(folder, id);
        string built = id == ToolId
            ? Path.Combine(RepositoryRoot, "tools", id, "bin", "Release", "net10.0", ToolCommand + ".dll")
            : Path.Combine(RepositoryRoot, "sdk", id, "bin", "Release", "net10.0", id + ".dll");
        return files.Length == 1 && (!File.Exists(built) || File.GetLastWriteTimeUtc(files[0]) >= File.GetLastWriteTimeUtc(built));
    }

    private static string PackageFile(string folder, string id) => PackageFiles(folder, id).Should().ContainSingle("one {0} package in {1}", id, folder).Subject;

    /// <summary>The .nupkg files of <paramref name="id"/> (and not of an id it prefixes: Foundry.Training vs Foundry.Training.Testing).</summary>
    private static string[] PackageFiles(string folder, string id) =>
        Directory.GetFiles(folder, id + ".*.nupkg").Where(f => char.IsAsciiDigit(Path.GetFileName(f)[id.Length + 1])).ToArray();

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

}

/// <summary>Package tests share artifacts/packages and spawn builds: one at a time.</summary>
[CollectionDefinition(nameof(PackageCollection))]
public sealed class PackageCollection
{
}
