using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

namespace Foundry.Training;

/// <summary>
/// The SDK's own log events, on the <c>Foundry-Training</c> event source. It carries the <c>AzureEventSource</c> trait,
/// so <c>AzureEventSourceListener</c> and Microsoft.Extensions.Azure's log forwarding pick it up alongside Azure.Core's
/// <c>Azure-Core</c> source.
/// </summary>
[EventSource(Name = EventSourceName)]
internal sealed class FoundryTrainingEventSource : EventSource
{
    public const string EventSourceName = "Foundry-Training";

    private const int ServiceItemSkippedEvent = 1;

    private FoundryTrainingEventSource()
        : base(EventSourceName, EventSourceSettings.Default, AzureEventSourceListener.TraitName, AzureEventSourceListener.TraitValue)
    {
    }

    public static FoundryTrainingEventSource Singleton { get; } = new();

    /// <summary>
    /// An item the service sent could not be used and was skipped, for example a metric without a name while watching
    /// a job: service data never reaches the argument checks meant for callers.
    /// </summary>
    [Event(ServiceItemSkippedEvent, Level = EventLevel.Warning, Message = "{0} skipped {1}: {2}")]
    public void ServiceItemSkipped(string operation, string item, string reason)
    {
        if (IsEnabled(EventLevel.Warning, EventKeywords.All))
        {
            WriteEvent(ServiceItemSkippedEvent, operation, item, reason);
        }
    }
}
