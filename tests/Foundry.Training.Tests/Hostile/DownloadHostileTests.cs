using System.Text;
using Azure;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Jobs;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// <c>DownloadArtifacts</c> against a hostile listing and a hostile local folder: links that lead out of the
/// destination, pre-placed links where temporary files go, artifacts named like temporary files, malformed items, and
/// content that breaks off. Nothing is ever written outside the folder or through a link, every failure is a
/// <see cref="RequestFailedException"/> naming the artifact, and no temporary file is left behind.
/// </summary>
public sealed class DownloadHostileTests : JobsTestBase
{
    private const string ContentInfos = "/api/projects/proj/training_jobs/job-1/attempts/latest/artifacts/content_info_by_prefix";
    private readonly string _destination = Path.Combine(Path.GetTempPath(), "foundry-hostile-dl-" + Guid.NewGuid().ToString("N"));
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "foundry-hostile-outside-" + Guid.NewGuid().ToString("N"));

    protected override void Cleanup()
    {
        foreach (string folder in new[] { _destination, _outside })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private string BlobUri(string path) => $"{Service.Endpoint}blob/{Uri.EscapeDataString(path)}?sv=1&sig=SECRET";

    private void ServeItems(params string[] items) =>
        Service.Server.Given(Request.Create().WithPath(ContentInfos).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody($$"""{"data":[{{string.Join(",", items)}}],"has_more":false}"""));

    private string Item(string path) => $$"""{"path":"{{path}}","content_uri":"{{BlobUri(path)}}"}""";

    private void ServeArtifacts(params (string Path, string Content)[] artifacts)
    {
        ServeItems(artifacts.Select(a => Item(a.Path)).ToArray());
        foreach ((string path, string content) in artifacts)
        {
            Service.Server.Given(Request.Create().WithPath("/blob/" + path).UsingGet()).RespondWith(Response.Create().WithBody(Encoding.UTF8.GetBytes(content)));
        }
    }

    private IEnumerable<string> BlobRequests => Service.Requests.Select(r => r.RequestMessage.AbsolutePath).Where(p => p.StartsWith("/blob/", StringComparison.Ordinal));

    private string[] FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : Array.Empty<string>();

    /// <summary>Creates a symbolic link; false where the platform or the account cannot (the test then has nothing to check).</summary>
    private static bool TryLink(string link, string target, bool directory = true)
    {
        try
        {
            if (directory)
            {
                Directory.CreateSymbolicLink(link, target);
            }
            else
            {
                File.CreateSymbolicLink(link, target);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    private async Task<RequestFailedException> DownloadFails(bool async = true)
    {
        Func<Task> download = async
            ? () => Client.DownloadArtifactsAsync("job-1", "latest", _destination)
            : () => Task.Run(() => Client.DownloadArtifacts("job-1", "latest", _destination));
        return (await download.Should().ThrowAsync<RequestFailedException>()).Which;
    }

    // ---- Links in the destination folder ----

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFolderLinkLeadingOutside_IsRefusedBeforeAnythingIsWritten(bool async)
    {
        Directory.CreateDirectory(_destination);
        Directory.CreateDirectory(_outside);
        if (!TryLink(Path.Combine(_destination, "link"), _outside))
        {
            return;
        }

        ServeArtifacts(("ok.txt", "fine"), ("link/evil.txt", "evil"));

        RequestFailedException ex = await DownloadFails(async);

        ex.ErrorCode.Should().Be("UnsafeArtifactPath");
        ex.Message.Should().Contain("'link/evil.txt'").And.Contain("link");
        FilesUnder(_outside).Should().BeEmpty("nothing is written through a link that leads outside");
        File.Exists(Path.Combine(_destination, "ok.txt")).Should().BeFalse("every item is checked before anything is written");
        BlobRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task ARelativeFolderLinkClimbingOut_IsRefused()
    {
        Directory.CreateDirectory(Path.Combine(_destination, "outputs"));
        if (!TryLink(Path.Combine(_destination, "outputs", "up"), Path.Combine("..", "..")))
        {
            return;
        }

        ServeArtifacts(("outputs/up/escape.txt", "evil"));

        (await DownloadFails()).ErrorCode.Should().Be("UnsafeArtifactPath");
        File.Exists(Path.Combine(Path.GetTempPath(), "escape.txt")).Should().BeFalse();
    }

    [Fact]
    public async Task ALinkChainThatEndsOutside_IsRefused()
    {
        // inside -> hop (inside the folder), hop -> outside: each link is followed to where it really leads.
        Directory.CreateDirectory(_destination);
        Directory.CreateDirectory(_outside);
        if (!TryLink(Path.Combine(_destination, "hop"), _outside) || !TryLink(Path.Combine(_destination, "inside"), Path.Combine(_destination, "hop")))
        {
            return;
        }

        ServeArtifacts(("inside/evil.txt", "evil"));

        (await DownloadFails()).ErrorCode.Should().Be("UnsafeArtifactPath");
        FilesUnder(_outside).Should().BeEmpty();
    }

    [Fact]
    public async Task ALinkWhoseTargetPassesThroughALinkOutside_IsRefused()
    {
        // a -> {dest}/b/c reads as inside the folder, but b itself leads outside.
        Directory.CreateDirectory(_destination);
        Directory.CreateDirectory(Path.Combine(_outside, "c"));
        if (!TryLink(Path.Combine(_destination, "b"), _outside) || !TryLink(Path.Combine(_destination, "a"), Path.Combine(_destination, "b", "c")))
        {
            return;
        }

        ServeArtifacts(("a/evil.txt", "evil"));

        (await DownloadFails()).ErrorCode.Should().Be("UnsafeArtifactPath");
        FilesUnder(_outside).Should().BeEmpty();
    }

    [Fact]
    public async Task LinksThatLoop_AreRefused()
    {
        Directory.CreateDirectory(_destination);
        if (!TryLink(Path.Combine(_destination, "a"), Path.Combine(_destination, "b")) || !TryLink(Path.Combine(_destination, "b"), Path.Combine(_destination, "a")))
        {
            return;
        }

        ServeArtifacts(("a/x.txt", "x"));

        (await DownloadFails()).ErrorCode.Should().Be("UnsafeArtifactPath");
    }

    [Fact]
    public async Task ADanglingFolderLinkLeadingOutside_IsRefusedAndCreatesNothingThere()
    {
        Directory.CreateDirectory(_destination);
        string notYet = Path.Combine(_outside, "not-yet");
        if (!TryLink(Path.Combine(_destination, "link"), notYet))
        {
            return;
        }

        ServeArtifacts(("link/evil.txt", "evil"));

        (await DownloadFails()).ErrorCode.Should().Be("UnsafeArtifactPath");
        Directory.Exists(notYet).Should().BeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFolderLinkThatStaysInside_IsFollowed(bool relative)
    {
        string real = Path.Combine(_destination, "real");
        Directory.CreateDirectory(real);
        if (!TryLink(Path.Combine(_destination, "alias"), relative ? "real" : real))
        {
            return;
        }

        ServeArtifacts(("alias/model/config.json", "{}"));

        IReadOnlyList<DownloadedArtifact> files = await Client.DownloadArtifactsAsync("job-1", "latest", _destination);

        string written = Path.Combine(Path.GetFullPath(real), "model", "config.json");
        files.Should().ContainSingle().Which.LocalPath.Should().Be(written, "the file written is reported where it really is");
        File.ReadAllText(written).Should().Be("{}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task APrePlacedLinkWhereATemporaryFileUsedToGo_IsNeverWrittenThrough(bool async)
    {
        Directory.CreateDirectory(_destination);
        Directory.CreateDirectory(_outside);
        string victim = Path.Combine(_outside, "victim.txt");
        File.WriteAllText(victim, "precious");
        string trap = Path.Combine(_destination, "model.bin.partial");
        if (!TryLink(trap, victim, directory: false))
        {
            return;
        }

        ServeArtifacts(("model.bin", "weights"));

        IReadOnlyList<DownloadedArtifact> files = async
            ? await Client.DownloadArtifactsAsync("job-1", "latest", _destination)
            : Client.DownloadArtifacts("job-1", "latest", _destination);

        File.ReadAllText(victim).Should().Be("precious");
        File.ReadAllText(files.Single().LocalPath).Should().Be("weights");
        new FileInfo(trap).LinkTarget.Should().Be(victim, "a file the download did not create is left alone");
    }

    [Fact]
    public async Task AFileLinkWhereAnArtifactGoes_IsReplacedNotWrittenThrough()
    {
        Directory.CreateDirectory(_destination);
        Directory.CreateDirectory(_outside);
        string victim = Path.Combine(_outside, "victim.txt");
        File.WriteAllText(victim, "precious");
        string target = Path.Combine(_destination, "model.bin");
        if (!TryLink(target, victim, directory: false))
        {
            return;
        }

        ServeArtifacts(("model.bin", "weights"));

        await Client.DownloadArtifactsAsync("job-1", "latest", _destination);

        File.ReadAllText(victim).Should().Be("precious");
        new FileInfo(target).LinkTarget.Should().BeNull("the link itself was replaced by the downloaded file");
        File.ReadAllText(target).Should().Be("weights");
    }

    // ---- Temporary files ----

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ArtifactsNamedLikeTemporaryFiles_AreAllWrittenWhole(bool async)
    {
        (string, string)[] artifacts =
        {
            ("model.bin", new string('m', 300_000)),
            ("model.bin.partial", new string('p', 300_000)),
            ("model.bin.tmp", "t"),
            (".foundry-partial", "f"),
        };
        ServeArtifacts(artifacts);

        IReadOnlyList<DownloadedArtifact> files = async
            ? await Client.DownloadArtifactsAsync("job-1", "latest", _destination)
            : Client.DownloadArtifacts("job-1", "latest", _destination);

        files.Select(f => f.ArtifactPath).Should().Equal(artifacts.Select(a => a.Item1));
        foreach ((string path, string content) in artifacts)
        {
            File.ReadAllText(Path.Combine(_destination, path)).Should().Be(content, $"'{path}' is downloaded whole and not clobbered");
        }

        FilesUnder(_destination).Should().HaveCount(artifacts.Length, "no temporary file is left");
    }

    [Fact]
    public async Task AFolderInTheWayOfAnArtifact_FailsNamingItAndLeavesNoTemporaryFile()
    {
        Directory.CreateDirectory(Path.Combine(_destination, "model.bin"));
        ServeArtifacts(("model.bin", "weights"));

        RequestFailedException ex = await DownloadFails();

        ex.ErrorCode.Should().Be("ArtifactWriteFailed");
        ex.Message.Should().Contain("'model.bin'");
        ex.InnerException.Should().Match(e => e is IOException || e is UnauthorizedAccessException);
        FilesUnder(_destination).Should().BeEmpty();
    }

    // ---- Malformed listing items ----

    public static TheoryData<string, string, string> MalformedItems => new()
    {
        { """{"path":"a.bin"}""", "InvalidArtifactContentUri", "'a.bin', which has no content_uri" },
        { """{"path":"a.bin","content_uri":null}""", "InvalidArtifactContentUri", "'a.bin', which has no content_uri" },
        { """{"path":"a.bin","content_uri":"blob/a.bin?sig=SECRET"}""", "InvalidArtifactContentUri", "'a.bin', which has a relative content_uri" },
        { """{"path":"a.bin","content_uri":"https://a,b.example/a.bin?sig=SECRET"}""", "InvalidArtifactContentUri", "'a.bin', which has a content_uri that is not a URI the SDK can read" },
        { """{"path":"a.bin","content_uri":{"href":"https://storage.example.com/a.bin?sig=SECRET"}}""", "InvalidArtifactContentUri", "'a.bin', which has a content_uri that is not a URI the SDK can read" },
        { """{"path":"a.bin","content_uri":"file:///etc/hostname"}""", "InvalidArtifactContentUri", "'a.bin', which has a content_uri with the unsupported scheme 'file'" },
        { """{"path":"a.bin","content_uri":"ftp://127.0.0.1/a.bin"}""", "InvalidArtifactContentUri", "unsupported scheme 'ftp'" },
        { """{"path":"a.bin","content_uri":"http://storage.example.com/a.bin?sig=SECRET"}""", "InvalidArtifactContentUri", "'a.bin', which has a plain-HTTP content_uri" },
        { """{"path":null,"content_uri":"https://storage.example.com/a.bin"}""", "InvalidArtifactPath", "without a path (item 2 of the listing)" },
        { """{"content_uri":"https://storage.example.com/a.bin"}""", "InvalidArtifactPath", "without a path (item 2 of the listing)" },
        { """{"path":"","content_uri":"https://storage.example.com/a.bin"}""", "InvalidArtifactPath", "without a path (item 2 of the listing)" },
        { $$"""{"path":"outputs/{{new string('n', 300)}}.bin","content_uri":"https://storage.example.com/a.bin"}""", "InvalidArtifactPath", $"'outputs/{new string('n', 300)}.bin', whose name" },
        { """{"path":"../escape.txt","content_uri":"https://storage.example.com/a.bin"}""", "UnsafeArtifactPath", "'../escape.txt'" },
    };

    [Theory]
    [MemberData(nameof(MalformedItems))]
    public async Task AMalformedItem_FailsNamingTheArtifactBeforeAnythingIsWritten(string item, string errorCode, string named)
    {
        ServeItems(Item("ok.txt"), item);
        Service.Server.Given(Request.Create().WithPath("/blob/ok.txt").UsingGet()).RespondWith(Response.Create().WithBody("fine"));

        RequestFailedException ex = await DownloadFails();

        ex.ErrorCode.Should().Be(errorCode);
        ex.Status.Should().Be(200, "the listing's status");
        ex.Message.Should().Contain(named).And.Contain("nothing was downloaded").And.NotContain("SECRET");
        Directory.Exists(_destination).Should().BeFalse();
        BlobRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task AMalformedItem_FailsTheSameWayInTheSyncTwin()
    {
        ServeItems("""{"path":"a.bin","content_uri":"file:///etc/hostname"}""");

        RequestFailedException ex = await DownloadFails(async: false);

        ex.ErrorCode.Should().Be("InvalidArtifactContentUri");
        ex.Message.Should().Contain("'a.bin'");
    }

    [Theory]
    [InlineData("a", "a/b")]
    [InlineData("a/b", "a")]
    [InlineData("x/y.txt", "x\\\\y.txt")]
    public async Task ItemsThatClaimTheSameFileOrAFileAndAFolder_AreRefused(string first, string second)
    {
        ServeItems(Item(first), Item(second));

        RequestFailedException ex = await DownloadFails();

        ex.ErrorCode.Should().Be("InvalidArtifactPath");
        ex.Message.Should().Contain("'" + first.Replace("\\\\", "\\", StringComparison.Ordinal) + "'")
            .And.Contain("'" + second.Replace("\\\\", "\\", StringComparison.Ordinal) + "'");
        Directory.Exists(_destination).Should().BeFalse();
    }

    [Fact]
    public async Task AnItemListedTwice_IsDownloadedOnce()
    {
        ServeItems(Item("a.txt"), Item("a.txt"));
        Service.Server.Given(Request.Create().WithPath("/blob/a.txt").UsingGet()).RespondWith(Response.Create().WithBody("once"));

        IReadOnlyList<DownloadedArtifact> files = await Client.DownloadArtifactsAsync("job-1", "latest", _destination);

        files.Should().ContainSingle().Which.ArtifactPath.Should().Be("a.txt");
        File.ReadAllText(Path.Combine(_destination, "a.txt")).Should().Be("once");
        BlobRequests.Should().ContainSingle();
    }

    // ---- Content that breaks off ----

    public static TheoryData<string, bool> CutOffs
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (string cut in new[] { "short of its Content-Length", "chunked without its last chunk", "reset at 60%" })
            {
                data.Add(cut, true);
                data.Add(cut, false);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CutOffs))]
    public async Task ContentThatBreaksOff_FailsNamingTheArtifactAndLeavesNoFile(string cut, bool async)
    {
        byte[] content = HostileResponses.Content(200_000);
        var firstBytes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ConnectionFault blob = cut switch
        {
            "short of its Content-Length" => ConnectionFault.Raw(HostileResponses.WithLength(200, content.Length, content[..80_000], "application/octet-stream")),
            "chunked without its last chunk" => ConnectionFault.Raw(HostileResponses.Chunked(200, content, 16_384, lastChunk: false, "application/octet-stream")),
            _ => ConnectionFault.Raw(HostileResponses.WithLength(200, content.Length, content[..120_000], "application/octet-stream"), reset: true, closeWhen: firstBytes.Task),
        };
        using var server = new FaultyServer(endpoint => new[]
        {
            ConnectionFault.Respond(200, $$"""{"data":[{"path":"model/weights.bin","content_uri":"{{endpoint}}blob/weights.bin?sig=SECRET"}],"has_more":false}"""),
            blob,
        });
        var clients = new FaultClients(server.Endpoint);
        var progress = new Reports(report => firstBytes.TrySetResult());

        Func<Task> download = async
            ? () => clients.Jobs.DownloadArtifactsAsync("job-1", "latest", _destination, progress: progress)
            : () => Task.Run(() => clients.Jobs.DownloadArtifacts("job-1", "latest", _destination, progress: progress));

        RequestFailedException ex = (await download.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("ArtifactDownloadIncomplete");
        ex.Status.Should().Be(0, "a transport failure");
        ex.Message.Should().Contain("'model/weights.bin'").And.NotContain("SECRET");
        ex.InnerException.Should().BeAssignableTo<IOException>();
        FilesUnder(_destination).Should().BeEmpty("the partial file is removed");
        server.Requests.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RangedPartsThatEndCleanlyShortOfTheirRange_FailAfterThreeResumptionsWithoutAByte(bool async)
    {
        // Chunked 206 answers that end cleanly (last chunk sent) before the range their Content-Range promises: the first
        // brings 100 of 2,048 bytes, every resumption none.
        byte[] content = HostileResponses.Content(2048);
        static byte[] Short(long start, byte[] body) =>
            HostileResponses.Head(206, "Content-Type: application/octet-stream", $"Content-Range: bytes {start}-2047/2048", "ETag: \"v1\"", "Transfer-Encoding: chunked")
                .Concat(body.Length == 0 ? Array.Empty<byte>() : System.Text.Encoding.ASCII.GetBytes(body.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n").Concat(body).Concat("\r\n"u8.ToArray()))
                .Concat("0\r\n\r\n"u8.ToArray()).ToArray();
        using var server = new FaultyServer(endpoint => new[]
        {
            ConnectionFault.Respond(200, $$"""{"data":[{"path":"model/weights.bin","content_uri":"{{endpoint}}blob/weights.bin?sig=SECRET"}],"has_more":false}"""),
            ConnectionFault.Raw(Short(0, content[..100])),
            ConnectionFault.Raw(Short(100, Array.Empty<byte>())),
        });
        var clients = new FaultClients(server.Endpoint);

        Func<Task> download = async
            ? () => clients.Jobs.DownloadArtifactsAsync("job-1", "latest", _destination)
            : () => Task.Run(() => clients.Jobs.DownloadArtifacts("job-1", "latest", _destination));

        RequestFailedException ex = (await download.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("ArtifactDownloadIncomplete");
        ex.Message.Should().Contain("'model/weights.bin'").And.Contain("byte 100").And.Contain("ended after 0 of 1948 bytes").And.NotContain("SECRET");
        ex.InnerException.Should().BeAssignableTo<IOException>();
        FilesUnder(_destination).Should().BeEmpty("the partial file is removed");
        server.Requests.Should().HaveCount(5, "the listing, the first answer and three resumptions without a byte");
    }

    /// <summary>Reports on the downloading thread (<see cref="Progress{T}"/> would post to a context).</summary>
    private sealed class Reports : IProgress<ArtifactDownloadProgress>
    {
        private readonly Action<ArtifactDownloadProgress> _report;

        public Reports(Action<ArtifactDownloadProgress> report) => _report = report;

        public void Report(ArtifactDownloadProgress value) => _report(value);
    }
}
