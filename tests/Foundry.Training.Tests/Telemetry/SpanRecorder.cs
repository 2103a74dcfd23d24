using System.Collections.Concurrent;
using System.Diagnostics;

namespace Foundry.Training.Tests.Telemetry;

/// <summary>
/// Records the <c>Foundry.Training</c> spans (and Azure.Core's HTTP activities) started under this recorder's own root
/// activity, so tests running in parallel never see each other's spans.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly IDisposable _diagnosticSubscription;
    private readonly Activity _root;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Activity> _httpActivities = new();

    public SpanRecorder()
    {
        _root = new Activity("test-root").SetIdFormat(ActivityIdFormat.W3C).Start();
        ActivityTraceId trace = _root.TraceId;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FoundryTrainingTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity => _spans.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_listener);
        _diagnosticSubscription = DiagnosticListener.AllListeners.Subscribe(new AzureCoreObserver(_httpActivities, trace));
    }

    /// <summary>The finished Foundry.Training spans, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Spans => _spans.ToList();

    /// <summary>Azure.Core's HTTP request activities of this test.</summary>
    public IReadOnlyList<Activity> HttpActivities => _httpActivities.ToList();

    public Activity Single(string name) => Spans.Should().ContainSingle(s => s.OperationName == name, "one span per call of {0}", name).Subject;

    public void Dispose()
    {
        _listener.Dispose();
        _diagnosticSubscription.Dispose();
        _root.Stop();
    }

    /// <summary>Subscribes to Azure.Core's diagnostic listener, which creates an activity per HTTP request when someone listens.</summary>
    private sealed class AzureCoreObserver(ConcurrentQueue<Activity> sink, ActivityTraceId trace)
        : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Azure.Core")
            {
                listener.Subscribe(this, (name, _, _) => name.StartsWith("Azure.Core.Http.Request", StringComparison.Ordinal));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key.EndsWith(".Start", StringComparison.Ordinal) && Activity.Current is { } current && current.TraceId == trace)
            {
                sink.Enqueue(current);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
