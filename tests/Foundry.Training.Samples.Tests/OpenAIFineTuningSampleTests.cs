using System.Text.RegularExpressions;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Samples.Tests;

/// <summary>OpenAIFineTuning against the emulator's OpenAI platform: settings are injected, so no key is read.</summary>
public sealed partial class OpenAIFineTuningSampleTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        _folder.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task ValidatesUploadsAndTrainsADpoJob_StreamingEvents_ThenListsCheckpoints()
    {
        int exitCode = await OpenAIFineTuningSample.RunAsync(new OpenAIFineTuningSettings { WorkDirectory = _folder.Path, PricePerMillionTokens = 25m }, _output, _timeout.Token);

        string output = _output.ToString();
        exitCode.Should().Be(0, output);
        output.Should().Contain("Target: embedded emulator (OpenAI platform) at http://127.0.0.1:");

        // The generated training file is valid preference data, as the sample reported.
        string file = Path.Combine(_folder.Path, "support-tone.preferences.jsonl");
        TrainingFileValidationResult validation = await new TrainingFileValidator().ValidateAsync(file, cancellationToken: _timeout.Token);
        validation.IsValid.Should().BeTrue();
        validation.Format.Should().Be(TrainingFileFormat.Preference);
        validation.ExampleCount.Should().Be(10);
        output.Should().Contain("Validated support-tone.preferences.jsonl: 10 Preference examples, 0 problems");

        // Before the upload: its tokens as gpt-4.1-mini counts them, and what two epochs of them bill (at the price given).
        output.Should().Contain("Tokens for gpt-4.1-mini-2025-04-14 (O200kBase):");
        output.Should().MatchRegex(@"  per example\s+41\s+45\s+48\.6\s+49\s+453\r?\n").And.MatchRegex(@"  assistant\s+20\s+23\.5\s+26\.6\s+27\s+237\r?\n");
        output.Should().Contain("  0 over the 65,536-token limit, 0 without assistant tokens");
        output.Should().Contain("  453 tokens per epoch x 2 epochs (default 10) = 906 billed tokens, about 0.0227 at 25 per million");
        output.IndexOf("billed tokens", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("Uploading:", StringComparison.Ordinal), "the analysis comes before the upload");

        // Uploaded with progress, processed, trained with DPO.
        output.Should().MatchRegex(@"Uploading: 100% \(\S+ of \S+ bytes\)").And.MatchRegex(@"Uploaded support-tone\.preferences\.jsonl as file-\S+ \(processed\)");
        // In parts through the Uploads API: one progress line per part at least, rising to the whole file.
        output.Should().MatchRegex(@"Sent in \d+ parts of up to 512 bytes, 3 at a time");
        List<long> sent = Regex.Matches(output, @"Uploading: +\d+% \((?<sent>[\d,]+) of").Select(m => long.Parse(m.Groups["sent"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        sent.Should().HaveCountGreaterThan(2).And.BeInAscendingOrder();
        output.Should().MatchRegex(@"Created fine-tuning job ftjob-\S+ \(validating_files\)");

        // Events streamed oldest first, ending with the job's success; then the fine-tuned model and its checkpoints.
        List<string> events = EventLine().Matches(output).Select(m => m.Groups["message"].Value).ToList();
        events.Should().HaveCountGreaterThan(3).And.OnlyHaveUniqueItems();
        events[0].Should().StartWith("Created fine-tuning job: ftjob-");
        events.Should().Contain(e => e.StartsWith("Validating training file: file-", StringComparison.Ordinal));
        events[^1].Should().Contain("completed");
        output.Should().MatchRegex(@"Job ftjob-\S+ succeeded: fine-tuned model ft:gpt-4\.1-mini-2025-04-14:\S*:support-tone:");
        output.Should().Contain("Checkpoints:");
        CheckpointLine().Matches(output).Should().NotBeEmpty();
    }

    [GeneratedRegex(@"^  \d\d:\d\d:\d\d (?:info|warn|error)\s+(?<message>.+)$", RegexOptions.Multiline)]
    private static partial Regex EventLine();

    [GeneratedRegex(@"^  step\s+\d+  ft:\S+:ckpt-step-\d+", RegexOptions.Multiline)]
    private static partial Regex CheckpointLine();
}
