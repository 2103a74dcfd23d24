using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Identity;
using Foundry.Training.FineTuning;
using Foundry.Training.Testing;
using Foundry.Training.Tokenization;

namespace Foundry.Training.Samples;

/// <summary>
/// Preference fine-tuning (DPO) on the OpenAI platform or Azure OpenAI: writes a small training file, validates it and
/// counts its tokens locally (what the job will bill), uploads it with progress, creates the job, streams its events
/// until it finishes and lists its checkpoints.
/// </summary>
public static class OpenAIFineTuningSample
{
    /// <summary>For each prompt, the answer to prefer and the one to avoid: this file teaches a friendly, helpful tone.</summary>
    private static readonly (string Prompt, string Preferred, string NonPreferred)[] s_preferences =
    [
        ("My order hasn't arrived yet.", "Sorry for the wait! Share your order number and I'll check where it is right away.", "Orders take time. Wait."),
        ("How do I reset my password?", "Choose 'Forgot password' on the sign-in page and follow the emailed link; it's valid for an hour.", "Read the docs."),
        ("Can I change my delivery address?", "Yes, as long as the order hasn't shipped: open the order and choose 'Edit address'.", "No."),
        ("The app crashes when I upload a photo.", "Sorry about that! Which phone and app version are you using? Meanwhile, updating the app often helps.", "Works for me."),
        ("Do you ship to Canada?", "We do! Delivery to Canada usually takes 5 to 7 business days.", "Check the website."),
        ("I was charged twice.", "I'm sorry! I've flagged the duplicate charge; the refund reaches your card within 3 to 5 days.", "Talk to your bank."),
        ("What is your return policy?", "You can return any item within 30 days for a full refund; the return label is free.", "Returns exist."),
        ("Can I talk to a human?", "Of course. I'm connecting you with a colleague; the wait is about two minutes.", "I am all you get."),
        ("My discount code doesn't work.", "Let's fix that: codes are case-sensitive and expire at midnight. Could you tell me the code?", "Then don't use it."),
        ("How do I cancel my subscription?", "Go to Account > Subscription > Cancel; you keep access until the end of the billing period.", "Why would you?"),
    ];

