using System.Text;
using System.Text.Json.Nodes;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Jobs.Models;

/// <summary>
/// The examples of the Foundry training jobs specification (copied under Recordings/Jobs/SpecExamples). They spell
/// several bodies in camelCase, which models.tsp does not: those properties land in AdditionalProperties (and a missing
/// <c>job_type</c> makes the properties <see cref="UnknownJobProperties"/>), and everything is written back unchanged.
/// </summary>
public class SpecExampleTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "Recordings", "Jobs", "SpecExamples");

    public static TheoryData<string> Examples
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string file in Directory.GetFiles(s_folder, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }
    }

    private static JsonNode Example(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(s_folder, file)))!;

    [Theory]
    [MemberData(nameof(Examples))]
    public void RequestAndResponseBodies_ParseAndRoundTrip(string file)
    {
        JsonNode example = Example(file);
        if (example["parameters"]!["job"] is JsonNode request)
        {
            JobsJson.RoundTrip<JobCreate>(request.ToJsonString()).Properties.Should().NotBeNull();
        }

        foreach (KeyValuePair<string, JsonNode?> response in example["responses"]!.AsObject())
        {
            if (response.Value!["body"] is not JsonNode body)
            {
                continue;
            }

            if (body["value"] is JsonArray items)
            {
                PageContent<TrainingJob> page = PageContent<TrainingJob>.Parse(Encoding.UTF8.GetBytes(body.ToJsonString()), ModelSerialization.GetTypeInfo<TrainingJob>());
                page.Items.Should().HaveCount(items.Count);
                page.NextLink.Should().Be(body["nextLink"]?.GetValue<string>());
                for (int i = 0; i < items.Count; i++)
                {
                    JsonAssert.Equivalent(items[i]!.ToJsonString(), JobsJson.Write(page.Items[i]));
                }
            }
            else
            {
                JobsJson.RoundTrip<TrainingJob>(body.ToJsonString()).Name.Should().Be("my_training_job_01");
            }
        }
    }

    [Fact]
    public void Get_ReadsTheTopLevelFieldsTyped()
    {
        TrainingJob job = JobsJson.Read<TrainingJob>(Example("TrainingJobs_Get_MaximumSet_Gen.json")["responses"]!["200"]!["body"]!.ToJsonString());

        job.Id.Should().Be("my_training_job_01");
        job.Type.Should().Be("Microsoft.MachineLearningServices/workspaces/training_jobs");
        job.SystemData!.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1577882096));
        job.SystemData.LastModifiedByType.Should().Be("User");
        // This example flattens the command job into the resource; its "properties" is the job's property bag.
        job.Properties.Should().BeOfType<UnknownJobProperties>().Which.AdditionalProperties.Should().ContainKey("experimentName");
        job.AdditionalProperties.Should().ContainKeys("job_type", "compute_id", "latest_attempt");
    }

    [Fact]
    public void CreateMinimum_CamelCaseJobTypeIsUnknownButLossless()
    {
        JsonNode body = Example("TrainingJobs_Create_MinimumSet_Gen.json")["responses"]!["201"]!["body"]!;
        TrainingJob job = JobsJson.Read<TrainingJob>(body.ToJsonString());

        job.Name.Should().Be("my_training_job_01");
        var properties = job.Properties.Should().BeOfType<UnknownJobProperties>().Subject;
        properties.JobType.Should().BeNull();
        properties.AdditionalProperties.Should().ContainKeys("jobType", "training", "computeId");
    }
}
