using System.Text;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Tests.FineTuning.Validation;

public class TrainingFileValidatorTests
{
    internal const string Chat = """{"messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello."}]}""";

    private const string ChatWithTools = """{"messages":[{"role":"user","content":"Weather in Oslo?"},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\"}"}}]},{"role":"tool","tool_call_id":"call_1","content":"Sunny"},{"role":"assistant","content":"It is sunny.","weight":1}],"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}],"parallel_tool_calls":false}""";

    private const string ChatWithParts = """{"messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]},{"role":"assistant","content":"A cat."}]}""";

    private const string ChatWithFunctionCall = """{"messages":[{"role":"user","content":"Time?"},{"role":"assistant","function_call":{"name":"now","arguments":"{}"}},{"role":"function","name":"now","content":"12:00"},{"role":"assistant","content":"Noon."}]}""";

    private const string Completion = """{"prompt":"Q: 2+2?\nA:","completion":" 4"}""";

    private const string Preference = """{"input":{"messages":[{"role":"system","content":"Be kind."},{"role":"user","content":"Hello"}],"tools":[],"parallel_tool_calls":true},"preferred_output":[{"role":"assistant","content":"Hi there!"}],"non_preferred_output":[{"role":"assistant","content":"What?"}]}""";

    private const string Reinforcement = """{"messages":[{"role":"developer","content":"Answer with a number."},{"role":"user","content":"2+2?"}],"tools":[],"reference_answer":"4","grading":{"tolerance":0}}""";

    internal static TrainingFileValidationResult Validate(string content, TrainingFileFormat? format = null, TrainingFileValidationOptions? options = null) =>
        new TrainingFileValidator(options).Validate(new MemoryStream(Encoding.UTF8.GetBytes(content)), format);

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private static TrainingFileProblem SingleProblem(TrainingFileValidationResult result) =>
        result.Problems.Should().ContainSingle().Subject;

    [Theory]
    [InlineData(Chat, TrainingFileFormat.Chat)]
    [InlineData(ChatWithTools, TrainingFileFormat.Chat)]
    [InlineData(ChatWithParts, TrainingFileFormat.Chat)]
    [InlineData(ChatWithFunctionCall, TrainingFileFormat.Chat)]
    [InlineData(Completion, TrainingFileFormat.PromptCompletion)]
    [InlineData("""{"prompt":"","completion":"x"}""", TrainingFileFormat.PromptCompletion)]
    [InlineData(Preference, TrainingFileFormat.Preference)]
    public void ValidFilesOfEachFormatPass(string example, TrainingFileFormat format)
    {
        TrainingFileValidationResult detected = Validate(Lines(example, example, example));

        detected.IsValid.Should().BeTrue(string.Join("; ", detected.Problems));
        detected.Format.Should().Be(format);
        detected.LineCount.Should().Be(3);
        detected.ExampleCount.Should().Be(3);
        detected.ValidExampleCount.Should().Be(3);
        detected.ProblemCount.Should().Be(0);
        detected.IsComplete.Should().BeTrue();

        Validate(Lines(example), format).IsValid.Should().BeTrue();
    }

