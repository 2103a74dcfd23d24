using System.Reflection;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs.Models;

public class TrainingJobStatusTests
{
    [Theory]
    [InlineData("Completed")]
    [InlineData("completed")]
    [InlineData("COMPLETED")]
    [InlineData("Failed")]
    [InlineData("failed")]
    [InlineData("Canceled")]
    [InlineData("canceled")]
    [InlineData("Cancelled")]
    [InlineData("cancelled")]
    [InlineData("succeeded")]
    public void IsTerminal_AcceptsTheFinalStatusesInAnyCaseAndSpelling(string status) =>
        TrainingJobStatus.IsTerminal(status).Should().BeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NotStarted")]
    [InlineData("Starting")]
    [InlineData("Provisioning")]
    [InlineData("Preparing")]
    [InlineData("Queued")]
    [InlineData("Running")]
    [InlineData("running")]
    [InlineData("Finalizing")]
    [InlineData("CancelRequested")]
    [InlineData("NotResponding")]
    [InlineData("Paused")]
    [InlineData("Completed ")]
    [InlineData("SomethingNew")]
    public void IsTerminal_RejectsEverythingElse(string? status) =>
        TrainingJobStatus.IsTerminal(status).Should().BeFalse();

    [Theory]
    [InlineData("Completed", true)]
    [InlineData("completed", true)]
    [InlineData("succeeded", true)]
    [InlineData("Failed", false)]
    [InlineData("Canceled", false)]
    [InlineData("Running", false)]
    [InlineData(null, false)]
    public void IsSuccessful_IsTrueOnlyForACompletedJob(string? status, bool expected) =>
        TrainingJobStatus.IsSuccessful(status).Should().Be(expected);

    [Theory]
    [InlineData("NotStarted", true)]
    [InlineData("Starting", true)]
    [InlineData("provisioning", true)]
    [InlineData("PREPARING", true)]
    [InlineData("queued", true)]
    [InlineData("Running", false)]
    [InlineData("Finalizing", false)]
    [InlineData("CancelRequested", false)]
    [InlineData("Completed", false)]
    [InlineData("Scheduled", false)]
    [InlineData(null, false)]
    public void IsWaitingToStart_CoversTheStatusesBeforeRunning(string? status, bool expected) =>
        TrainingJobStatus.IsWaitingToStart(status).Should().Be(expected);

    [Fact]
    public void EveryStatusIsExactlyOneOfWaitingRunningOrTerminal()
    {
        string[] all = typeof(TrainingJobStatus).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        all.Should().HaveCount(13).And.OnlyHaveUniqueItems();

        all.Where(TrainingJobStatus.IsWaitingToStart).Should().BeEquivalentTo("NotStarted", "Starting", "Provisioning", "Preparing", "Queued");
        all.Where(TrainingJobStatus.IsTerminal).Should().BeEquivalentTo("Completed", "Failed", "Canceled");
        all.Where(TrainingJobStatus.IsSuccessful).Should().Equal("Completed");
        all.Where(s => TrainingJobStatus.IsWaitingToStart(s) && TrainingJobStatus.IsTerminal(s)).Should().BeEmpty();
    }

    [Fact]
    public void TheSpecificationsExampleStatusesAreKnownValues()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Recordings", "Jobs", "SpecExamples");
        var statuses = new List<string>();
        foreach (string file in Directory.GetFiles(folder, "*.json"))
        {
            CollectJobStatuses(JsonNode.Parse(File.ReadAllText(file)), statuses);
        }

        string[] known = typeof(TrainingJobStatus).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        statuses.Should().NotBeEmpty().And.OnlyContain(s => known.Contains(s, StringComparer.OrdinalIgnoreCase));
        statuses.Should().BeEquivalentTo(new[] { "NotStarted", "running", "Running" }, "the examples spell running in both cases");
    }

    /// <summary>The <c>status</c> of every command job body (an object with a compute id, in either case) in an example.</summary>
    private static void CollectJobStatuses(JsonNode? node, List<string> statuses)
    {
        switch (node)
        {
            case JsonObject obj:
                if ((obj.ContainsKey("compute_id") || obj.ContainsKey("computeId")) && obj["status"] is JsonValue status)
                {
                    statuses.Add(status.GetValue<string>());
                }

                foreach (KeyValuePair<string, JsonNode?> property in obj)
                {
                    CollectJobStatuses(property.Value, statuses);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    CollectJobStatuses(item, statuses);
                }

                break;
        }
    }
}
