using System.Text;
using Foundry.Training.FineTuning;
using Moq;

namespace Foundry.Training.Tests.FineTuning.Analysis;

/// <summary>
/// Every field of <see cref="TrainingFileAnalysis"/>, with a tokenizer of one token per character so each count is
/// worked out by hand in the comments (overhead: 3 per message, 1 per name, 3 for the reply; tools 7 per function,
/// 3 for parameters, 3 per parameter, -3 per enumeration, 3 per item, 12 at the end).
/// </summary>
public class TrainingFileAnalyzerTests
{
    // system 3+6+9, user 3+4+2+3(bob)+1(name), assistant 3+9+6, reply 3 = 52; the answer is "Hello!" (6).
    internal const string Chat = """{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi","name":"bob"},{"role":"assistant","content":"Hello!"}]}""";

    private static TrainingFileAnalysis Analyze(string content, TrainingFileFormat? format = null, TrainingFileAnalysisOptions? options = null, TrainingTokenCounter? counter = null) =>
        new TrainingFileAnalyzer(counter ?? new CharacterCounter(), options).Analyze(new MemoryStream(Encoding.UTF8.GetBytes(content)), format);

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>A prompt-completion example of exactly <paramref name="tokens"/> tokens, all of them the answer.</summary>
    private static string Sized(int tokens) => $$"""{"prompt":"","completion":"{{new string('a', tokens)}}"}""";

    private static (int Tokens, int Assistant, int Context) Single(TrainingFileAnalysis analysis)
    {
        TrainingExampleTokens example = analysis.Examples.Should().ContainSingle().Subject;
        return (example.Tokens, example.AssistantTokens, example.ContextTokens);
    }

    [Fact]
    public void Chat_CountsEveryStringOfEveryMessage_WithTheOverhead()
    {
        var counter = new CharacterCounter();

        TrainingFileAnalysis analysis = Analyze(Lines(Chat), counter: counter);

        Single(analysis).Should().Be((52, 6, 52));
        counter.Texts.Should().Equal("system", "Be brief.", "user", "Hi", "bob", "assistant", "Hello!");
        analysis.Format.Should().Be(TrainingFileFormat.Chat);
        analysis.Validation.IsValid.Should().BeTrue();
        analysis.Examples[0].LineNumber.Should().Be(1);
    }

    [Fact]
    public void Chat_CountsToolDefinitions_AsOpenAIsGuidanceDoes()
    {
        // Messages: user 3+4+8, assistant 3+9+6, reply 3 = 36.
        // Tool: 7 + "get_weather:Get the weather" (27, final period dropped) + 3 (has parameters)
        //   + city: 3 + "city:string:The city" (20) + unit: 3 + "unit:string:" (12) - 3 (enum) + (3 + "c") + (3 + "f"), + 12 at the end = 92.
        const string Line = """{"messages":[{"role":"user","content":"Weather?"},{"role":"assistant","content":"Sunny."}],"tools":[{"type":"function","function":{"name":"get_weather","description":"Get the weather.","parameters":{"type":"object","properties":{"city":{"type":"string","description":"The city."},"unit":{"type":"string","enum":["c","f"]}}}}}]}""";
        var counter = new CharacterCounter();

        TrainingFileAnalysis analysis = Analyze(Lines(Line), counter: counter);

        Single(analysis).Should().Be((36 + 92, 6, 36 + 92));
        counter.Texts.Should().Contain(new[] { "get_weather:Get the weather", "city:string:The city", "unit:string:", "c", "f" });
    }

