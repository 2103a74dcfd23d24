using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Foundry.Training.Datasets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Conformance;

/// <summary>The clients one target (a service in one direction) is driven through, and helpers the operations share.</summary>
internal sealed class OperationContext
{
    private readonly FineTuningClient? _client;
    private readonly TrainingJobsClient? _jobs;
    private readonly DatasetsClient? _datasets;
    private readonly JsonSpecDocument? _spec;

    public OperationContext(ExchangeRecorder recorder, string workDirectory, Fixture fixture, FineTuningClient? client, TrainingJobsClient? jobs, DatasetsClient? datasets, JsonSpecDocument? spec)
    {
        _client = client;
        _jobs = jobs;
        _datasets = datasets;
        _spec = spec;
        Recorder = recorder;
        WorkDirectory = workDirectory;
        Fixture = fixture;
    }

    public FineTuningClient Client => _client ?? throw new InvalidOperationException("This target has no fine-tuning client.");

    public FineTuningFilesClient Files => Client.GetFilesClient();

    public FineTuningModelsClient Models => Client.GetModelsClient();

    public IngestionJobsClient Ingestion => Client.GetIngestionJobsClient();

    public TrainingJobsClient Jobs => _jobs ?? throw new InvalidOperationException("This target has no training jobs client.");

    public DatasetsClient Datasets => _datasets ?? throw new InvalidOperationException("This target has no datasets client.");

    public ExchangeRecorder Recorder { get; }

    public string WorkDirectory { get; }

    /// <summary>The ids the operations act on: made up against a mock, real emulator resources behind a proxy.</summary>
    public Fixture Fixture { get; }

    /// <summary>
    /// Query parameters the spec does not declare for the route (Prism lets them through); checked where the runner reads
    /// the spec's parameters (the compiled Foundry document).
    /// </summary>
    public IEnumerable<string> CheckQuery(Exchange exchange)
    {
        if (_spec is null)
        {
            yield break;
        }

        JsonSpecDocument.SpecOperation? operation = _spec.Match(exchange.Method, exchange.Path);
        if (operation is null)
        {
            yield break; // Prism reports a route the spec lacks
        }

        IEnumerable<string> names = exchange.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => Uri.UnescapeDataString(pair.Split('=')[0]))
            .Distinct(StringComparer.Ordinal);
        foreach (string name in names.Where(n => !operation.Query.Contains(n)))
        {
            yield return $"runner check: query parameter '{name}' is not a parameter of {operation.OperationId}";
        }
    }

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
