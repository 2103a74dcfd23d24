using System.CommandLine;
using Azure;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Cli.Commands.Jobs;

/// <summary><c>jobs show NAME</c>: one job; for a Foundry job that has run, its latest attempt and the last value of each metric.</summary>
internal static class JobsShowCommand
{
    /// <summary>How many metrics the text view lists (JSON is the job alone, as the service sends it).</summary>
    private const int ShownMetrics = 50;

    public static Command Create(CommandRunner runner)
    {
        Argument<string> name = JobsCommand.NameArgument();
        var command = new Command("show", "Show a job: its settings and status; for a Foundry job, its latest attempt and metrics.") { name };
        runner.Bind(command, async context =>
        {
            string job = context.ParseResult.GetValue(name)!;
            Connection connection = await context.ConnectAsync(ServiceFamily.Any, "jobs show").ConfigureAwait(false);
            CancellationToken cancellationToken = context.CancellationToken;
            if (connection.Kind != ServiceKind.Foundry)
            {
                FineTuningJob fineTuningJob = (await connection.FineTuning.GetJobAsync(job, cancellationToken).ConfigureAwait(false)).Value;
                if (context.Json)
                {
                    context.JsonOut.WriteModel(fineTuningJob);
                }
                else
                {
                    context.Console.Write(JobViews.FineTuningDetails(fineTuningJob));
                }

                return ExitCodes.Success;
            }

            TrainingJobsClient client = connection.TrainingJobs;
            TrainingJob trainingJob = (await client.GetAsync(job, cancellationToken).ConfigureAwait(false)).Value;
            if (context.Json)
            {
                context.JsonOut.WriteModel(trainingJob);
                return ExitCodes.Success;
            }

            JobAttempt? attempt = null;
            var metrics = new List<JobMetricLastValue>();
            if (!TrainingJobStatus.IsWaitingToStart(JobViews.StatusOf(trainingJob)))
            {
                NullableResponse<JobAttempt> latest = await client.GetAttemptIfExistsAsync(job, TrainingJobsClient.LatestAttempt, cancellationToken).ConfigureAwait(false);
                attempt = latest.HasValue ? latest.Value : null; // none yet (or it was removed): the job alone is shown
                if (attempt is not null)
                {
                    metrics = await client.GetMetricLastValuesAsync(job, attempt.Id, cancellationToken).Take(ShownMetrics).ToListAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            context.Console.Write(JobViews.FoundryDetails(trainingJob, attempt, metrics));
            return ExitCodes.Success;
        });
        return command;
    }
}
