using System.Text;
using Foundry.Training.FineTuning;
using Foundry.Training.Tokenization;

namespace Foundry.Training.Tests.Tokenization;

/// <summary>
/// The counts of <see cref="TiktokenTokenCounter"/> against numbers obtained without it: tiktoken's published outputs,
/// and an independent implementation of tiktoken (<see cref="ReferenceTiktoken"/>) over a varied corpus.
/// </summary>
public class TiktokenTokenCounterTests
{
    /// <summary>Texts of many kinds: prose, code, numbers, whitespace runs, contractions, scripts with marks, CJK, emoji, astral letters.</summary>
    public static readonly string[] Corpus =
    {
        "Hello, world!",
        "The quick brown fox jumps over the lazy dog. THE QUICK BROWN FOX.",
        "I'm sure you're right; they'LL see it's what we'd've DONE.",
        "public static int Main(string[] args) { return args.Length > 0 ? 1 : 0; }",
        "def f(x):\n    return {\"a\": [1, 2, 3], 'b': None}\n\n\nprint(f(42))",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        "1234567890 3.14159 -0.5e-10 2024-07-18 12:00:00 $1,000,000.00 100%",
        "a  b   c    d\t\te\r\nf\n\n\ng     ",
        "   leading spaces and trailing spaces   ",
        "\n\n\n",
        "!!!???...---___***///\\\\|||",
        "https://example.com/path/to/file.jsonl?query=1&other=two#fragment",
        "naïve café résumé Straße ÀÉÎÕÜ çà",
        "Съешь же ещё этих мягких французских булок, да выпей чаю.",
        "नमस्ते दुनिया, यह एक परीक्षण है।",
        "مرحبا بالعالم، هذا اختبار.",
        "お誕生日おめでとう 今日は良い天気ですね。",
        "안녕하세요 세계",
        "你好，世界！这是一个测试。",
        "👍🏽 family: 👨‍👩‍👧‍👦, flags: 🇳🇴🇯🇵, faces 😀😂🤣",
        "😀abc🙂def",
        "𝐀𝐁𝐂 bold 𝒳 script 𠀀𠀁 extension-B",
        "𝒳-h 𠀀/o 𝐁*q 𝟎𝟏𝟐𝟑𝟒 x²𝟓", // letters and digits outside the basic plane next to punctuation: split by code point, as tiktoken does
        "∑x² + ∫f(x)dx ≈ π·r² ≤ ∞ → ∀ε>0",
        "Ünïcödé\u0301 combining\u0308 marks\u20DD",
        "tab\tseparated\tvalues\nnext\tline",
        "CamelCaseIdentifierWithHTTPServerAndXMLParser snake_case_name kebab-case-name",
        "'s 't 're 've 'm 'll 'd 'S 'T 'RE",
        "antidisestablishmentarianism",
        "2 + 2 = 4",
        "tiktoken is great!",
    };

    public static TheoryData<TiktokenEncoding, string> Texts()
    {
        var data = new TheoryData<TiktokenEncoding, string>();
        foreach (TiktokenEncoding encoding in new[] { TiktokenEncoding.O200kBase, TiktokenEncoding.Cl100kBase })
        {
            foreach (string text in Corpus)
            {
                data.Add(encoding, text);
            }
        }

        return data;
    }

