using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Foundry.Training.FineTuning;
using Foundry.Training.Tokenization;

namespace Foundry.Training.Benchmarks.Analysis;

/// <summary>
/// <c>analysis [megabytes] [rounds]</c>: the throughput of <see cref="TrainingFileAnalyzer"/> on a generated chat JSONL
/// file (100 MB by default), in examples and megabytes per second, and the tokenizer's share of the time. Each pass runs
/// <c>rounds</c> times (3 by default) and the fastest round is reported, which tolerates a loaded machine. The passes:
/// validation alone; the analysis with a counter that only measures length (reading and unescaping every string);
/// the analysis with the o200k_base and cl100k_base tokenizers; and o200k_base again with a counter that times each call.
/// </summary>
public static class AnalysisThroughput
{
    public static int Run(string[] args)
    {
        long megabytes = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        string path = Path.Combine(Path.GetTempPath(), $"foundry-analysis-{megabytes}MB-{Environment.ProcessId}.jsonl");
        try
        {
            long examples = ChatFile.Write(path, megabytes * 1_000_000);
            long bytes = new FileInfo(path).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file: {bytes / 1e6:F1} MB, {examples:N0} chat examples ({bytes / examples:N0} bytes each on average)"));

            // Load both vocabularies before timing anything.
            var stopwatch = Stopwatch.StartNew();
            TiktokenTokenCounter o200k = TiktokenTokenCounter.ForModel("gpt-4o-mini");
            o200k.CountTokens("warm up");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"o200k_base vocabulary loaded in {stopwatch.Elapsed.TotalMilliseconds:F0} ms"));
            stopwatch.Restart();
            TiktokenTokenCounter cl100k = TiktokenTokenCounter.ForModel("gpt-3.5-turbo");
            cl100k.CountTokens("warm up");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cl100k_base vocabulary loaded in {stopwatch.Elapsed.TotalMilliseconds:F0} ms"));

            TimeSpan validation = Fastest(rounds, () => new TrainingFileValidator().Validate(path).ExampleCount);
            TimeSpan parsing = Fastest(rounds, () => new TrainingFileAnalyzer(new LengthCounter()).Analyze(path).ExampleCount);
            TimeSpan withO200k = Fastest(rounds, () => new TrainingFileAnalyzer(o200k).Analyze(path).ExampleCount);
            TimeSpan withCl100k = Fastest(rounds, () => new TrainingFileAnalyzer(cl100k).Analyze(path).ExampleCount);
            var timed = new TimedCounter(o200k);
            TrainingFileAnalysis analysis = null!;
            TimeSpan instrumented = Fastest(1, () => (analysis = new TrainingFileAnalyzer(timed).Analyze(path)).ExampleCount);

            Console.WriteLine();
            Console.WriteLine("| pass | time | examples/s | MB/s |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            Row("validation only (TrainingFileValidator)", validation);
            Row("analysis, length-only counter (JSON reading, no tokenizer)", parsing);
            Row("analysis, o200k_base (gpt-4o, gpt-4.1)", withO200k);
            Row("analysis, cl100k_base (gpt-3.5-turbo, gpt-4)", withCl100k);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tokenizer share, o200k_base: {(withO200k - parsing) / withO200k:P0} by subtraction; {timed.Elapsed / instrumented:P0} timed inside CountTokens ({timed.Calls:N0} calls)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tokenizer share, cl100k_base: {(withCl100k - parsing) / withCl100k:P0} by subtraction"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"o200k_base: {analysis.TokenDistribution!.Total:N0} tokens, median {analysis.TokenDistribution.Median} per example, {analysis.EstimatedBilledTokens:N0} billed over {analysis.Epochs} epochs"));
            return 0;

            void Row(string name, TimeSpan time) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {time.TotalSeconds:F2} s | {examples / time.TotalSeconds:N0} | {bytes / 1e6 / time.TotalSeconds:F1} |"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static TimeSpan Fastest(int rounds, Func<long> pass)
    {
        TimeSpan best = TimeSpan.MaxValue;
        for (int i = 0; i < rounds; i++)
        {
            GC.Collect();
            var stopwatch = Stopwatch.StartNew();
            pass();
            best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
        }

        return best;
    }

    /// <summary>One token per character: the analysis without a tokenizer's cost.</summary>
    private sealed class LengthCounter : TrainingTokenCounter
    {
        public override int CountTokens(ReadOnlySpan<char> text) => text.Length;
    }

    /// <summary>Times every call of the counter it wraps.</summary>
    private sealed class TimedCounter(TrainingTokenCounter inner) : TrainingTokenCounter(inner.Overhead)
    {
        private long _ticks;

        public long Calls { get; private set; }

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, _ticks);

        public override int CountTokens(ReadOnlySpan<char> text)
        {
            long start = Stopwatch.GetTimestamp();
            int tokens = inner.CountTokens(text);
            _ticks += Stopwatch.GetTimestamp() - start;
            Calls++;
            return tokens;
        }
    }

