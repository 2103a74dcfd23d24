namespace Foundry.Training.Tests.FaultInjection.Infrastructure;

/// <summary>
/// A read of one resource by one client: the route it hits, a valid body for it, and the call (sync or async) that
/// returns the id it parsed. Every fault family runs against each target, so each client meets each fault.
/// </summary>
public sealed record FaultTarget(string Name, string Path, string Body, string Id, Func<FaultClients, bool, CancellationToken, Task<string?>> Read)
{
    public static FaultTarget TrainingJob { get; } = new(
        "TrainingJobsClient.Get",
        "/api/projects/p/training_jobs/j1",
        """{"name":"j1","id":"/projects/p/training_jobs/j1","properties":{"job_type":"command","status":"Running"}}""",
        "j1",
        async (c, async, ct) => async ? (await c.Jobs.GetAsync("j1", ct)).Value.Name : c.Jobs.Get("j1", ct).Value.Name);

    public static FaultTarget FineTuningJob { get; } = new(
        "FineTuningClient.GetJob",
        "/openai/fine_tuning/jobs/ftjob-1",
        """{"object":"fine_tuning.job","id":"ftjob-1","model":"gpt-4o-mini","training_file":"file-1","status":"running","created_at":1700000000}""",
        "ftjob-1",
        async (c, async, ct) => async ? (await c.FineTuning.GetJobAsync("ftjob-1", ct)).Value.Id : c.FineTuning.GetJob("ftjob-1", ct).Value.Id);

    public static FaultTarget File { get; } = new(
        "FineTuningFilesClient.Get",
        "/openai/files/file-1",
        """{"object":"file","id":"file-1","filename":"train.jsonl","purpose":"fine-tune","status":"processed","bytes":120,"created_at":1700000000}""",
        "file-1",
        async (c, async, ct) => async ? (await c.Files.GetAsync("file-1", ct)).Value.Id : c.Files.Get("file-1", ct).Value.Id);

    public static IReadOnlyList<FaultTarget> All { get; } = new[] { TrainingJob, FineTuningJob, File };

    /// <summary>Every target, sync and async, for <c>[MemberData]</c>; rows name the target so failures read well.</summary>
    public static TheoryData<string, bool> AllSyncAndAsync
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (FaultTarget target in All)
            {
                data.Add(target.Name, true);
                data.Add(target.Name, false);
            }

            return data;
        }
    }

    /// <summary>Every target, async only, for faults whose sync path the other families already cover.</summary>
    public static TheoryData<string> AllNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (FaultTarget target in All)
            {
                data.Add(target.Name);
            }

            return data;
        }
    }

    public static FaultTarget Named(string name) => All.Single(t => t.Name == name);

    public override string ToString() => Name;
}