    [Theory]
    // Legacy functions: 7 + "now:Time" (8) + 12 = 27.
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"functions":[{"name":"now","description":"Time."}]}""", 24 + 27)]
    // A parameter without type or description: 7 + "f:" + 3 + (3 + "x::") + 12 = 30.
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"properties":{"x":{}}}}}]}""", 24 + 30)]
    // A type that is no string is counted as its JSON: 7 + "f:" + 3 + (3 + "x:[\"string\",\"null\"]:" (20)) + 12 = 47.
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"properties":{"x":{"type":["string","null"]}}}}}]}""", 24 + 47)]
    // Enumeration items that are numbers: 7 + "f:" + 3 + (3 + "n:integer:" (10) - 3 + (3 + "1") + (3 + "2.5")) + 12 = 44.
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"properties":{"n":{"type":"integer","enum":[1,2.5]}}}}}]}""", 24 + 44)]
    // Tools that hold no function definition add nothing; one with a numeric name counts "5:" (7 + 2 + 12 = 21).
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"tools":[1,{"type":"code_interpreter"},{"function":5},{"function":{"name":5,"parameters":{"properties":[]}}}]}""", 24 + 21)]
    // No tools at all, an empty list or a list of nothing to count: no end tokens either.
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"tools":[]}""", 24)]
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"tools":{"a":1}}""", 24)]
    public void Chat_ToolShapes(string line, int tokens)
    {
        TrainingFileAnalysis analysis = Analyze(Lines(line));

        Single(analysis).Tokens.Should().Be(tokens);
    }

    [Fact]
    public void Chat_ContentParts_ToolCalls_ToolMessages_AndWeights()
    {
        // user: 3+4+"What?" (the image is not text) = 12; assistant with a tool call: 3+9+"look"+"{}" = 18 (answer 6);
        // tool: 3+4+"call_1"+"A cat." = 19; assistant with weight 0: 3+9+5 = 17 (not learned from);
        // assistant with weight 1: 3+9+6 = 18 (answer 6); reply 3. Total 87, answers 12.
        const string Line = """{"messages":[{"role":"user","content":[{"type":"text","text":"What?"},{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"look","arguments":"{}"}}]},{"role":"tool","tool_call_id":"call_1","content":"A cat."},{"role":"assistant","content":"Draft","weight":0},{"role":"assistant","content":"A cat!","weight":1}]}""";

        TrainingFileAnalysis analysis = Analyze(Lines(Line));

        Single(analysis).Should().Be((87, 12, 87));
        analysis.Validation.IsValid.Should().BeTrue(string.Join("; ", analysis.Validation.Problems));
    }

    [Fact]
    public void Chat_FunctionCall_NamesAndEscapes()
    {
        // user: 3+4+"café \"q\"" (8 once unescaped) = 15; assistant: 3+9+"now"+"{}" = 17 (answer 5); reply 3 = 35.
        const string Line = """{"messages":[{"role":"user","content":"caf\u00e9 \"q\""},{"role":"assistant","function_call":{"name":"now","arguments":"{}"}}]}""";
        var counter = new CharacterCounter();

        TrainingFileAnalysis analysis = Analyze(Lines(Line), counter: counter);

        Single(analysis).Should().Be((35, 5, 35));
        counter.Texts.Should().Contain("café \"q\"");
    }

    [Fact]
    public void Chat_AnEscapedLoneSurrogate_IsCountedAsWritten()
    {
        // Valid JSON, but no text: "a\ud800b" is counted as its 8 characters; user 3+4+8, assistant 3+9+2, reply 3.
        const string Line = """{"messages":[{"role":"user","content":"a\ud800b"},{"role":"assistant","content":"ok"}]}""";

        Single(Analyze(Lines(Line))).Tokens.Should().Be(32);
    }

    [Fact]
    public void Chat_ALaterDuplicateKeyReplacesAnEarlierOne()
    {
        // As a JSON parser keeps the last value: only the second "messages" counts (user 3+4+1, assistant 3+9+2, reply 3).
        const string Line = """{"messages":[{"role":"user","content":"a long question"}],"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"ok"}]}""";

        Single(Analyze(Lines(Line))).Tokens.Should().Be(25);
    }

    [Fact]
    public void Preference_BillsTheInputAndBothOutputs_ButFitsTheInputWithTheLongerOutput()
    {
        // Input: user 3+4+2, reply 3 = 12 (no tools: an empty list adds nothing). Preferred: 3+9+11 = 23. Non-preferred: 3+9+2 = 14.
        const string Line = """{"input":{"messages":[{"role":"user","content":"Hi"}],"tools":[]},"preferred_output":[{"role":"assistant","content":"Hello there"}],"non_preferred_output":[{"role":"assistant","content":"Go"}]}""";

        TrainingFileAnalysis analysis = Analyze(Lines(Line));

        analysis.Format.Should().Be(TrainingFileFormat.Preference);
        Single(analysis).Should().Be((12 + 23 + 14, 11 + 2, 12 + 23));
        analysis.BilledTokensPerEpoch.Should().Be(49);
    }

    [Fact]
    public void Preference_InputTools_AreCounted()
    {
        // Input: 12 + tool (7 + "f:" + 12 = 21). Outputs 3+9+1 each.
        const string Line = """{"input":{"messages":[{"role":"user","content":"Hi"}],"tools":[{"type":"function","function":{"name":"f"}}]},"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}""";

        Single(Analyze(Lines(Line))).Should().Be((33 + 13 + 13, 2, 33 + 13));
    }

    [Fact]
    public void PromptCompletion_CountsPromptAndCompletion()
    {
        TrainingFileAnalysis analysis = Analyze(Lines("""{"prompt":"2+2=","completion":" 4"}"""));

        analysis.Format.Should().Be(TrainingFileFormat.PromptCompletion);
        Single(analysis).Should().Be((6, 2, 6));
    }

    [Fact]
    public void Reinforcement_CountsThePrompt_IsNotBilledByTokens_AndNeedsNoAnswers()
    {
        // developer 3+9+9, user 3+4+4, reply 3 = 35; grader data (reference_answer) is not read by the model.
        const string Line = """{"messages":[{"role":"developer","content":"Be exact."},{"role":"user","content":"2+2?"}],"reference_answer":"4"}""";

        TrainingFileAnalysis analysis = Analyze(Lines(Line, Line), TrainingFileFormat.Reinforcement, new TrainingFileAnalysisOptions { PricePerMillionTokens = 100m });

        analysis.Validation.IsValid.Should().BeTrue(string.Join("; ", analysis.Validation.Problems));
        analysis.Format.Should().Be(TrainingFileFormat.Reinforcement);
        analysis.Examples.Select(e => (e.Tokens, e.AssistantTokens)).Should().Equal((35, 0), (35, 0));
        analysis.ExamplesWithoutAssistantTokensCount.Should().Be(0);
        analysis.ExamplesWithoutAssistantTokens.Should().BeEmpty();
        analysis.BilledTokensPerEpoch.Should().Be(70);
        analysis.EstimatedBilledTokens.Should().BeNull("reinforcement fine-tuning is billed by training time");
        analysis.EstimatedCost.Should().BeNull();
    }

    [Fact]
    public void Distribution_IsExact_WithNumPysLinearPercentiles()
    {
        TrainingFileAnalysis analysis = Analyze(Lines(Sized(30), Sized(10), Sized(100), Sized(20), Sized(40)));

        TokenCountDistribution tokens = analysis.TokenDistribution!;
        tokens.Count.Should().Be(5);
        tokens.Total.Should().Be(200);
        (tokens.Min, tokens.Max).Should().Be((10, 100));
        tokens.Mean.Should().Be(40);
        tokens.Median.Should().Be(30);
        tokens.P5.Should().BeApproximately(12, 1e-9);  // rank 0.2: 10 + 0.2 × (20 - 10)
        tokens.P95.Should().BeApproximately(88, 1e-9); // rank 3.8: 40 + 0.8 × (100 - 40)
        analysis.AssistantTokenDistribution!.Total.Should().Be(200, "a completion is all answer");
        analysis.ExampleCount.Should().Be(5);
        analysis.Examples.Select(e => e.LineNumber).Should().Equal(1L, 2L, 3L, 4L, 5L);
    }

    [Fact]
    public void Distribution_WithRepeatedCounts_AndASingleExample()
    {
        TokenCountDistribution repeated = Analyze(Lines(Sized(5), Sized(7), Sized(5), Sized(5))).TokenDistribution!;
        repeated.Median.Should().Be(5);
        repeated.P95.Should().BeApproximately(6.7, 1e-9); // rank 2.85: 5 + 0.85 × (7 - 5)
        repeated.Mean.Should().Be(5.5);

        TokenCountDistribution single = Analyze(Lines(Sized(9))).TokenDistribution!;
        (single.Min, single.Max, single.Median, single.P5, single.P95).Should().Be((9, 9, 9.0, 9.0, 9.0));
    }

    [Fact]
    public void NoExamples_NoDistributions()
    {
        TrainingFileAnalysis analysis = Analyze(string.Empty);

        analysis.ExampleCount.Should().Be(0);
        analysis.TokenDistribution.Should().BeNull();
        analysis.AssistantTokenDistribution.Should().BeNull();
        analysis.Examples.Should().BeEmpty();
        analysis.BilledTokensPerEpoch.Should().Be(0);
        analysis.EstimatedBilledTokens.Should().Be(0);
        analysis.DefaultEpochs.Should().Be(25);
        analysis.Validation.Problems.Single().Kind.Should().Be(TrainingFileProblemKind.NoExamples);
    }

    [Fact]
    public void OverLimit_ListsLineNumbers_AndBillsAtMostTheLimit()
    {
        TrainingFileAnalysis analysis = Analyze(
            Lines(Sized(10), Sized(20), Sized(30), Sized(40), Sized(100)),
            options: new TrainingFileAnalysisOptions { MaxTokensPerExample = 25 });

        analysis.MaxTokensPerExample.Should().Be(25);
        analysis.ExamplesOverLimitCount.Should().Be(3);
        analysis.ExamplesOverLimit.Select(e => (e.LineNumber, e.ContextTokens)).Should().Equal((3L, 30), (4L, 40), (5L, 100));
        analysis.BilledTokensPerEpoch.Should().Be(10 + 20 + 25 + 25 + 25);
        analysis.TokenDistribution!.Max.Should().Be(100, "the distribution shows the examples as they are");
    }

    [Fact]
    public void Limit_ComesFromTheCounter_UnlessTheOptionsSetOne()
    {
        string file = Lines(Sized(10), Sized(60));

        Analyze(file, counter: new CharacterCounter(maxTokensPerExample: 50)).ExamplesOverLimit.Select(e => e.LineNumber).Should().Equal(2L);
        Analyze(file, counter: new CharacterCounter(maxTokensPerExample: 50), options: new TrainingFileAnalysisOptions { MaxTokensPerExample = 5 })
            .ExamplesOverLimitCount.Should().Be(2);

        TrainingFileAnalysis unlimited = Analyze(file);
        unlimited.MaxTokensPerExample.Should().BeNull();
        unlimited.ExamplesOverLimitCount.Should().Be(0);
        unlimited.BilledTokensPerEpoch.Should().Be(70);
    }

    [Fact]
    public void Preference_OverLimit_IsJudgedOnTheLongestSequence()
    {
        // Tokens 49, context 35 (see above): a limit of 40 is enough, and the example bills at most 40.
        const string Line = """{"input":{"messages":[{"role":"user","content":"Hi"}]},"preferred_output":[{"role":"assistant","content":"Hello there"}],"non_preferred_output":[{"role":"assistant","content":"Go"}]}""";

        TrainingFileAnalysis analysis = Analyze(Lines(Line), options: new TrainingFileAnalysisOptions { MaxTokensPerExample = 40 });

        analysis.ExamplesOverLimitCount.Should().Be(0);
        analysis.BilledTokensPerEpoch.Should().Be(40);
    }

    [Fact]
    public void WithoutAssistantTokens_ListsExamplesThatTeachNothing()
    {
        const string Silenced = """{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a","weight":0}]}""";
        const string Unanswered = """{"messages":[{"role":"user","content":"q"}]}""";

        TrainingFileAnalysis analysis = Analyze(Lines(Chat, Silenced, Unanswered));

        analysis.ExamplesWithoutAssistantTokensCount.Should().Be(2);
        analysis.ExamplesWithoutAssistantTokens.Select(e => e.LineNumber).Should().Equal(2L, 3L);
        analysis.ExampleCount.Should().Be(3, "an example with a problem is still counted");
        analysis.Validation.Problems.Select(p => (p.LineNumber, p.Kind)).Should().Equal((3L, TrainingFileProblemKind.NoAssistantMessage));
    }

    [Fact]
    public void LinesThatAreNoExampleOfTheFormat_AreNotCounted()
    {
        string file = Lines(Chat, "{not json", "[1]", """{"prompt":"p","completion":"c"}""", string.Empty, Chat, new string('x', 300));

        TrainingFileAnalysis analysis = Analyze(file, options: new TrainingFileAnalysisOptions { MaxLineBytes = 200 });

        analysis.ExampleCount.Should().Be(2);
        analysis.Examples.Select(e => e.LineNumber).Should().Equal(1L, 6L);
        analysis.Validation.Problems.Select(p => p.Kind).Should().Equal(
            TrainingFileProblemKind.InvalidJson, TrainingFileProblemKind.NotAnObject, TrainingFileProblemKind.MixedFormat,
            TrainingFileProblemKind.EmptyLine, TrainingFileProblemKind.LineTooLong);
    }

    [Theory]
    [InlineData("""{"messages":5}""", 3)]
    [InlineData("""{"messages":[1,"x",null,[],{"role":5,"content":{"a":1},"name":null,"tool_calls":{},"function_call":[],"weight":"0"}]}""", 3 + 1 + 3)] // the string "0" is text
    [InlineData("""{"messages":[{"role":"assistant","content":[1,"x",{"text":5},{"text":"ok"}],"tool_calls":[1,{"function":[]},{"function":{"name":1,"arguments":{}}}]}]}""", 3 + 3 + 9 + 2)]
    public void OddShapesCountWhatTheyCan_AndNeverThrow(string line, int tokens)
    {
        TrainingFileAnalysis analysis = Analyze(Lines(line), TrainingFileFormat.Chat);

        Single(analysis).Tokens.Should().Be(tokens);
    }

    [Theory]
    [InlineData("""{"input":[],"preferred_output":{},"non_preferred_output":5}""", 3)]
    [InlineData("""{"input":{"messages":{}},"preferred_output":[1],"non_preferred_output":[]}""", 3)]
    [InlineData("""{"prompt":5,"completion":["x"]}""", 0)]
    public void OddShapesOfOtherFormats(string line, int tokens)
    {
        TrainingFileFormat format = line.Contains("prompt", StringComparison.Ordinal) ? TrainingFileFormat.PromptCompletion : TrainingFileFormat.Preference;

        Single(Analyze(Lines(line), format)).Tokens.Should().Be(tokens);
    }

    [Theory]
    [InlineData(0, 25)]
    [InlineData(1, 25)]
    [InlineData(4, 25)]
    [InlineData(5, 20)]
    [InlineData(20, 5)]
    [InlineData(30, 3)] // 90 < 100, but 100 / 30 is 3 in integer division, as the notebook computes
    [InlineData(33, 3)]
    [InlineData(34, 3)]
    [InlineData(100, 3)]
    [InlineData(8_333, 3)]
    [InlineData(8_334, 2)] // 25,002 > 25,000
    [InlineData(12_500, 2)]
    [InlineData(12_501, 1)]
    [InlineData(1_000_000, 1)]
    public void DefaultEpochs_FollowTheCookbooksRule(long examples, int epochs)
    {
        TrainingFileAnalysisRun.DefaultEpochs(examples).Should().Be(epochs);
    }

    [Fact]
    public void BilledTokens_AndCost_ForTheDefaultOrTheGivenEpochs()
    {
        string file = Lines(Sized(10), Sized(20), Sized(30), Sized(40), Sized(100));

        TrainingFileAnalysis byDefault = Analyze(file, options: new TrainingFileAnalysisOptions { MaxTokensPerExample = 25, PricePerMillionTokens = 8m });
        byDefault.DefaultEpochs.Should().Be(20);
        byDefault.Epochs.Should().Be(20);
        byDefault.EstimatedBilledTokens.Should().Be(105 * 20);
        byDefault.PricePerMillionTokens.Should().Be(8m);
        byDefault.EstimatedCost.Should().Be(2100m * 8m / 1_000_000m);

        TrainingFileAnalysis given = Analyze(file, options: new TrainingFileAnalysisOptions { Epochs = 2 });
        given.DefaultEpochs.Should().Be(20);
        given.Epochs.Should().Be(2);
        given.EstimatedBilledTokens.Should().Be(200 * 2);
        given.EstimatedCost.Should().BeNull("no price was given: the SDK knows none");
    }

    [Fact]
    public void MaxListedExamples_CapsEveryList_ButNotTheCounts()
    {
        string file = Lines(Sized(30), Sized(40), Sized(50), """{"prompt":"p","completion":""}""");

        TrainingFileAnalysis two = Analyze(file, options: new TrainingFileAnalysisOptions { MaxTokensPerExample = 10, MaxListedExamples = 2 });
        two.Examples.Select(e => e.LineNumber).Should().Equal(1L, 2L);
        two.ExampleCount.Should().Be(4);
        two.ExamplesOverLimit.Should().HaveCount(2);
        two.ExamplesOverLimitCount.Should().Be(3);
        two.TokenDistribution!.Count.Should().Be(4);

        TrainingFileAnalysis none = Analyze(file, options: new TrainingFileAnalysisOptions { MaxTokensPerExample = 10, MaxListedExamples = 0 });
        none.Examples.Should().BeEmpty();
        none.ExamplesOverLimit.Should().BeEmpty();
        none.ExamplesWithoutAssistantTokens.Should().BeEmpty();
        none.ExamplesWithoutAssistantTokensCount.Should().Be(1);
    }

    [Fact]
    public async Task StreamAndPath_SyncAndAsync_Agree()
    {
        string path = Path.Combine(Path.GetTempPath(), "foundry-analysis-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllTextAsync(path, Lines(Chat, Sized(7), Chat));
        try
        {
            var analyzer = new TrainingFileAnalyzer(new CharacterCounter(), new TrainingFileAnalysisOptions { MaxTokensPerExample = 50 });
            TrainingFileAnalysis[] results =
            {
                analyzer.Analyze(path),
                await analyzer.AnalyzeAsync(path),
                AnalyzeOpened(analyzer, path),
                await analyzer.AnalyzeAsync(new TrickleStream(File.ReadAllBytes(path), 3)),
            };

            foreach (TrainingFileAnalysis result in results)
            {
                result.Examples.Select(e => (e.LineNumber, e.Tokens)).Should().Equal((1L, 52), (3L, 52));
                result.ExamplesOverLimitCount.Should().Be(2);
                result.Validation.Problems.Single().Kind.Should().Be(TrainingFileProblemKind.MixedFormat);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static TrainingFileAnalysis AnalyzeOpened(TrainingFileAnalyzer analyzer, string path)
    {
        using FileStream stream = File.OpenRead(path);
        return analyzer.Analyze(stream);
    }

    [Fact]
    public void Progress_IsReportedAboutEveryMebibyte_AndAtTheEnd()
    {
        string line = Chat + "\n";
        int lines = (3 * 1024 * 1024 / line.Length) + 1;
        byte[] content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, lines)));
        var reports = new List<TrainingFileAnalysisProgress>();
        var analyzer = new TrainingFileAnalyzer(new CharacterCounter(record: false));

        TrainingFileAnalysis analysis = analyzer.Analyze(new MemoryStream(content), progress: new ListProgress(reports));

        reports.Should().HaveCount(4, "three mebibytes, then the end");
        reports.Select(r => r.BytesRead).Should().BeInAscendingOrder();
        reports.Take(3).Select(r => r.BytesRead).Should().OnlyContain(b => b >= 1024 * 1024);
        TrainingFileAnalysisProgress last = reports[^1];
        (last.BytesRead, last.TotalBytes, last.ExampleCount, last.Fraction).Should().Be(((long)content.Length, (long?)content.Length, (long)lines, (double?)1.0));
        analysis.ExampleCount.Should().Be(lines);

        var unseekable = new List<TrainingFileAnalysisProgress>();
        analyzer.Analyze(new TrickleStream(Encoding.UTF8.GetBytes(Lines(Chat)), 1000, seekable: false), progress: new ListProgress(unseekable));
        unseekable.Should().ContainSingle().Which.TotalBytes.Should().BeNull();
        unseekable[0].Fraction.Should().BeNull();
    }

    [Fact]
    public async Task BadArgumentsAreRejectedBeforeReading()
    {
        var analyzer = new TrainingFileAnalyzer(new CharacterCounter());

        FluentActions.Invoking(() => new TrainingFileAnalyzer(null!)).Should().Throw<ArgumentNullException>().WithParameterName("tokenCounter");
        analyzer.Invoking(a => a.Analyze((Stream)null!)).Should().Throw<ArgumentNullException>().WithParameterName("content");
        analyzer.Invoking(a => a.Analyze((string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("path");
        analyzer.Invoking(a => a.Analyze(string.Empty)).Should().Throw<ArgumentException>().WithParameterName("path");
        analyzer.Invoking(a => a.Analyze(new MemoryStream(), (TrainingFileFormat)42)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("format");
        analyzer.Invoking(a => a.Analyze("x.jsonl", (TrainingFileFormat)42)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("format");
        await analyzer.Awaiting(a => a.AnalyzeAsync(new WriteOnlyStream())).Should().ThrowAsync<ArgumentException>().WithParameterName("content");
        await analyzer.Awaiting(a => a.AnalyzeAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")))).Should().ThrowAsync<FileNotFoundException>();
    }

    [Fact]
    public void OptionsRejectBadValues_AndAreCopied()
    {
        var options = new TrainingFileAnalysisOptions();
        options.Invoking(o => o.MaxTokensPerExample = 0).Should().Throw<ArgumentOutOfRangeException>();
        options.Invoking(o => o.Epochs = 0).Should().Throw<ArgumentOutOfRangeException>();
        options.Invoking(o => o.PricePerMillionTokens = -0.01m).Should().Throw<ArgumentOutOfRangeException>();
        options.Invoking(o => o.MaxListedExamples = -1).Should().Throw<ArgumentOutOfRangeException>();
        options.MaxListedExamples.Should().Be(TrainingFileAnalysisOptions.DefaultMaxListedExamples);

        options.MaxTokensPerExample = 5;
        var analyzer = new TrainingFileAnalyzer(new CharacterCounter(), options);
        options.MaxTokensPerExample = 1000;
        options.MaxLineBytes = 10;

        TrainingFileAnalysis analysis = analyzer.Analyze(new MemoryStream(Encoding.UTF8.GetBytes(Lines(Chat))));
        analysis.MaxTokensPerExample.Should().Be(5);
        analysis.Validation.IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task CancellationStopsTheAnalysis()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var analyzer = new TrainingFileAnalyzer(new CharacterCounter());

        analyzer.Invoking(a => a.Analyze(new MemoryStream(Encoding.UTF8.GetBytes(Chat)), cancellationToken: cancelled.Token)).Should().Throw<OperationCanceledException>();
        await analyzer.Awaiting(a => a.AnalyzeAsync(new MemoryStream(Encoding.UTF8.GetBytes(Chat)), cancellationToken: cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void ResultTypes_AndTheModelFactory()
    {
        var example = new TrainingExampleTokens(3, 1200, 400, 1200);
        example.ToString().Should().Be("line 3: 1,200 tokens (400 assistant)");
        FluentActions.Invoking(() => new TrainingExampleTokens(0, 1, 1, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lineNumber");
        FluentActions.Invoking(() => new TrainingExampleTokens(1, -1, 1, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tokens");
        FluentActions.Invoking(() => new TrainingExampleTokens(1, 1, -1, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("assistantTokens");
        FluentActions.Invoking(() => new TrainingExampleTokens(1, 1, 1, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("contextTokens");
        new TrainingFileAnalysisProgress(5, 0, 1).Fraction.Should().BeNull();

        TokenCountDistribution distribution = FineTuningModelFactory.TokenCountDistribution(count: 4, total: 10, min: 1, max: 4, median: 2.5, p5: 1.15, p95: 3.85);
        distribution.Mean.Should().Be(2.5);
        FineTuningModelFactory.TokenCountDistribution().Mean.Should().Be(0);

        TrainingFileAnalysis analysis = FineTuningModelFactory.TrainingFileAnalysis(
            exampleCount: 10, examples: new[] { example }, tokenDistribution: distribution, maxTokensPerExample: 1000,
            examplesOverLimit: new[] { example }, billedTokensPerEpoch: 5000, estimatedBilledTokens: 15000, pricePerMillionTokens: 2m, estimatedCost: 0.03m);
        analysis.Format.Should().Be(TrainingFileFormat.Chat);
        analysis.Validation.ExampleCount.Should().Be(10);
        analysis.IsComplete.Should().BeTrue();
        analysis.ExamplesOverLimitCount.Should().Be(1);
        analysis.ExamplesWithoutAssistantTokensCount.Should().Be(0);
        (analysis.DefaultEpochs, analysis.Epochs).Should().Be((3, 3));
        analysis.EstimatedCost.Should().Be(0.03m);
    }

    [Fact]
    public async Task TheAnalyzerCanBeMocked()
    {
        TrainingFileAnalysis canned = FineTuningModelFactory.TrainingFileAnalysis(exampleCount: 1);
        var analyzer = new Mock<TrainingFileAnalyzer>();
        analyzer.Setup(a => a.AnalyzeAsync("train.jsonl", null, null, default)).ReturnsAsync(canned);

        (await analyzer.Object.AnalyzeAsync("train.jsonl")).Should().BeSameAs(canned);
    }

    private sealed class ListProgress(List<TrainingFileAnalysisProgress> reports) : IProgress<TrainingFileAnalysisProgress>
    {
        public void Report(TrainingFileAnalysisProgress value) => reports.Add(value);
    }

    /// <summary>Returns at most a few bytes per read, so lines span reads.</summary>
    private sealed class TrickleStream(byte[] content, int piece, bool seekable = true) : MemoryStream(content)
    {
        public override bool CanSeek => seekable && base.CanSeek;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, piece));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, piece), cancellationToken);
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
