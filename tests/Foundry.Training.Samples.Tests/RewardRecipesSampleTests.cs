using System.Globalization;
using System.Text.RegularExpressions;

namespace Foundry.Training.Samples.Tests;

/// <summary>RewardRecipes against the embedded emulator: settings are injected, so no environment variable is read.</summary>
public sealed partial class RewardRecipesSampleTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly StringWriter _output = new();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task ListsEveryMistakeWithItsJsonPath_ThenTrainsTheFixedGrpoRecipe()
    {
        int exitCode = await RewardRecipesSample.RunAsync(new RewardRecipesSettings(), _output, _timeout.Token);

        string output = _output.ToString();
        exitCode.Should().Be(0, output);
        output.Should().Contain("Target: embedded emulator at http://127.0.0.1:");

        // Every deliberate mistake, each at the JSON path of the offending value.
        output.Should().Contain("The recipe as written has 5 problems:");
        ProblemLine().Matches(output).Select(m => m.Groups["path"].Value).Should().BeEquivalentTo(
            "$.command",
            "$.training.reward.rewards[1].reward.deployment",
            "$.training.lora.rank",
            "$.training.rollout.gpu_memory_utilization",
            "$.training.eval");
        output.Should().Contain("$.training.rollout.gpu_memory_utilization: Must be between 0.0 and 1.0.");

        // Fixed, submitted and trained: the reward rises step by step.
        output.Should().Contain("After the fixes: Valid.").And.Contain("The job Completed. Mean reward by step:");
        List<double> rewards = RewardLine().Matches(output).Select(m => double.Parse(m.Groups["reward"].Value, CultureInfo.CurrentCulture)).ToList();
        rewards.Should().HaveCount(10);
        rewards[^1].Should().BeGreaterThan(rewards[0]);
    }

    [GeneratedRegex(@"^  (?<path>\$\S*): ", RegexOptions.Multiline)]
    private static partial Regex ProblemLine();

    [GeneratedRegex(@"^  step\s+\d+  (?<reward>\d+\S\d+)", RegexOptions.Multiline)]
    private static partial Regex RewardLine();
}