    /// <summary>
    /// A chat training file like real ones: a system prompt, one to three user and assistant turns of English prose with
    /// numbers, punctuation and some code, a name now and then, tools on one example in ten; fixed seed.
    /// </summary>
    private static class ChatFile
    {
        private static readonly string[] s_words = (
            "the of and to in is you that it he was for on are as with his they at be this have from or one had by word but not what all were we " +
            "when your can said there use an each which she do how their if will up other about out many then them these so some her would make like " +
            "him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day " +
            "did get come made may part order shipping refund account password invoice subscription delivery customer support model training tokens " +
            "epoch gradient dataset evaluation deployment latency throughput configuration parameter function request response error retry timeout").Split(' ');

        private static readonly string[] s_systems =
        {
            "You are a helpful customer support assistant for an online store. Answer briefly and politely.",
            "You are a senior software engineer. Explain code clearly and suggest improvements.",
            "You are a friendly tutor who explains concepts step by step with examples.",
        };

        private static readonly string[] s_code =
        {
            "```csharp\nvar client = new TrainingJobsClient(endpoint, credential);\nawait client.CreateAsync(\"job\", job);\n```",
            "```python\nfor i in range(10):\n    print(f\"step {i}: loss={1.0 / (i + 1):.4f}\")\n```",
            "`SELECT id, total FROM orders WHERE status = 'shipped' ORDER BY created_at DESC LIMIT 20;`",
        };

        private const string Tools = """[{"type":"function","function":{"name":"get_order_status","description":"Get the status of an order.","parameters":{"type":"object","properties":{"order_id":{"type":"string","description":"The order number."},"detail":{"type":"string","enum":["short","full"]}},"required":["order_id"]}}}]""";

        public static long Write(string path, long size)
        {
            var random = new Random(2024);
            using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20) { NewLine = "\n" };
            long written = 0;
            long examples = 0;
            var line = new StringBuilder();
            while (written < size)
            {
                line.Clear().Append("{\"messages\":[");
                Message(line, "system", s_systems[random.Next(s_systems.Length)], name: null, first: true);
                int turns = random.Next(10) == 0 ? 1 + random.Next(3) : 1;
                for (int turn = 0; turn < turns; turn++)
                {
                    Message(line, "user", Prose(random, 15 + random.Next(120)), name: random.Next(8) == 0 ? "customer_" + random.Next(1000) : null, first: false);
                    string answer = Prose(random, 40 + random.Next(300));
                    if (random.Next(6) == 0)
                    {
                        answer += "\n\n" + s_code[random.Next(s_code.Length)];
                    }

                    Message(line, "assistant", answer, name: null, first: false);
                }

                line.Append(']');
                if (random.Next(10) == 0)
                {
                    line.Append(",\"tools\":").Append(Tools);
                }

                line.Append('}');
                file.WriteLine(line);
                written += Encoding.UTF8.GetByteCount(line.ToString()) + 1;
                examples++;
            }

            return examples;
        }

        private static void Message(StringBuilder line, string role, string content, string? name, bool first)
        {
            line.Append(first ? "" : ",").Append("{\"role\":\"").Append(role).Append('"');
            if (name is not null)
            {
                line.Append(",\"name\":\"").Append(name).Append('"');
            }

            line.Append(",\"content\":").Append(JsonSerializer.Serialize(content)).Append('}');
        }

        private static string Prose(Random random, int words)
        {
            var text = new StringBuilder();
            bool sentenceStart = true;
            for (int i = 0; i < words; i++)
            {
                string word = random.Next(25) == 0 ? random.Next(100_000).ToString(CultureInfo.InvariantCulture) : s_words[random.Next(s_words.Length)];
                if (sentenceStart)
                {
                    word = char.ToUpperInvariant(word[0]) + word[1..];
                    sentenceStart = false;
                }

                text.Append(word);
                if (random.Next(12) == 0 || i == words - 1)
                {
                    text.Append(random.Next(5) == 0 ? '?' : '.');
                    sentenceStart = true;
                }
                else if (random.Next(15) == 0)
                {
                    text.Append(',');
                }

                text.Append(i == words - 1 ? "" : random.Next(40) == 0 ? "\n" : " ");
            }

            return text.ToString();
        }
    }
}