    [Theory]
    // Published by the OpenAI Cookbook, "How to count tokens with tiktoken" (examples/How_to_count_tokens_with_tiktoken.ipynb,
    // sections 3 and 5: num_tokens_from_string and compare_encodings outputs).
    [InlineData(TiktokenEncoding.Cl100kBase, "tiktoken is great!", 6)]
    [InlineData(TiktokenEncoding.Cl100kBase, "antidisestablishmentarianism", 6)]
    [InlineData(TiktokenEncoding.Cl100kBase, "2 + 2 = 4", 7)]
    [InlineData(TiktokenEncoding.Cl100kBase, "お誕生日おめでとう", 9)]
    [InlineData(TiktokenEncoding.O200kBase, "tiktoken is great!", 6)]
    [InlineData(TiktokenEncoding.O200kBase, "antidisestablishmentarianism", 6)]
    [InlineData(TiktokenEncoding.O200kBase, "2 + 2 = 4", 7)]
    [InlineData(TiktokenEncoding.O200kBase, "お誕生日おめでとう", 8)]
    public void Counts_MatchTiktokensPublishedOutputs(TiktokenEncoding encoding, string text, int tokens)
    {
        TiktokenTokenCounter.ForEncoding(encoding).CountTokens(text).Should().Be(tokens);
        (encoding == TiktokenEncoding.O200kBase ? ReferenceTiktoken.O200kBase : ReferenceTiktoken.Cl100kBase).Count(text).Should().Be(tokens, "the reference agrees with tiktoken too");
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Counts_MatchAnIndependentImplementationOfTiktoken(TiktokenEncoding encoding, string text)
    {
        ReferenceTiktoken reference = encoding == TiktokenEncoding.O200kBase ? ReferenceTiktoken.O200kBase : ReferenceTiktoken.Cl100kBase;

        TiktokenTokenCounter.ForEncoding(encoding).CountTokens(text).Should().Be(reference.Count(text));
    }

    [Theory]
    [InlineData(TiktokenEncoding.O200kBase, 199_998)]
    [InlineData(TiktokenEncoding.Cl100kBase, 100_256)]
    public void Counts_MatchTheReference_OnARandomText(TiktokenEncoding encoding, int vocabularySize)
    {
        ReferenceTiktoken reference = encoding == TiktokenEncoding.O200kBase ? ReferenceTiktoken.O200kBase : ReferenceTiktoken.Cl100kBase;
        reference.VocabularySize.Should().Be(vocabularySize, "the vocabulary file is read whole");

        // 20,000 characters drawn from every kind of the corpus, with a fixed seed.
        string pool = string.Concat(Corpus);
        var random = new Random(16);
        var text = new StringBuilder();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(pool);
        var graphemes = new List<string>();
        while (elements.MoveNext())
        {
            graphemes.Add(elements.GetTextElement());
        }

        while (text.Length < 20_000)
        {
            text.Append(graphemes[random.Next(graphemes.Count)]);
        }

        string sample = text.ToString();
        TiktokenTokenCounter.ForEncoding(encoding).CountTokens(sample).Should().Be(reference.Count(sample));
    }

    [Fact]
    public void SpecialTokenText_CountsAsTheSpecialToken()
    {
        // As tiktoken's encode(text, allowed_special="all"); encode_ordinary (the reference) spells it out.
        TiktokenTokenCounter counter = TiktokenTokenCounter.ForEncoding(TiktokenEncoding.Cl100kBase);

        counter.CountTokens("<|endoftext|>").Should().Be(1);
        ReferenceTiktoken.Cl100kBase.Count("<|endoftext|>").Should().BeGreaterThan(1);
    }

    [Fact]
    public void EmptyText_HasNoTokens()
    {
        TiktokenTokenCounter.ForEncoding(TiktokenEncoding.O200kBase).CountTokens(ReadOnlySpan<char>.Empty).Should().Be(0);
    }

    [Theory]
    [InlineData("gpt-4o-mini-2024-07-18", TiktokenEncoding.O200kBase, 65_536)]
    [InlineData("gpt-4o-2024-08-06", TiktokenEncoding.O200kBase, 65_536)]
    [InlineData("gpt-4.1-mini-2025-04-14", TiktokenEncoding.O200kBase, 65_536)]
    [InlineData("gpt-4.1-nano", TiktokenEncoding.O200kBase, 65_536)]
    [InlineData("GPT-4O-MINI", TiktokenEncoding.O200kBase, 65_536)]
    [InlineData("ft:gpt-4o-mini-2024-07-18:my-org::abc123", TiktokenEncoding.O200kBase, 65_536)]
    [InlineData("gpt-4o-mini-2024-07-18.ft-0123456789abcdef", TiktokenEncoding.O200kBase, 65_536)]
    [InlineData("gpt-4.5-preview", TiktokenEncoding.O200kBase, null)]
    [InlineData("gpt-5-mini", TiktokenEncoding.O200kBase, null)]
    [InlineData("o4-mini-2025-04-16", TiktokenEncoding.O200kBase, null)]
    [InlineData("o3", TiktokenEncoding.O200kBase, null)]
    [InlineData("o1-mini", TiktokenEncoding.O200kBase, null)]
    [InlineData("gpt-4-0613", TiktokenEncoding.Cl100kBase, 8_192)]
    [InlineData("gpt-3.5-turbo-0125", TiktokenEncoding.Cl100kBase, 16_385)]
    [InlineData("gpt-3.5-turbo-0613", TiktokenEncoding.Cl100kBase, 4_096)]
    [InlineData("gpt-35-turbo-1106", TiktokenEncoding.Cl100kBase, 16_385)]
    [InlineData("gpt-35-turbo-0613", TiktokenEncoding.Cl100kBase, 4_096)]
    public void ForModel_MapsTheFamilyToItsEncodingAndLimit(string model, TiktokenEncoding encoding, int? limit)
    {
        TiktokenTokenCounter counter = TiktokenTokenCounter.ForModel(model);

        counter.Model.Should().Be(model);
        counter.Encoding.Should().Be(encoding);
        counter.MaxTokensPerExample.Should().Be(limit);
        counter.Overhead.PerFunction.Should().Be(encoding == TiktokenEncoding.O200kBase ? 7 : 10, "gpt-3.5-turbo and gpt-4 add 10 tokens per function");
        counter.Overhead.PerMessage.Should().Be(3);
    }

    [Fact]
    public void ForModel_OverridesWin_AndAnUnknownModelNeedsAnEncoding()
    {
        TiktokenTokenCounter overridden = TiktokenTokenCounter.ForModel("gpt-4o-mini", TiktokenEncoding.Cl100kBase, maxTokensPerExample: 1000);
        (overridden.Encoding, overridden.MaxTokensPerExample).Should().Be((TiktokenEncoding.Cl100kBase, (int?)1000));

        TiktokenTokenCounter custom = TiktokenTokenCounter.ForModel("my-distilled-model", TiktokenEncoding.O200kBase);
        (custom.Model, custom.Encoding, custom.MaxTokensPerExample).Should().Be(("my-distilled-model", TiktokenEncoding.O200kBase, (int?)null));

        FluentActions.Invoking(() => TiktokenTokenCounter.ForModel("Qwen/Qwen2.5-7B-Instruct")).Should().Throw<ArgumentException>()
            .WithParameterName("model").WithMessage("*'Qwen/Qwen2.5-7B-Instruct'*pass the encoding*gpt-4o*");
        FluentActions.Invoking(() => TiktokenTokenCounter.ForModel(null!)).Should().Throw<ArgumentNullException>().WithParameterName("model");
        FluentActions.Invoking(() => TiktokenTokenCounter.ForModel(string.Empty)).Should().Throw<ArgumentException>().WithParameterName("model");
        FluentActions.Invoking(() => TiktokenTokenCounter.ForModel("gpt-4o", (TiktokenEncoding)7)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("encoding");
        FluentActions.Invoking(() => TiktokenTokenCounter.ForModel("gpt-4o", maxTokensPerExample: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxTokensPerExample");
        FluentActions.Invoking(() => TiktokenTokenCounter.ForEncoding((TiktokenEncoding)7)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("encoding");
        FluentActions.Invoking(() => TiktokenTokenCounter.ForEncoding(TiktokenEncoding.O200kBase, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxTokensPerExample");

        TiktokenTokenCounter byEncoding = TiktokenTokenCounter.ForEncoding(TiktokenEncoding.Cl100kBase, 2048);
        (byEncoding.Model, byEncoding.MaxTokensPerExample, byEncoding.Overhead.PerFunction).Should().Be(((string?)null, (int?)2048, 10));
    }

    [Fact]
    public void Counting_IsThreadSafe()
    {
        TiktokenTokenCounter counter = TiktokenTokenCounter.ForModel("gpt-4o");
        int[] expected = Corpus.Select(t => counter.CountTokens(t)).ToArray();

        int[][] parallel = Enumerable.Range(0, 8).AsParallel().Select(_ => Corpus.Select(t => counter.CountTokens(t)).ToArray()).ToArray();

        parallel.Should().OnlyContain(counts => counts.SequenceEqual(expected));
    }

    [Fact]
    public void IsATrainingTokenCounter()
    {
        TrainingTokenCounter counter = TiktokenTokenCounter.ForModel("gpt-4.1-mini");

        new TrainingFileAnalyzer(counter).Should().NotBeNull();
        counter.MaxTokensPerExample.Should().Be(65_536);
    }
}