    [Theory]
    // Structure of the line.
    [InlineData("""{"messages":[""", null, TrainingFileProblemKind.InvalidJson)]
    [InlineData("""{"prompt":"a","completion":"b"} {"prompt":"c","completion":"d"}""", null, TrainingFileProblemKind.InvalidJson)]
    [InlineData("""{'prompt':'a'}""", null, TrainingFileProblemKind.InvalidJson)]
    [InlineData("""[{"prompt":"a","completion":"b"}]""", null, TrainingFileProblemKind.NotAnObject)]
    [InlineData("\"just text\"", null, TrainingFileProblemKind.NotAnObject)]
    [InlineData("42", null, TrainingFileProblemKind.NotAnObject)]
    // Chat.
    [InlineData("""{"tools":[]}""", TrainingFileFormat.Chat, TrainingFileProblemKind.MissingMessages)]
    [InlineData("""{"messages":"hi"}""", null, TrainingFileProblemKind.InvalidMessages)]
    [InlineData("""{"messages":[]}""", null, TrainingFileProblemKind.InvalidMessages)]
    [InlineData("""{"messages":[{"role":"assistant","content":"a"},"user: hi"]}""", null, TrainingFileProblemKind.InvalidMessages)]
    [InlineData("""{"messages":[{"content":"hi"},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.MissingRole)]
    [InlineData("""{"messages":[{"role":null,"content":"hi"},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.MissingRole)]
    [InlineData("""{"messages":[{"role":"robot","content":"hi"},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.UnknownRole)]
    [InlineData("""{"messages":[{"role":"Assistant","content":"hi"},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.UnknownRole)]
    [InlineData("""{"messages":[{"role":{"name":"user"},"content":"hi"},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.UnknownRole)]
    [InlineData("""{"messages":[{"role":"user"},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.MissingContent)]
    [InlineData("""{"messages":[{"role":"user","content":""},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.MissingContent)]
    [InlineData("""{"messages":[{"role":"user","content":[]},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.MissingContent)]
    [InlineData("""{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":null}]}""", null, TrainingFileProblemKind.MissingContent)]
    [InlineData("""{"messages":[{"role":"user","content":"hi"},{"role":"assistant","tool_calls":[]}]}""", null, TrainingFileProblemKind.MissingContent)]
    [InlineData("""{"messages":[{"role":"tool","tool_call_id":"c"},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.MissingContent)]
    [InlineData("""{"messages":[{"role":"user","content":5},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.InvalidContent)]
    [InlineData("""{"messages":[{"role":"user","content":{"text":"hi"}},{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.InvalidContent)]
    [InlineData("""{"messages":[{"role":"system","content":"s"},{"role":"user","content":"hi"}]}""", null, TrainingFileProblemKind.NoAssistantMessage)]
    [InlineData("""{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"a"}],"tools":"get_weather"}""", null, TrainingFileProblemKind.InvalidTools)]
    // Prompt-completion.
    [InlineData("""{"completion":"x"}""", null, TrainingFileProblemKind.MissingPrompt)]
    [InlineData("""{"prompt":5,"completion":"x"}""", null, TrainingFileProblemKind.MissingPrompt)]
    [InlineData("""{"prompt":"x"}""", null, TrainingFileProblemKind.MissingCompletion)]
    [InlineData("""{"prompt":"x","completion":""}""", null, TrainingFileProblemKind.MissingCompletion)]
    [InlineData("""{"prompt":"x","completion":["y"]}""", null, TrainingFileProblemKind.MissingCompletion)]
    // Preference.
    [InlineData("""{"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}""", null, TrainingFileProblemKind.MissingInput)]
    [InlineData("""{"input":"hello","preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}""", null, TrainingFileProblemKind.MissingInput)]
    [InlineData("""{"input":{"tools":[]},"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}""", null, TrainingFileProblemKind.MissingMessages)]
    [InlineData("""{"input":{"messages":[]},"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}""", null, TrainingFileProblemKind.InvalidMessages)]
    [InlineData("""{"input":{"messages":[{"role":"user","content":"q"}],"tools":{}},"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}""", null, TrainingFileProblemKind.InvalidTools)]
    [InlineData("""{"input":{"messages":[{"role":"user","content":"q"}]},"non_preferred_output":[{"role":"assistant","content":"b"}]}""", null, TrainingFileProblemKind.MissingPreferredOutput)]
    [InlineData("""{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[],"non_preferred_output":[{"role":"assistant","content":"b"}]}""", null, TrainingFileProblemKind.MissingPreferredOutput)]
    [InlineData("""{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":{"role":"assistant","content":"a"},"non_preferred_output":[{"role":"assistant","content":"b"}]}""", null, TrainingFileProblemKind.MissingPreferredOutput)]
    [InlineData("""{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[{"role":"user","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}""", null, TrainingFileProblemKind.MissingPreferredOutput)]
    [InlineData("""{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[{"role":"assistant","content":"a"}]}""", null, TrainingFileProblemKind.MissingNonPreferredOutput)]
    [InlineData("""{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":""}]}""", null, TrainingFileProblemKind.MissingContent)]
    public void EachProblemKindIsReportedOnItsLine(string badLine, TrainingFileFormat? format, TrainingFileProblemKind kind)
    {
        // The bad line comes second so the line number is checked too; the first line fixes the format when it is not given.
        string first = badLine.Contains("\"input\"") || badLine.Contains("_output") ? Preference
            : badLine.Contains("\"prompt\"") || badLine.Contains("\"completion\"") ? Completion
            : Chat;
        TrainingFileValidationResult result = Validate(Lines(format is null ? first : Chat, badLine), format);

        TrainingFileProblem problem = SingleProblem(result);
        problem.Kind.Should().Be(kind);
        problem.LineNumber.Should().Be(2);
        problem.Message.Should().NotBeNullOrWhiteSpace();
        result.IsValid.Should().BeFalse();
        result.LineCount.Should().Be(2);
        result.ExampleCount.Should().Be(2);
        result.ValidExampleCount.Should().Be(1);
    }

    [Fact]
    public void Reinforcement_IsCheckedWhenAskedFor_AndLooksLikeChatOtherwise()
    {
        TrainingFileValidationResult asked = Validate(Lines(Reinforcement, Reinforcement), TrainingFileFormat.Reinforcement);

        asked.IsValid.Should().BeTrue(string.Join("; ", asked.Problems));
        asked.Format.Should().Be(TrainingFileFormat.Reinforcement);
        asked.ValidExampleCount.Should().Be(2);

        // Not asked for, the lines are chat examples: developer is no chat role and there is no answer to learn from.
        TrainingFileValidationResult detected = Validate(Lines(Reinforcement));
        detected.Format.Should().Be(TrainingFileFormat.Chat);
        detected.Problems.Select(p => p.Kind).Should().Equal(TrainingFileProblemKind.UnknownRole, TrainingFileProblemKind.NoAssistantMessage);
        detected.Problems[0].Message.Should().Contain("messages[0].role 'developer' is not one of system, user, assistant, tool, function");
    }

    [Theory]
    [InlineData("""{"reference_answer":"4"}""", TrainingFileProblemKind.MissingMessages)]
    [InlineData("""{"messages":[]}""", TrainingFileProblemKind.InvalidMessages)]
    [InlineData("""{"messages":[{"role":"robot","content":"q"}]}""", TrainingFileProblemKind.UnknownRole)]
    [InlineData("""{"messages":[{"role":"user","content":""}]}""", TrainingFileProblemKind.MissingContent)]
    [InlineData("""{"messages":[{"role":"user","content":"q"}],"tools":5}""", TrainingFileProblemKind.InvalidTools)]
    [InlineData("""{"prompt":"q","completion":"a"}""", TrainingFileProblemKind.MixedFormat)]
    public void Reinforcement_ProblemsAreReportedOnTheirLine(string badLine, TrainingFileProblemKind kind)
    {
        TrainingFileValidationResult result = Validate(Lines(Reinforcement, badLine), TrainingFileFormat.Reinforcement);

        TrainingFileProblem problem = SingleProblem(result);
        problem.Kind.Should().Be(kind);
        problem.LineNumber.Should().Be(2);
        if (kind == TrainingFileProblemKind.UnknownRole)
        {
            problem.Message.Should().Contain("is not one of developer, system, user, assistant, tool, function");
        }
    }

    [Fact]
    public void UnrecognizedFormat_IsReportedWhileTheFormatIsUnknown()
    {
        TrainingFileValidationResult result = Validate(Lines("""{"text":"hello"}""", Chat));

        SingleProblem(result).Should().BeEquivalentTo(new { LineNumber = 1L, Kind = TrainingFileProblemKind.UnrecognizedFormat });
        result.Format.Should().Be(TrainingFileFormat.Chat);
    }

    [Fact]
    public void EmptyLine_IsReportedWithItsLineNumber()
    {
        TrainingFileValidationResult result = Validate(Chat + "\n\n" + Chat + "\n   \t\n" + Chat);

        result.Problems.Select(p => (p.LineNumber, p.Kind)).Should().Equal(
            (2L, TrainingFileProblemKind.EmptyLine),
            (4L, TrainingFileProblemKind.EmptyLine));
        result.LineCount.Should().Be(5);
        result.ExampleCount.Should().Be(3);
        result.ValidExampleCount.Should().Be(3);
    }

    [Fact]
    public void NoExamples_ForAnEmptyFile()
    {
        TrainingFileValidationResult empty = Validate(string.Empty);
        SingleProblem(empty).Should().BeEquivalentTo(new { LineNumber = 0L, Kind = TrainingFileProblemKind.NoExamples });
        empty.LineCount.Should().Be(0);
        empty.Format.Should().BeNull();

        Validate("\n").Problems.Select(p => p.Kind).Should().Equal(TrainingFileProblemKind.EmptyLine, TrainingFileProblemKind.NoExamples);
    }

    [Fact]
    public void MixedFormat_AgainstTheDetectedFormatNamesTheLineItWasDetectedOn()
    {
        TrainingFileValidationResult result = Validate(Lines("""{"text":"?"}""", Chat, Completion, Preference, Chat));

        result.Format.Should().Be(TrainingFileFormat.Chat);
        result.Problems.Select(p => (p.LineNumber, p.Kind)).Should().Equal(
            (1L, TrainingFileProblemKind.UnrecognizedFormat),
            (3L, TrainingFileProblemKind.MixedFormat),
            (4L, TrainingFileProblemKind.MixedFormat));
        result.Problems[1].Message.Should().Contain("prompt-completion").And.Contain("chat").And.Contain("line 2");
        result.ValidExampleCount.Should().Be(2);
    }

    [Fact]
    public void MixedFormat_AgainstTheGivenFormat()
    {
        TrainingFileValidationResult result = Validate(Lines(Chat, Completion), TrainingFileFormat.PromptCompletion);

        SingleProblem(result).Should().BeEquivalentTo(new { LineNumber = 1L, Kind = TrainingFileProblemKind.MixedFormat });
        result.Problems[0].Message.Should().Contain("as asked");
        result.Format.Should().Be(TrainingFileFormat.PromptCompletion);
    }

    [Fact]
    public void ALineOfTheExpectedFormatWithExtraKeysIsNotMixed()
    {
        const string chatWithPrompt = """{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"prompt":"legacy"}""";

        Validate(Lines(Chat, chatWithPrompt)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void InvalidEncoding_IsReported()
    {
        byte[] line = Encoding.UTF8.GetBytes("""{"prompt":"caf?","completion":"x"}""" + "\n");
        line[Array.IndexOf(line, (byte)'?')] = 0xE9; // Latin-1 'é': not UTF-8.

        TrainingFileValidationResult result = new TrainingFileValidator().Validate(new MemoryStream(line));

        SingleProblem(result).Should().BeEquivalentTo(new { LineNumber = 1L, Kind = TrainingFileProblemKind.InvalidEncoding });
    }

    [Theory]
    [InlineData(new byte[] { 0x41 }, true)]
    [InlineData(new byte[] { 0xC3, 0xA9 }, true)]
    [InlineData(new byte[] { 0xE2, 0x82, 0xAC }, true)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, true)]
    [InlineData(new byte[] { 0xE9 }, false)]
    [InlineData(new byte[] { 0x80 }, false)]
    [InlineData(new byte[] { 0xC3 }, false)]
    [InlineData(new byte[] { 0xC0, 0xAF }, false)]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, false)]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, false)]
    [InlineData(new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }, false)]
    public void PortableUtf8CheckAgreesWithTheRuntime(byte[] bytes, bool valid)
    {
        Utf8Validation.IsValidPortable(bytes).Should().Be(valid);
        System.Text.Unicode.Utf8.IsValid(bytes).Should().Be(valid);
    }

    [Fact]
    public void LineNumbersSurviveCrLfAByteOrderMarkAndAMissingFinalLineBreak()
    {
        string content = "\uFEFF" + Chat + "\r\n" + """{"messages":[]}""" + "\r\n\r\n" + Chat;

        TrainingFileValidationResult result = Validate(content);

        result.Problems.Select(p => (p.LineNumber, p.Kind)).Should().Equal(
            (2L, TrainingFileProblemKind.InvalidMessages),
            (3L, TrainingFileProblemKind.EmptyLine));
        result.LineCount.Should().Be(4);
        result.ValidExampleCount.Should().Be(2);
    }

    [Fact]
    public void OneLineCanHaveSeveralProblems()
    {
        TrainingFileValidationResult result = Validate(Lines("""{"messages":[{"role":"robot"},{"content":"x"}]}"""), TrainingFileFormat.Chat);

        result.Problems.Select(p => p.Kind).Should().Equal(
            TrainingFileProblemKind.UnknownRole,
            TrainingFileProblemKind.MissingContent,
            TrainingFileProblemKind.MissingRole,
            TrainingFileProblemKind.NoAssistantMessage);
        result.Problems.Should().OnlyContain(p => p.LineNumber == 1);
        result.Problems[0].Message.Should().Be("messages[0].role 'robot' is not one of system, user, assistant, tool, function.");
        result.Problems[2].Message.Should().StartWith("messages[1]");
        result.ExampleCount.Should().Be(1);
        result.ValidExampleCount.Should().Be(0);
    }

    [Fact]
    public void AHugeUnknownRoleIsNotQuotedInTheMessage()
    {
        string role = new('r', 10_000);
        TrainingFileValidationResult result = Validate(Lines($$"""{"messages":[{"role":"{{role}}","content":"x"},{"role":"assistant","content":"a"}]}"""));

        string message = SingleProblem(result).Message;
        message.Should().Contain("a string of 10000 bytes");
        message.Length.Should().BeLessThan(200);
    }

    [Fact]
    public void MaxProblems_KeepsTheFirstProblemsAndCountsTheRest()
    {
        string content = string.Concat(Enumerable.Repeat("[]\n", 10));

        TrainingFileValidationResult result = Validate(content, options: new TrainingFileValidationOptions { MaxProblems = 3 });

        result.Problems.Select(p => p.LineNumber).Should().Equal(1, 2, 3);
        result.ProblemCount.Should().Be(10);
        result.LineCount.Should().Be(10);
        result.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void StopAtMaxProblems_StopsReading()
    {
        string content = string.Concat(Enumerable.Repeat("[]\n", 10));

        TrainingFileValidationResult result = Validate(content, options: new TrainingFileValidationOptions { MaxProblems = 3, StopAtMaxProblems = true });

        result.Problems.Should().HaveCount(3);
        result.ProblemCount.Should().Be(3);
        result.LineCount.Should().Be(3);
        result.IsComplete.Should().BeFalse();
    }

    [Fact]
    public void LineTooLong_IsReportedWithItsSizeAndTheNextLineIsStillChecked()
    {
        string longLine = """{"prompt":"x","completion":" """ + new string('y', 200) + "\"}";

        TrainingFileValidationResult result = Validate(Lines(Completion, longLine, Completion, "[]"), options: new TrainingFileValidationOptions { MaxLineBytes = 100 });

        result.Problems.Select(p => (p.LineNumber, p.Kind)).Should().Equal(
            (2L, TrainingFileProblemKind.LineTooLong),
            (4L, TrainingFileProblemKind.NotAnObject));
        result.Problems[0].Message.Should().Contain(Encoding.UTF8.GetByteCount(longLine).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).And.Contain("100");
        result.ExampleCount.Should().Be(4);
        result.ValidExampleCount.Should().Be(2);
    }

    [Fact]
    public void ALineOfExactlyTheLimitIsRead()
    {
        int limit = Encoding.UTF8.GetByteCount(Completion);

        Validate(Lines(Completion), options: new TrainingFileValidationOptions { MaxLineBytes = limit }).IsValid.Should().BeTrue();
        Validate(Lines(Completion), options: new TrainingFileValidationOptions { MaxLineBytes = limit - 1 }).Problems.Single().Kind.Should().Be(TrainingFileProblemKind.LineTooLong);
    }

    [Fact]
    public void ResultsDoNotDependOnHowTheStreamSplitsTheBytes()
    {
        string content = "\uFEFF" + Lines(Chat, string.Empty, "{\"messages\":[]}", Completion, ChatWithTools) + Preference;
        byte[] bytes = Encoding.UTF8.GetBytes(content);
        TrainingFileValidationResult whole = new TrainingFileValidator().Validate(new MemoryStream(bytes));

        foreach (int piece in new[] { 1, 2, 3, 7, 64 })
        {
            TrainingFileValidationResult trickled = new TrainingFileValidator(new TrainingFileValidationOptions { MaxLineBytes = 300 })
                .Validate(new TrickleStream(bytes, piece));
            TrainingFileValidationResult expected = new TrainingFileValidator(new TrainingFileValidationOptions { MaxLineBytes = 300 })
                .Validate(new MemoryStream(bytes));

            trickled.Problems.Select(p => p.ToString()).Should().Equal(expected.Problems.Select(p => p.ToString()), $"pieces of {piece} bytes");
            trickled.LineCount.Should().Be(6);
        }

        whole.Problems.Select(p => (p.LineNumber, p.Kind)).Should().Equal(
            (2L, TrainingFileProblemKind.EmptyLine),
            (3L, TrainingFileProblemKind.InvalidMessages),
            (4L, TrainingFileProblemKind.MixedFormat),
            (6L, TrainingFileProblemKind.MixedFormat));
    }

    [Fact]
    public void ALineSpanningReadsIsReassembled()
    {
        // Longer than the validator's 64 KiB read buffer, so it arrives in pieces.
        string big = $$"""{"messages":[{"role":"user","content":"{{new string('q', 150_000)}}"},{"role":"assistant","content":"a"}]}""";

        TrainingFileValidationResult result = Validate(Lines(Chat, big, "{\"messages\":5}"));

        SingleProblem(result).Should().BeEquivalentTo(new { LineNumber = 3L, Kind = TrainingFileProblemKind.InvalidMessages });
        result.ValidExampleCount.Should().Be(2);
    }

    [Fact]
    public async Task Async_MatchesSync()
    {
        string content = Lines(Chat, "", "{\"messages\":[]}", Completion);
        TrainingFileValidationResult sync = Validate(content);

        TrainingFileValidationResult async = await new TrainingFileValidator().ValidateAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)));

        async.Problems.Select(p => p.ToString()).Should().Equal(sync.Problems.Select(p => p.ToString()));
        async.LineCount.Should().Be(sync.LineCount);
        async.Format.Should().Be(TrainingFileFormat.Chat);
    }

    [Fact]
    public async Task Path_ValidatesAFileOnDisk()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Lines(Preference, Preference, "{\"input\":{}}"));
            var validator = new TrainingFileValidator();

            TrainingFileValidationResult sync = validator.Validate(path);
            TrainingFileValidationResult async = await validator.ValidateAsync(path, TrainingFileFormat.Preference);

            foreach (TrainingFileValidationResult result in new[] { sync, async })
            {
                result.Format.Should().Be(TrainingFileFormat.Preference);
                result.Problems.Select(p => (p.LineNumber, p.Kind)).Should().Equal(
                    (3L, TrainingFileProblemKind.MissingMessages),
                    (3L, TrainingFileProblemKind.MissingPreferredOutput),
                    (3L, TrainingFileProblemKind.MissingNonPreferredOutput));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task MissingFileIsAFileNotFoundException()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".jsonl");
        var validator = new TrainingFileValidator();

        validator.Invoking(v => v.Validate(path)).Should().Throw<FileNotFoundException>();
        await validator.Awaiting(v => v.ValidateAsync(path)).Should().ThrowAsync<FileNotFoundException>();
    }

    [Fact]
    public async Task BadArgumentsAreRejectedBeforeReading()
    {
        var validator = new TrainingFileValidator();

        validator.Invoking(v => v.Validate((Stream)null!)).Should().Throw<ArgumentNullException>().WithParameterName("content");
        validator.Invoking(v => v.Validate((string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("path");
        validator.Invoking(v => v.Validate(string.Empty)).Should().Throw<ArgumentException>().WithParameterName("path");
        validator.Invoking(v => v.Validate(new MemoryStream(), (TrainingFileFormat)42)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("format");
        await validator.Awaiting(v => v.ValidateAsync(new WriteOnlyStream())).Should().ThrowAsync<ArgumentException>().WithParameterName("content");
        await validator.Awaiting(v => v.ValidateAsync((Stream)null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("content");
    }

    [Fact]
    public void OptionsRejectLimitsBelowOne()
    {
        var options = new TrainingFileValidationOptions();

        options.Invoking(o => o.MaxLineBytes = 0).Should().Throw<ArgumentOutOfRangeException>();
        options.Invoking(o => o.MaxProblems = 0).Should().Throw<ArgumentOutOfRangeException>();
        options.MaxLineBytes.Should().Be(TrainingFileValidationOptions.DefaultMaxLineBytes);
        options.MaxProblems.Should().Be(TrainingFileValidationOptions.DefaultMaxProblems);
    }

    [Fact]
    public void OptionsAreCopiedWhenTheValidatorIsCreated()
    {
        var options = new TrainingFileValidationOptions { MaxLineBytes = 10_000 };
        var validator = new TrainingFileValidator(options);
        options.MaxLineBytes = 10;

        validator.Validate(new MemoryStream(Encoding.UTF8.GetBytes(Lines(Chat)))).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task CancellationStopsValidation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var validator = new TrainingFileValidator();

        validator.Invoking(v => v.Validate(new MemoryStream(Encoding.UTF8.GetBytes(Chat)), cancellationToken: cancelled.Token)).Should().Throw<OperationCanceledException>();
        await validator.Awaiting(v => v.ValidateAsync(new MemoryStream(Encoding.UTF8.GetBytes(Chat)), cancellationToken: cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void ModelFactoryBuildsResultsForMocks()
    {
        TrainingFileValidationResult result = FineTuningModelFactory.TrainingFileValidationResult(
            TrainingFileFormat.Chat, lineCount: 2, exampleCount: 2, validExampleCount: 1,
            problems: new[] { new TrainingFileProblem(2, TrainingFileProblemKind.NoAssistantMessage, "no assistant") });

        result.IsValid.Should().BeFalse();
        result.ProblemCount.Should().Be(1);
        result.Problems.Single().ToString().Should().Be("line 2: NoAssistantMessage: no assistant");
        result.IsComplete.Should().BeTrue();
        FineTuningModelFactory.TrainingFileValidationResult().IsValid.Should().BeTrue();
    }

    [Fact]
    public void ProblemRejectsBadArguments()
    {
        ((Action)(() => _ = new TrainingFileProblem(-1, TrainingFileProblemKind.EmptyLine, "m"))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lineNumber");
        ((Action)(() => _ = new TrainingFileProblem(1, TrainingFileProblemKind.EmptyLine, null!))).Should().Throw<ArgumentNullException>().WithParameterName("message");
    }

    /// <summary>Hands out at most a few bytes per read, like a slow network stream.</summary>
    private sealed class TrickleStream : MemoryStream
    {
        private readonly int _piece;

        public TrickleStream(byte[] bytes, int piece)
            : base(bytes)
        {
            _piece = piece;
        }

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _piece));
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
