using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Text;
using Azure.Core.Diagnostics;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// Captures every Azure SDK event source message (the formatted text and each raw payload, byte arrays decoded as
/// UTF-8) while it lives. The listener is process-wide, so the text may include other tests' events.
/// </summary>
public sealed class LogCapture : IDisposable
{
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly AzureEventSourceListener _listener;

    public LogCapture(EventLevel level = EventLevel.Verbose) =>
        _listener = new AzureEventSourceListener((e, message) =>
        {
            _entries.Enqueue(message);
            foreach (object? item in e.Payload ?? (IList<object?>)Array.Empty<object?>())
            {
                _entries.Enqueue(item switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    string text => text,
                    IEnumerable sequence => string.Join(",", sequence.Cast<object?>()),
                    _ => item?.ToString() ?? string.Empty,
                });
            }
        }, level);

    public string Text => string.Join("\n", _entries);

    public void Dispose() => _listener.Dispose();
}
