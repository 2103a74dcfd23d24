using System.Text;
using Azure;
using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs.Logs;

/// <summary>
/// <c>GetLogs</c> and <c>StreamLogsAsync</c> against a scripted service: files that grow, new files, a new attempt,
/// broken connections, resumed positions, UTF-8 split between reads, over-long lines, replaced files and bad answers.
/// </summary>
public sealed class LogStreamTests : IDisposable
{
    private const string StdLog = "user_logs/std_log.txt";
    private static readonly TimeSpan s_fast = TimeSpan.FromMilliseconds(1);

    private readonly ScriptedLogService _service = new();
    private readonly CancellationTokenSource _hangBreaker = new(TimeSpan.FromMinutes(1));
    private readonly TrainingJobsClient _client;

    public LogStreamTests()
    {
        _client = _service.CreateClient();
    }

    public void Dispose()
    {
        _service.Dispose();
        _hangBreaker.Dispose();
    }

    private async Task<List<TrainingLogLine>> Stream(bool follow = true, TrainingLogPosition? resumeFrom = null, string? attemptId = null)
    {
        var lines = new List<TrainingLogLine>();
        await foreach (TrainingLogLine line in _client.StreamLogsAsync("job", attemptId, follow, resumeFrom, s_fast, _hangBreaker.Token))
        {
            lines.Add(line);
        }

        return lines;
    }

    private static string Describe(TrainingLogLine line) => $"{line.AttemptId}/{line.Path}@{line.Offset}:{line.Text}";

    [Fact]
    public void GetLogs_ListsTheLogFoldersOfTheLatestAttempt()
    {
        _service.Attempts.Add("2");
        _service.Write("2", StdLog, "hello\n");
        _service.Write("2", "system_logs/lifecycler.log", "up\n");
        _service.Write("2", "outputs/model.bin", "weights");

        IReadOnlyList<TrainingLogFile> logs = _client.GetLogs("job");

        logs.Select(l => $"{l.AttemptId}/{l.Path}:{l.Size}").Should().Equal("2/system_logs/lifecycler.log:3", "2/user_logs/std_log.txt:6");
        _service.Requests.Should().Equal(
            "GET " + ScriptedLogService.Job + "/attempts/latest",
            "GET " + ScriptedLogService.Job + "/attempts/2/artifacts?path_prefix=user_logs/",
            "GET " + ScriptedLogService.Job + "/attempts/2/artifacts?path_prefix=system_logs/",
            "GET " + ScriptedLogService.Job + "/attempts/2/artifacts?path_prefix=logs/");
    }