    public static async Task<int> RunAsync(OpenAIFineTuningSettings settings, TextWriter output, CancellationToken cancellationToken = default)
    {
        // Azure OpenAI or the OpenAI platform when configured, otherwise the OpenAI platform of an emulator in this process.
        await using FoundryTrainingEmulator? emulator = settings is { AzureOpenAIEndpoint: null, OpenAIApiKey: null } ? FoundryTrainingEmulator.Start() : null;
        (FineTuningClient client, string target) = Connect(settings, emulator);
        TimeSpan pollingInterval = emulator is null ? TimeSpan.FromSeconds(10) : TimeSpan.FromMilliseconds(250);
        output.WriteLine($"Target: {target}");

        // 1. A small preference (DPO) training file in a temporary folder.
        Directory.CreateDirectory(settings.WorkDirectory);
        string path = Path.Combine(settings.WorkDirectory, "support-tone.preferences.jsonl");
        await File.WriteAllLinesAsync(path, s_preferences.Select(ToJsonLine), cancellationToken);

        // 2. Check it locally before paying for it: the same pass validates every line (JSON, roles, required fields)
        //    and counts its tokens as the model's tokenizer does, offline, against the model's limit and the job's epochs.
        const int Epochs = 2;
        TiktokenTokenCounter counter = TiktokenTokenCounter.ForModel(settings.BaseModel);
        var analyzer = new TrainingFileAnalyzer(counter, new TrainingFileAnalysisOptions { Epochs = Epochs, PricePerMillionTokens = settings.PricePerMillionTokens });
        TrainingFileAnalysis analysis = await analyzer.AnalyzeAsync(path, TrainingFileFormat.Preference, cancellationToken: cancellationToken);
        TrainingFileValidationResult validation = analysis.Validation;
        output.WriteLine($"Validated {Path.GetFileName(path)}: {validation.ExampleCount} {validation.Format} examples, {validation.ProblemCount} problems");
        if (!validation.IsValid)
        {
            foreach (TrainingFileProblem problem in validation.Problems)
            {
                output.WriteLine($"  {problem}");
            }

            return 1;
        }

        WriteAnalysis(output, analysis, counter);

        // 3. Upload it with progress, then wait until the service has processed it. On the OpenAI platform the file goes
        //    through the Uploads API: parts streamed from the file and sent in parallel, progress over all of them, the
        //    MD5 checked on completion, the upload cancelled on the service if anything fails. A file over 512 MB takes
        //    that path by itself, in 64 MB parts; this small one asks for it, in 512-byte parts, to show it. Azure OpenAI
        //    has no Uploads API and takes the file in one request.
        FineTuningFilesClient files = client.GetFilesClient();
        long size = new FileInfo(path).Length;
        bool inParts = settings.AzureOpenAIEndpoint is null;
        var upload = new FineTuningFileUploadOptions
        {
            Mode = inParts ? FileUploadMode.Parts : FileUploadMode.SingleRequest,
            PartSize = 512,
            MaxConcurrency = 3,
            Progress = new ImmediateProgress<long>(sent => output.WriteLine($"Uploading: {sent * 100 / size,3}% ({sent:N0} of {size:N0} bytes)")),
        };
        FineTuningFile file = (await files.UploadAsync(path, FilePurpose.FineTune, upload, cancellationToken)).Value;
        output.WriteLine(inParts ? $"Sent in {(size + upload.PartSize - 1) / upload.PartSize} parts of up to {upload.PartSize} bytes, {upload.MaxConcurrency} at a time" : "Sent in one request");
        file = (await files.WaitForProcessedAsync(file.Id!, pollingInterval, cancellationToken)).Value;
        output.WriteLine($"Uploaded {file.FileName} as {file.Id} ({file.Status})");

        // 4. Create the DPO job.
        var options = new FineTuningJobCreateOptions(settings.BaseModel, file.Id!)
        {
            Method = FineTuningMethod.CreateDpo(new DpoHyperparameters { Beta = 0.1, EpochCount = Epochs }),
            Suffix = "support-tone",
        };
        options.Metadata["sample"] = "OpenAIFineTuning";
        FineTuningJob job = (await client.CreateJobAsync(options, cancellationToken)).Value;
        output.WriteLine($"Created fine-tuning job {job.Id} ({job.Status})");

        // 5. Stream its events while waiting for it to finish (the wait honours the service's Retry-After).
        Task<Response<FineTuningJob>> completion = client.WaitForCompletionAsync(job.Id!, cancellationToken: cancellationToken);
        await foreach (FineTuningJobEvent jobEvent in StreamEventsAsync(client, job.Id!, completion, pollingInterval, cancellationToken))
        {
            output.WriteLine($"  {jobEvent.CreatedAt:HH:mm:ss} {jobEvent.Level,-5} {jobEvent.Message}");
        }

        try
        {
            job = (await completion).Value;
        }
        catch (FineTuningJobFailedException ex)
        {
            output.WriteLine($"The job failed: {ex.JobError?.Message}");
            return 1;
        }

        output.WriteLine($"Job {job.Id} {job.Status}: fine-tuned model {job.FineTunedModel}");

        // 6. Its checkpoints: models saved during training, each usable like the final one.
        output.WriteLine("Checkpoints:");
        await foreach (FineTuningJobCheckpoint checkpoint in client.GetJobCheckpointsAsync(job.Id!, cancellationToken: cancellationToken))
        {
            string metrics = string.Join(", ", checkpoint.Metrics?.Where(m => m.Key != "step").Select(m => $"{m.Key} {m.Value:0.###}") ?? []);
            output.WriteLine($"  step {checkpoint.StepNumber,4}  {checkpoint.FineTunedModelCheckpoint}  {metrics}");
        }

        return 0;
    }

