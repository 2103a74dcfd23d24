using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Foundry.Training.FineTuning;
using Foundry.Training.Testing;

namespace Foundry.Training.Samples;

/// <summary>
/// Follows a fine-tuning job by webhook instead of polling: a minimal ASP.NET Core endpoint receives the platform's
/// <c>fine_tuning.job.*</c> events, verifies them with <see cref="WebhookVerifier"/>, and the app resumes when its job
/// has ended: it reads the job and downloads its result file. Against the emulator, the emulator pushes the webhooks.
/// </summary>
public static class WebhooksSample
{
    private static readonly string[] s_questions = ["What is 2 + 2?", "What is the capital of France?", "Who wrote Hamlet?", "What is H2O?", "How many days are in a week?"];
    private static readonly string[] s_answers = ["4.", "Paris.", "Shakespeare.", "Water.", "Seven."];

    public static async Task<int> RunAsync(WebhooksSettings settings, TextWriter output, CancellationToken cancellationToken = default)
    {
        output = TextWriter.Synchronized(output); // the endpoint writes from request threads
        if (settings is { OpenAIApiKey: not null, WebhookSecret: null })
        {
            output.WriteLine("Set OPENAI_WEBHOOK_SECRET to your webhook endpoint's signing secret (whsec_...) along with OPENAI_API_KEY.");
            return 2;
        }

        bool emulated = settings.OpenAIApiKey is null;

        // The platform shows an endpoint's secret when you create the endpoint; for the emulator, make one up and give it to both.
        string secret = settings.WebhookSecret ?? "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        // 1. The webhook endpoint: a minimal ASP.NET Core app, on loopback.
        Channel<FineTuningWebhookEvent> events = Channel.CreateUnbounded<FineTuningWebhookEvent>();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls((settings.ListenUrl ?? new Uri(emulated ? "http://127.0.0.1:0" : "http://127.0.0.1:8080")).AbsoluteUri);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024); // events are small
        builder.Logging.ClearProviders();
        await using WebApplication app = builder.Build();
        app.MapOpenAIWebhooks(new WebhookVerifier(secret), events.Writer, output);
        await app.StartAsync(cancellationToken);
        try
        {
            var webhookUrl = new Uri(new Uri(app.Urls.Single()), WebhookEndpoint.Path);

            // 2. The OpenAI platform, or an emulator of it that pushes its webhooks to the endpoint, signed as the platform signs them.
            await using FoundryTrainingEmulator? emulator = emulated
                ? FoundryTrainingEmulator.Start(new FoundryTrainingEmulatorOptions { WebhookUrl = webhookUrl, WebhookSecret = secret })
                : null;
            FineTuningClient client = emulator?.CreateOpenAIClient() ?? FineTuningClient.ForOpenAI(settings.OpenAIApiKey!);
            output.WriteLine(emulator is null
                ? "Target: OpenAI platform (its webhook endpoint must forward to the address below)"
                : $"Target: embedded emulator (OpenAI platform) at {emulator.Endpoint} (set OPENAI_API_KEY and OPENAI_WEBHOOK_SECRET to use the platform)");
            output.WriteLine($"Listening for webhooks at {webhookUrl}");

            // 3. Start a job, then leave it alone: nothing polls it.
            FineTuningJob job = await StartJobAsync(client, settings, output, cancellationToken);
            output.WriteLine($"Created fine-tuning job {job.Id} ({job.Status}); waiting for its webhook");

            // 4. Resume when the job's webhook says it has ended.
            await foreach (FineTuningWebhookEvent webhookEvent in events.Reader.ReadAllAsync(cancellationToken))
            {
                switch (webhookEvent)
                {
                    case FineTuningJobSucceededEvent succeeded when succeeded.JobId == job.Id:
                        await DownloadResultsAsync(client, succeeded, settings.WorkDirectory, output, cancellationToken);
                        return 0;
                    case FineTuningJobFailedEvent failed when failed.JobId == job.Id:
                        FineTuningJob failedJob = (await client.GetJobAsync(failed.JobId, cancellationToken)).Value;
                        output.WriteLine($"Job {failedJob.Id} failed: {failedJob.Error?.Message}");
                        return 1;
                    case FineTuningJobCancelledEvent cancelled when cancelled.JobId == job.Id:
                        output.WriteLine($"Job {cancelled.JobId} was cancelled");
                        return 1;
                    default:
                        output.WriteLine($"Ignored {webhookEvent.Type} {webhookEvent.Id}: not about job {job.Id}"); // another job, or another API
                        break;
                }
            }

            return 1;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Uploads a small chat training file and fine-tunes <see cref="WebhooksSettings.BaseModel"/> on it.</summary>
    private static async Task<FineTuningJob> StartJobAsync(FineTuningClient client, WebhooksSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.WorkDirectory);
        string path = Path.Combine(settings.WorkDirectory, "trivia.jsonl");
        await File.WriteAllLinesAsync(path, Enumerable.Range(0, 10).Select(i => JsonSerializer.Serialize(new
        {
            messages = new[]
            {
                new { role = "system", content = "You answer in one short sentence." },
                new { role = "user", content = s_questions[i % s_questions.Length] },
                new { role = "assistant", content = s_answers[i % s_answers.Length] },
            },
        })), cancellationToken);

        FineTuningFilesClient files = client.GetFilesClient();
        FineTuningFile file = (await files.UploadAsync(path, FilePurpose.FineTune, cancellationToken: cancellationToken)).Value;
        file = (await files.WaitForProcessedAsync(file.Id, cancellationToken: cancellationToken)).Value;
        output.WriteLine($"Uploaded {file.FileName} as {file.Id} ({file.Status})");

        var options = new FineTuningJobCreateOptions(settings.BaseModel, file.Id) { Suffix = "webhooks" };
        options.Metadata["sample"] = "Webhooks";
        return (await client.CreateJobAsync(options, cancellationToken)).Value;
    }

    /// <summary>The work the webhook resumes: read the finished job, download its result file, show its last step.</summary>
    private static async Task DownloadResultsAsync(FineTuningClient client, FineTuningJobSucceededEvent succeeded, string workDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        FineTuningJob job = (await client.GetJobAsync(succeeded.JobId, cancellationToken)).Value;
        output.WriteLine($"Job {job.Id} succeeded at {succeeded.CreatedAt:u}: fine-tuned model {job.FineTunedModel}");
        if (job.ResultFiles is not [string resultFileId, ..])
        {
            output.WriteLine("The job has no result file.");
            return;
        }

        string path = Path.Combine(workDirectory, "results.csv"); // a name of ours: never a path the service chose
        await using (Stream content = (await client.GetFilesClient().DownloadContentAsync(resultFileId, cancellationToken)).Value)
        await using (FileStream file = File.Create(path))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        string[] lines = (await File.ReadAllLinesAsync(path, cancellationToken)).Where(line => line.Length > 0).ToArray();
        output.WriteLine($"Downloaded result file {resultFileId} to {path}: {lines.Length - 1} steps");
        string[] header = lines[0].Split(',');
        string[] last = lines[^1].Split(',');
        int loss = Array.IndexOf(header, "train_loss");
        if (lines.Length > 1 && loss >= 0 && loss < last.Length)
        {
            output.WriteLine($"Last step {last[0]}: train_loss {last[loss]}");
        }
    }
}
