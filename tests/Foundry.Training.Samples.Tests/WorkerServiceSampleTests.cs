using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Foundry.Training.Samples.Tests;

/// <summary>
/// WorkerService against the embedded emulator. The host is built empty (no environment variables, no
/// appsettings.json): the test supplies the configuration.
/// </summary>
public sealed class WorkerServiceSampleTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly StringLoggerProvider _logs = new();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task SubmitsAndWatchesAJobThroughDependencyInjection_ThenStopsTheHostWithExitCodeZero()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TrainingWorker:JobNamePrefix"] = "configured-prefix",
        });
        builder.Logging.AddProvider(_logs);

        int exitCode = await WorkerServiceSample.RunAsync(builder, _timeout.Token);

        string logs = string.Join(Environment.NewLine, _logs.Lines);
        exitCode.Should().Be(0, logs);
        _timeout.IsCancellationRequested.Should().BeFalse("the worker stops the host itself once the job has finished");
        logs.Should().Contain("Information WorkerService: Target: embedded emulator at http://127.0.0.1:");

        // The job's name comes from configuration; its progress is logged until it completes.
        logs.Should().MatchRegex(@"Submitted training job configured-prefix-\d{8}-\d{6} to http://127\.0\.0\.1:\d+/api/projects/emulator");
        // The emulator runs on the wall clock: on a loaded machine the first poll may already find the job running.
        logs.Should().MatchRegex("Training job configured-prefix-\\S+ is (Queued|Running)")
            .And.MatchRegex("Training job configured-prefix-\\S+ is Completed");
        _logs.Lines.Count(line => line.Contains(": loss ", StringComparison.Ordinal)).Should().Be(10);
        _logs.Lines.Should().NotContain(line => line.StartsWith("Error", StringComparison.Ordinal));
        _logs.Lines.Should().NotContain(line => line.StartsWith("Warning Foundry.Training.Samples", StringComparison.Ordinal) || line.StartsWith("Warning WorkerService", StringComparison.Ordinal));
    }
}
