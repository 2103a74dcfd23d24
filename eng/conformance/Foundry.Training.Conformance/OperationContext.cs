using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Conformance;

/// <summary>The clients one service target is driven through, and helpers the operations share.</summary>
internal sealed class OperationContext
{
    public OperationContext(FineTuningClient client, ExchangeRecorder recorder, string workDirectory)
    {
        Client = client;
        Files = client.GetFilesClient();
        Models = client.GetModelsClient();
        Ingestion = client.GetIngestionJobsClient();
        Recorder = recorder;
        WorkDirectory = workDirectory;
    }

    public FineTuningClient Client { get; }

    public FineTuningFilesClient Files { get; }

    public FineTuningModelsClient Models { get; }

    public IngestionJobsClient Ingestion { get; }

    public ExchangeRecorder Recorder { get; }

    public string WorkDirectory { get; }

    /// <summary>
    /// Runs a wait-for loop until it ends by itself or has polled <paramref name="polls"/> times: Prism's answers
    /// never move a job or file towards a terminal state, so a bounded number of conformant polls is what can be checked.
    /// </summary>
    public async Task<string> PollAsync<T>(int polls, Func<CancellationToken, Task<T>> wait, Func<T, string> describe, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        int seen = 0;
        Recorder.OnExchange = _ =>
        {
            if (Interlocked.Increment(ref seen) >= polls)
            {
                stop.Cancel();
            }
        };
        try
        {
            T result = await wait(stop.Token).ConfigureAwait(false);
            return "ended after " + seen + " poll(s): " + describe(result);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return $"still waiting after {seen} conformant polls (stopped by the runner)";
        }
        catch (FineTuningJobFailedException ex)
        {
            return "ended after " + seen + " poll(s) with FineTuningJobFailedException (the mock said failed): " + ex.Job.Id;
        }
        catch (FineTuningFileProcessingException ex)
        {
            return "ended after " + seen + " poll(s) with FineTuningFileProcessingException (the mock said " + ex.File.Status + ")";
        }
        finally
        {
            Recorder.OnExchange = null;
        }
    }

    /// <summary>Reads up to <paramref name="maxPages"/> pages through the async pageable.</summary>
    public static async Task<string> ReadPagesAsync<T>(AsyncPageable<T> pageable, int maxPages)
        where T : notnull
    {
        int pages = 0;
        int items = 0;
        await foreach (Page<T> page in pageable.AsPages().ConfigureAwait(false))
        {
            items += page.Values.Count;
            if (++pages == maxPages)
            {
                break;
            }
        }

        return $"{items} item(s) in {pages} page(s)";
    }

    /// <summary>Reads up to <paramref name="maxPages"/> pages through the sync pageable.</summary>
    public static string ReadPages<T>(Pageable<T> pageable, int maxPages)
        where T : notnull
    {
        int pages = 0;
        int items = 0;
        foreach (Page<T> page in pageable.AsPages())
        {
            items += page.Values.Count;
            if (++pages == maxPages)
            {
                break;
            }
        }

        return $"{items} item(s) in {pages} page(s)";
    }

    /// <summary>Reads a downloaded stream to the end.</summary>
    public static async Task<long> DrainAsync(Stream stream, bool async, CancellationToken cancellationToken)
    {
        using (stream)
        {
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = async ? await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) : stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }

            return total;
        }
    }
}
