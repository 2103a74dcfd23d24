using Azure;
using Foundry.Training.Datasets;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// A hostile project endpoint against <see cref="DatasetsClient"/>'s buffered reads (a list page, a version, a
/// credential): a declared length over <c>MaxResponseContentBufferSize</c>, a lie about the length and a body that
/// never ends are each bounded by the limit, a <see cref="RequestFailedException"/> and never memory that follows the
/// server's word.
/// </summary>
public sealed class DatasetsBufferingHostileTests
{
    private const string Version = """{"type":"uri_file","dataUri":"https://a.blob.core.windows.net/c/train.jsonl","name":"d","version":"1"}""";

    /// <summary>Each buffered read of the client, sync or async; each returns something it parsed.</summary>
    private static readonly Dictionary<string, Func<DatasetsClient, bool, Task<string?>>> s_reads = new()
    {
        ["GetDatasets"] = async (c, async) => async ? (await c.GetDatasetsAsync().ToListAsync()).Single().Name : c.GetDatasets().Single().Name,
        ["GetVersions"] = async (c, async) => async ? (await c.GetVersionsAsync("d").ToListAsync()).Single().Name : c.GetVersions("d").Single().Name,
        ["GetVersion"] = async (c, async) => async ? (await c.GetVersionAsync("d", "1")).Value.Name : c.GetVersion("d", "1").Value.Name,
        ["GetCredentials"] = async (c, async) => async
            ? (await c.GetCredentialsAsync("d", "1")).Value.BlobReference.StorageAccountArmId
            : c.GetCredentials("d", "1").Value.BlobReference.StorageAccountArmId,
    };

    public static TheoryData<string, bool> Reads()
    {
        var data = new TheoryData<string, bool>();
        foreach (string name in s_reads.Keys)
        {
            data.Add(name, true);
            data.Add(name, false);
        }

        return data;
    }

    private static DatasetsClient Client(Uri endpoint, long? limit = null)
    {
        var options = new DatasetsClientOptions();
        options.Retry.MaxRetries = FaultClients.MaxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        if (limit is long value)
        {
            options.MaxResponseContentBufferSize = value;
        }

        return new DatasetsClient(new Uri(endpoint, "api/projects/p"), new StaticTokenCredential(), options);
    }

    private static Task<string?> Read(string name, DatasetsClient client, bool async) =>
        async ? s_reads[name](client, true) : Task.Run(() => s_reads[name](client, false));

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ADeclaredLengthOverTheLimit_FailsAtOnceWithoutRetrying(string name, bool async)
    {
        using var server = new FaultyServer(ConnectionFault.Raw(HostileResponses.WithLength(200, 250_000_000, HostileResponses.Content(100))));

        RequestFailedException ex = (await FluentActions.Awaiting(() => Read(name, Client(server.Endpoint), async)).Should().ThrowAsync<RequestFailedException>()).Which;

        ex.ErrorCode.Should().Be("ResponseTooLarge");
        ex.Status.Should().Be(200);
        ex.Message.Should().Contain("declares 250000000 bytes").And.Contain("MaxResponseContentBufferSize");
        server.Requests.Should().ContainSingle("a body too large once is too large again");
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ALyingContentLengthUnderTheLimit_IsABodyCutShort_RetriedAndThenATransportFailure(string name, bool async)
    {
        // 100 bytes arrive of 1,000,000 declared (under the default limit, so the lie is believed as far as it can be).
        using var server = new FaultyServer(ConnectionFault.Raw(HostileResponses.WithLength(200, 1_000_000, HostileResponses.Content(100))));

        RequestFailedException ex = (await FluentActions.Awaiting(() => Read(name, Client(server.Endpoint), async)).Should().ThrowAsync<RequestFailedException>()).Which;

        ex.Status.Should().Be(0, "a body cut short is a transport failure");
        server.Requests.Should().HaveCount(FaultClients.MaxRetries + 1, "each attempt is cut short and retried");
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task AnEndlessBody_StopsAtTheLimit_WithResponseTooLarge(string name, bool async)
    {
        // Chunked with no last chunk: the body never ends; the read must stop at the limit, not wait for the end.
        using var server = new FaultyServer(ConnectionFault.Raw(HostileResponses.Chunked(200, HostileResponses.Content(64 * 1024), 1000, lastChunk: false)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        RequestFailedException ex = (await FluentActions.Awaiting(() => Read(name, Client(server.Endpoint, limit: 4096), async).WaitAsync(timeout.Token)).Should().ThrowAsync<RequestFailedException>()).Which;

        ex.ErrorCode.Should().Be("ResponseTooLarge");
        ex.Message.Should().Contain("longer than the 4096 bytes");
        server.Requests.Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ABodyUntilCloseOverTheLimit_FailsWithResponseTooLarge(string name, bool async)
    {
        string body = name.StartsWith("GetVersion", StringComparison.Ordinal) && name != "GetVersions" ? Version : """{"value":[]}""";
        byte[] padded = System.Text.Encoding.UTF8.GetBytes(body + new string(' ', 8192));
        using var server = new FaultyServer(ConnectionFault.Raw(HostileResponses.UntilClose(200, padded)));

        RequestFailedException ex = (await FluentActions.Awaiting(() => Read(name, Client(server.Endpoint, limit: 4096), async)).Should().ThrowAsync<RequestFailedException>()).Which;

        ex.ErrorCode.Should().Be("ResponseTooLarge");
        server.Requests.Should().ContainSingle();
    }
}
