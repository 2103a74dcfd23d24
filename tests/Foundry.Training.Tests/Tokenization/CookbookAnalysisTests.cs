using System.Text;
using System.Text.Json;
using Foundry.Training.FineTuning;
using Foundry.Training.Tokenization;

namespace Foundry.Training.Tests.Tokenization;

/// <summary>
/// Whole examples and a whole file analyzed with the real tokenizers, against the numbers the OpenAI Cookbook published
/// for them (computed there with tiktoken and, for the chat examples, checked against the OpenAI API's usage).
/// </summary>
public class CookbookAnalysisTests
{
    /// <summary>
    /// The Cookbook's toy training file (examples/data/toy_chat_fine_tuning.jsonl of openai/openai-cookbook), as used by
    /// "Data preparation and analysis for chat model fine-tuning" (examples/Chat_finetuning_data_prep.ipynb).
    /// </summary>
    private static string ToyChatFile()
    {
        const string Happy = "You are a happy assistant that puts a positive spin on everything.";
        string Example(params (string Role, string Content)[] messages) =>
            JsonSerializer.Serialize(new { messages = messages.Select(m => new { role = m.Role, content = m.Content }) });
        return string.Join("\n", new[]
        {
            Example(("system", Happy), ("user", "I fell off my bike today."), ("assistant", "It's great that you're getting exercise outdoors!")),
            Example(("system", Happy), ("user", "I lost my tennis match today."), ("assistant", "It's ok, it happens to everyone."), ("user", "But I trained so hard!"),
                ("assistant", "It will pay off next time."), ("user", "I'm going to switch to golf."), ("assistant", "Golf is fun too!"),
                ("user", "I don't even know how to play golf."), ("assistant", "It's easy to learn!")),
            Example(("user", "I lost my book today."), ("assistant", "You can read everything on ebooks these days!")),
            Example(("system", Happy), ("assistant", "You're great!")),
            Example(("system", Happy), ("user", "I'm hungry."), ("assistant", string.Concat(Enumerable.Repeat("Eat a banana!", 2000)))),
        }) + "\n";
    }

    [Fact]
    public void ToyChatFile_MatchesTheDataPreparationNotebooksPublishedAnalysis()
    {
        // The notebook counts with cl100k_base and a 4,096-token limit.
        var analyzer = new TrainingFileAnalyzer(TiktokenTokenCounter.ForEncoding(TiktokenEncoding.Cl100kBase, maxTokensPerExample: 4096));

        TrainingFileAnalysis analysis = analyzer.Analyze(new MemoryStream(Encoding.UTF8.GetBytes(ToyChatFile())));

        // Published: "num_total_tokens_per_example: min / max: 26, 8032; mean / median: 1648.4, 45.0".
        TokenCountDistribution tokens = analysis.TokenDistribution!;
        (tokens.Min, tokens.Max, tokens.Mean, tokens.Median).Should().Be((26, 8032, 1648.4, 45.0));

        // Published: "num_assistant_tokens_per_example: min / max: 4, 8000; mean / median: 1610.2, 10.0".
        TokenCountDistribution assistant = analysis.AssistantTokenDistribution!;
        (assistant.Min, assistant.Max, assistant.Mean, assistant.Median).Should().Be((4, 8000, 1610.2, 10.0));

        // The notebook's "p5 / p95" line prints its 10th and 90th percentiles (26.8, 4863.6 and 6.0, 4811.2): with the
        // published min, max, mean and median they fix every example's count, which therefore are:
        analysis.Examples.Select(e => e.Tokens).Order().Should().Equal(26, 28, 45, 111, 8032);
        analysis.Examples.Select(e => e.AssistantTokens).Order().Should().Equal(4, 9, 10, 28, 8000);
        tokens.P5.Should().BeApproximately(26.4, 1e-9);  // the true 5th and 95th percentiles of those counts
        tokens.P95.Should().BeApproximately(6447.8, 1e-9);

        // Published: "1 examples may be over the 4096 token limit".
        analysis.ExamplesOverLimitCount.Should().Be(1);
        analysis.ExamplesOverLimit.Single().LineNumber.Should().Be(5);

        // Published: "Dataset has ~4306 tokens that will be charged for during training; By default, you'll train for
        // 20 epochs on this dataset; By default, you'll be charged for ~86120 tokens".
        analysis.BilledTokensPerEpoch.Should().Be(4306);
        analysis.DefaultEpochs.Should().Be(20);
        analysis.EstimatedBilledTokens.Should().Be(86120);
        analysis.ExamplesWithoutAssistantTokensCount.Should().Be(0);
        analysis.Validation.IsValid.Should().BeTrue();
    }

    /// <summary>
    /// "How to count tokens with tiktoken", section 6: six messages with names; num_tokens_from_messages() and the OpenAI
    /// API both count 129 prompt tokens for gpt-3.5-turbo and gpt-4, 124 for gpt-4o and gpt-4o-mini.
    /// </summary>
    [Theory]
    [InlineData("gpt-3.5-turbo", 129)]
    [InlineData("gpt-4-0613", 129)]
    [InlineData("gpt-4", 129)]
    [InlineData("gpt-4o", 124)]
    [InlineData("gpt-4o-mini", 124)]
    public void MessagesWithNames_MatchThePublishedCount(string model, int tokens)
    {
        const string Line = """{"messages":[{"role":"system","content":"You are a helpful, pattern-following assistant that translates corporate jargon into plain English."},{"role":"system","name":"example_user","content":"New synergies will help drive top-line growth."},{"role":"system","name":"example_assistant","content":"Things working well together will increase revenue."},{"role":"system","name":"example_user","content":"Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage."},{"role":"system","name":"example_assistant","content":"Let's talk later when we're less busy about how to do better."},{"role":"user","content":"This late pivot means we don't have time to boil the ocean for the client deliverable."}]}""";

        TrainingFileAnalysis analysis = new TrainingFileAnalyzer(TiktokenTokenCounter.ForModel(model)).Analyze(new MemoryStream(Encoding.UTF8.GetBytes(Line)));

        analysis.Examples.Single().Tokens.Should().Be(tokens);
    }

    /// <summary>
    /// "How to count tokens with tiktoken", section 7: two messages and one function tool; num_tokens_for_tools() and
    /// the OpenAI API both count 105 prompt tokens for gpt-3.5-turbo and gpt-4, 101 for gpt-4o and gpt-4o-mini.
    /// </summary>
    [Theory]
    [InlineData("gpt-3.5-turbo", 105)]
    [InlineData("gpt-4", 105)]
    [InlineData("gpt-4o", 101)]
    [InlineData("gpt-4o-mini", 101)]
    public void MessagesWithTools_MatchThePublishedCount(string model, int tokens)
    {
        const string Line = """{"messages":[{"role":"system","content":"You are a helpful assistant that can answer to questions about the weather."},{"role":"user","content":"What's the weather like in San Francisco?"}],"tools":[{"type":"function","function":{"name":"get_current_weather","description":"Get the current weather in a given location","parameters":{"type":"object","properties":{"location":{"type":"string","description":"The city and state, e.g. San Francisco, CA"},"unit":{"type":"string","description":"The unit of temperature to return","enum":["celsius","fahrenheit"]}},"required":["location"]}}}]}""";

        TrainingFileAnalysis analysis = new TrainingFileAnalyzer(TiktokenTokenCounter.ForModel(model)).Analyze(new MemoryStream(Encoding.UTF8.GetBytes(Line)));

        analysis.Examples.Single().Tokens.Should().Be(tokens);
    }
}