    [Fact]
    public async Task GetLogsAsync_OfANamedAttempt_DoesNotAskForTheLatest()
    {
        _service.Write("1", "logs/std_log.txt", "x\n");

        IReadOnlyList<TrainingLogFile> logs = await _client.GetLogsAsync("job", "1", _hangBreaker.Token);

        logs.Should().ContainSingle().Which.Path.Should().Be("logs/std_log.txt");
        _service.Requests.Should().HaveCount(3).And.OnlyContain(r => r.Contains("/attempts/1/artifacts?path_prefix=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Follow_ReadsGrowthNewFilesAndANewAttempt_EachLineOnce_InExactRequests()
    {
        const string Job = ScriptedLogService.Job;
        _service.Statuses.Enqueue("Running");
        _service.Statuses.Enqueue("Running");
        _service.Statuses.Enqueue("Running");
        _service.Statuses.Enqueue("Completed");
        _service.Write("1", StdLog, "a1\na2\npar");
        int polls = 0;
        _service.BeforeRequest = request =>
        {
            if (request != "GET " + Job)
            {
                return;
            }

            polls++;
            if (polls == 2)
            {
                _service.Write("1", StdLog, "tial\n");
                _service.Write("1", "system_logs/x.log", "s1\n");
            }
            else if (polls == 3)
            {
                _service.Write("1", StdLog, "a3\n");
                _service.Attempts.Add("2");
                _service.Write("2", StdLog, "b1\nb2");
            }
        };

        List<TrainingLogLine> lines = await Stream();

        lines.Select(Describe).Should().Equal(
            "1/user_logs/std_log.txt@0:a1",
            "1/user_logs/std_log.txt@3:a2",
            "1/system_logs/x.log@0:s1",
            "1/user_logs/std_log.txt@6:partial",
            "1/user_logs/std_log.txt@14:a3",
            "2/user_logs/std_log.txt@0:b1",
            "2/user_logs/std_log.txt@3:b2");
        string[] listLogs(string attempt) => new[] { "user_logs/", "system_logs/", "logs/" }.Select(p => $"GET {Job}/attempts/{attempt}/artifacts/content_info_by_prefix?path_prefix={p}").ToArray();
        var expected = new List<string>();
        expected.AddRange(new[] { "GET " + Job, $"GET {Job}/attempts/latest" });
        expected.AddRange(listLogs("1"));
        expected.Add("GET storage.test/1/user_logs/std_log.txt?sig=s [bytes=0-]");
        expected.AddRange(new[] { "GET " + Job, $"GET {Job}/attempts/latest" });
        expected.AddRange(listLogs("1"));
        expected.Add("GET storage.test/1/system_logs/x.log?sig=s [bytes=0-]");
        expected.Add("GET storage.test/1/user_logs/std_log.txt?sig=s [bytes=6-]");
        expected.AddRange(new[] { "GET " + Job, $"GET {Job}/attempts/latest", $"GET {Job}/attempts?order=asc&after=1" });
        expected.AddRange(listLogs("1"));
        expected.Add("GET storage.test/1/system_logs/x.log?sig=s [bytes=3-]");
        expected.Add("GET storage.test/1/user_logs/std_log.txt?sig=s [bytes=14-]");
        expected.AddRange(listLogs("2"));
        expected.Add("GET storage.test/2/user_logs/std_log.txt?sig=s [bytes=0-]");
        expected.AddRange(new[] { "GET " + Job, $"GET {Job}/attempts/latest" });
        expected.AddRange(listLogs("2"));
        expected.Add("GET storage.test/2/user_logs/std_log.txt?sig=s [bytes=3-]");
        _service.Requests.Should().Equal(expected);
    }

    [Fact]
    public async Task WithoutFollow_ReadsWhatExists_HoldsBackALineStillBeingWritten_AndEnds()
    {
        _service.Statuses.Enqueue("Running");
        _service.Write("1", StdLog, "done\nhalf");

        List<TrainingLogLine> lines = await Stream(follow: false);

        lines.Select(l => l.Text).Should().Equal("done");
        lines[0].Position.Offsets.Should().Equal(new Dictionary<string, long> { [StdLog] = 5 });
    }

    [Fact]
    public async Task AResumedStream_FromEveryLinesSavedPosition_NeitherRepeatsNorLosesALine()
    {
        _service.Statuses.Enqueue("Completed");
        _service.Write("1", StdLog, "one\r\ntwo\n\nfour\nfive");
        _service.Write("1", "logs/train.log", "x\ny\n");
        List<TrainingLogLine> all = await Stream();
        all.Select(l => l.Path + ":" + l.Text).Should().Equal(
            "logs/train.log:x", "logs/train.log:y", StdLog + ":one", StdLog + ":two", StdLog + ":", StdLog + ":four", StdLog + ":five");

        for (int k = 0; k < all.Count; k++)
        {
            TrainingLogPosition saved = TrainingLogPosition.Parse(all[k].Position.ToString());
            saved.AttemptId.Should().Be("1");

            List<TrainingLogLine> rest = await Stream(resumeFrom: saved);

            rest.Select(Describe).Should().Equal(all.Skip(k + 1).Select(Describe), "resuming after line {0}", k);
        }
    }

    [Fact]
    public async Task AConnectionResetMidBody_IsReadAgainFromTheLastLineStart()
    {
        _service.Statuses.Enqueue("Completed");
        _service.Write("1", StdLog, "line1\nline2\nline3\n");
        _service.BreakAfter[StdLog] = 9; // inside line2

        List<TrainingLogLine> lines = await Stream();

        lines.Select(l => l.Text).Should().Equal("line1", "line2", "line3");
        _service.Requests.Where(r => r.Contains("storage.test", StringComparison.Ordinal)).Should().Equal(
            "GET storage.test/1/user_logs/std_log.txt?sig=s [bytes=0-]",
            "GET storage.test/1/user_logs/std_log.txt?sig=s [bytes=6-]");
    }

    [Fact]
    public async Task AConnectionThatKeepsBreakingWithoutALine_EndsInARequestFailedException()
    {
        _service.Statuses.Enqueue("Completed");
        _service.Write("1", StdLog, "a long first line\n");
        _service.BeforeRequest = request =>
        {
            if (request.Contains("storage.test", StringComparison.Ordinal))
            {
                _service.BreakAfter[StdLog] = 4;
            }
        };

        Func<Task> stream = () => Stream();

        (await stream.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("LogReadIncomplete");
        _service.Requests.Count(r => r.Contains("storage.test", StringComparison.Ordinal)).Should().Be(4, "one read and 3 retries");
    }

    [Fact]
    public async Task AUtf8CharacterSplitBetweenReads_DecodesWhole()
    {
        byte[] text = Encoding.UTF8.GetBytes("héllo wörld 🎉\n");
        _service.Statuses.Enqueue("Running");
        _service.Statuses.Enqueue("Running");
        _service.Statuses.Enqueue("Completed");
        _service.Append("1", StdLog, text.AsSpan(0, 2).ToArray()); // 'h' and the first byte of 'é'
        int polls = 0;
        _service.BeforeRequest = request =>
        {
            if (request == "GET " + ScriptedLogService.Job && ++polls == 2)
            {
                _service.Append("1", StdLog, text.AsSpan(2, text.Length - 4).ToArray()); // up to inside the emoji
            }
            else if (request == "GET " + ScriptedLogService.Job && polls == 3)
            {
                _service.Append("1", StdLog, text.AsSpan(text.Length - 2).ToArray());
            }
        };
        _service.BreakAfter[StdLog] = 1;

        List<TrainingLogLine> lines = await Stream();

        lines.Should().ContainSingle().Which.Text.Should().Be("héllo wörld 🎉");
    }

    [Fact]
    public async Task ALineLongerThanTheBound_IsCutOnACharacterBoundary_AndNothingIsLost()
    {
        // 'é' (2 bytes) straddles the 1 MiB bound: the cut goes before it.
        string line = new string('x', TrainingLogPosition.MaximumLineBytes - 1) + "é" + new string('y', TrainingLogPosition.MaximumLineBytes + 10);
        _service.Statuses.Enqueue("Completed");
        _service.Write("1", StdLog, line + "\nnext\n");

        List<TrainingLogLine> lines = await Stream();

        lines.Select(l => l.ContinuesOnNextLine).Should().Equal(true, true, false, false);
        lines.Take(3).Should().OnlyContain(l => Encoding.UTF8.GetByteCount(l.Text) <= TrainingLogPosition.MaximumLineBytes && !l.Text.Contains('\uFFFD'));
        string.Concat(lines.Take(3).Select(l => l.Text)).Should().Be(line);
        lines[0].Text.Length.Should().Be(TrainingLogPosition.MaximumLineBytes - 1);
        lines[1].Offset.Should().Be(TrainingLogPosition.MaximumLineBytes - 1);
        lines[3].Text.Should().Be("next");
    }

    [Fact]
    public async Task AFileThatShrinks_IsReadAgainFromItsStart()
    {
        _service.Statuses.Enqueue("Running");
        _service.Statuses.Enqueue("Completed");
        _service.Write("1", StdLog, "aaaa\nbbbb\n");
        _service.BeforeRequest = request =>
        {
            if (request == "GET " + ScriptedLogService.Job && _service.Statuses.Count == 1)
            {
                _service.Files["1"][StdLog] = Encoding.UTF8.GetBytes("new\n");
            }
        };

        List<TrainingLogLine> lines = await Stream();

        lines.Select(Describe).Should().Equal("1/user_logs/std_log.txt@0:aaaa", "1/user_logs/std_log.txt@5:bbbb", "1/user_logs/std_log.txt@0:new");
    }

    [Fact]
    public async Task ARangeAnsweredWithOtherBytes_IsARequestFailedException()
    {
        _service.Statuses.Enqueue("Completed");
        _service.Write("1", StdLog, "a\n");
        _service.MisrangedFile = StdLog;

        Func<Task> stream = () => Stream();

        (await stream.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("InvalidRangeResponse");
    }

    [Fact]
    public async Task APlainHttpContentUriOffThisMachine_IsARequestFailedException_AndIsNotFetched()
    {
        _service.Statuses.Enqueue("Completed");
        _service.Write("1", StdLog, "a\n");
        _service.ContentUriOverride = new Uri("http://elsewhere.test/log?sig=secret");

        Func<Task> stream = () => Stream();

        RequestFailedException failure = (await stream.Should().ThrowAsync<RequestFailedException>()).Which;
        failure.ErrorCode.Should().Be("InvalidArtifactContentUri");
        failure.Message.Should().NotContain("secret");
        _service.Requests.Should().NotContain(r => r.Contains("elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANamedAttempt_EndsOnceANewerOneExists()
    {
        _service.Statuses.Enqueue("Running");
        _service.Write("1", StdLog, "old\nlast words");
        _service.Attempts.Add("2");
        _service.Write("2", StdLog, "new\n");

        List<TrainingLogLine> lines = await Stream(attemptId: "1");

        lines.Select(Describe).Should().Equal("1/user_logs/std_log.txt@0:old", "1/user_logs/std_log.txt@4:last words");
    }

    [Fact]
    public async Task Cancellation_EndsTheWaitBetweenPolls()
    {
        _service.Statuses.Enqueue("Running");
        _service.Write("1", StdLog, "a\n");
        using var cancellation = new CancellationTokenSource();

        Func<Task> stream = async () =>
        {
            await foreach (TrainingLogLine line in _client.StreamLogsAsync("job", pollingInterval: TimeSpan.FromHours(1), cancellationToken: cancellation.Token))
            {
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));
            }
        };

        await stream.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Watch_WithIncludeLogs_YieldsLogLinesInTheSameStream()
    {
        _service.Statuses.Enqueue("Running");
        _service.Statuses.Enqueue("Completed");
        _service.Write("1", StdLog, "started\n");
        int polls = 0;
        _service.BeforeRequest = request =>
        {
            if (request == "GET " + ScriptedLogService.Job && ++polls == 2)
            {
                _service.Write("1", StdLog, "finished");
            }
        };

        var seen = new List<string>();
        await foreach (TrainingJobUpdate update in _client.WatchAsync("job", new TrainingJobWatchOptions { PollingInterval = s_fast, IncludeLogs = true }, _hangBreaker.Token))
        {
            seen.Add(update.Kind == TrainingJobUpdateKind.LogLine ? $"log:{update.AttemptId}:{update.LogLine!.Text}" : $"{update.Kind}:{update.Status}");
        }

        seen.Should().Equal("StatusChanged:Running", "log:1:started", "StatusChanged:Completed", "log:1:finished");
    }

    [Fact]
    public void BadArguments_FailEarly_NamingTheParameter()
    {
        ((Action)(() => _client.StreamLogsAsync(".."))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("name");
        ((Action)(() => _client.StreamLogsAsync("job", ".."))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("attemptId");
        var elsewhere = new TrainingLogPosition("2", new Dictionary<string, long>());
        ((Action)(() => _client.StreamLogsAsync("job", "1", resumeFrom: elsewhere))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("resumeFrom");
        ((Action)(() => _client.StreamLogsAsync("job", pollingInterval: TimeSpan.Zero))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("pollingInterval");
        ((Action)(() => _client.GetLogs(""))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("name");
        ((Action)(() => _client.WatchAsync("job", (TrainingJobWatchOptions)null!))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options");
        ((Action)(() => TrainingLogPosition.Parse("{\"attempt_id\":\"1\"}"))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("value");
        ((Action)(() => TrainingLogPosition.Parse("{\"attempt_id\":\"1\",\"offsets\":{\"a\":-1}}"))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("value");
        ((Action)(() => TrainingLogPosition.Parse("not json"))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("value");
        _service.Requests.Should().BeEmpty();
    }
}