    /// <summary>The analysis as a compact table: the token distribution, what to fix, and what the job will bill.</summary>
    private static void WriteAnalysis(TextWriter output, TrainingFileAnalysis analysis, TiktokenTokenCounter counter)
    {
        output.WriteLine($"Tokens for {counter.Model} ({counter.Encoding}):");
        output.WriteLine($"  {"",-14}{"min",7}{"median",9}{"p95",9}{"max",7}{"total",9}");
        WriteRow("per example", analysis.TokenDistribution);
        WriteRow("assistant", analysis.AssistantTokenDistribution);
        string limit = analysis.MaxTokensPerExample is int max ? $"over the {max:N0}-token limit" : "over a limit (none known)";
        output.WriteLine($"  {analysis.ExamplesOverLimitCount} {limit}, {analysis.ExamplesWithoutAssistantTokensCount} without assistant tokens");
        string cost = analysis.EstimatedCost is decimal estimate
            ? $", about {estimate:0.####} at {analysis.PricePerMillionTokens} per million"
            : " (set FINE_TUNING_PRICE_PER_MILLION_TOKENS for a cost estimate)";
        output.WriteLine($"  {analysis.BilledTokensPerEpoch:N0} tokens per epoch x {analysis.Epochs} epochs (default {analysis.DefaultEpochs}) = {analysis.EstimatedBilledTokens:N0} billed tokens{cost}");

        void WriteRow(string name, TokenCountDistribution? tokens) => output.WriteLine(tokens is null
            ? $"  {name,-14}(no examples)"
            : $"  {name,-14}{tokens.Min,7:N0}{tokens.Median,9:0.#}{tokens.P95,9:0.#}{tokens.Max,7:N0}{tokens.Total,9:N0}");
    }

    private static (FineTuningClient Client, string Target) Connect(OpenAIFineTuningSettings settings, FoundryTrainingEmulator? emulator) => settings switch
    {
        { AzureOpenAIEndpoint: Uri endpoint, AzureOpenAIApiKey: string key } =>
            (new FineTuningClient(endpoint, new AzureKeyCredential(key)), $"Azure OpenAI {endpoint} (API key)"),
        { AzureOpenAIEndpoint: Uri endpoint } =>
            (new FineTuningClient(endpoint, new DefaultAzureCredential()), $"Azure OpenAI {endpoint} (Entra ID)"),
        { OpenAIApiKey: string key } =>
            (FineTuningClient.ForOpenAI(key), "OpenAI platform"),
        _ => (emulator!.CreateOpenAIClient(),
            $"embedded emulator (OpenAI platform) at {emulator.Endpoint} (set OPENAI_API_KEY or AZURE_OPENAI_ENDPOINT to use a service)"),
    };

    /// <summary>One line of a preference file: the conversation so far, then the preferred and the non-preferred reply.</summary>
    private static string ToJsonLine((string Prompt, string Preferred, string NonPreferred) example) => JsonSerializer.Serialize(new
    {
        input = new { messages = new[] { new { role = "user", content = example.Prompt } } },
        preferred_output = new[] { new { role = "assistant", content = example.Preferred } },
        non_preferred_output = new[] { new { role = "assistant", content = example.NonPreferred } },
    });

    /// <summary>A job's events, oldest first, as they appear; stops once <paramref name="finished"/> has completed.</summary>
    private static async IAsyncEnumerable<FineTuningJobEvent> StreamEventsAsync(
        FineTuningClient client, string jobId, Task finished, TimeSpan pollingInterval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string?>();
        while (true)
        {
            bool last = finished.IsCompleted; // checked before reading, so the last read has every event
            var fresh = new List<FineTuningJobEvent>();
            await foreach (FineTuningJobEvent jobEvent in client.GetJobEventsAsync(jobId, cancellationToken: cancellationToken))
            {
                if (!seen.Add(jobEvent.Id))
                {
                    break; // the service lists newest first: the rest was read before
                }

                fresh.Add(jobEvent);
            }

            fresh.Reverse();
            foreach (FineTuningJobEvent jobEvent in fresh)
            {
                yield return jobEvent;
            }

            if (last)
            {
                yield break;
            }

            await Task.WhenAny(finished, Task.Delay(pollingInterval, cancellationToken));
        }
    }

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
