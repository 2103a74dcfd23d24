using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Foundry.Training.Tests.Emulator;

/// <summary>
/// A webhook endpoint for tests: Kestrel on 127.0.0.1 and a free port that records every POST (headers and body bytes
/// exactly as received) and answers with the statuses planned, then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _plannedStatuses = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private TaskCompletionSource _release = CompletedRelease();

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        _app.MapPost("/webhooks", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new ReceivedWebhook(headers, body.ToArray()));
            _arrivals.Release();
            await Volatile.Read(ref _release).Task.WaitAsync(context.RequestAborted);
            context.Response.StatusCode = _plannedStatuses.TryDequeue(out int status) ? status : 200;
        });
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Every request so far, oldest first.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        await receiver._app.StartAsync();
        string address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/webhooks");
        return receiver;
    }

    /// <summary>Answers the next requests with these statuses, in order; 200 after them.</summary>
    public void Plan(params HttpStatusCode[] statuses)
    {
        foreach (HttpStatusCode status in statuses)
        {
            _plannedStatuses.Enqueue((int)status);
        }
    }

    /// <summary>Holds every answer until <see cref="Release"/>.</summary>
    public void Hold() => Volatile.Write(ref _release, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Volatile.Read(ref _release).TrySetResult();

    /// <summary>Waits until <paramref name="count"/> requests have arrived in all.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, CancellationToken cancellationToken)
    {
        while (_received.Count < count)
        {
            await _arrivals.WaitAsync(cancellationToken);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrivals.Dispose();
    }

    private static TaskCompletionSource CompletedRelease()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }
}

/// <summary>One webhook request as the receiver saw it.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Id => Headers["webhook-id"];

    public BinaryData Content => BinaryData.FromBytes(Body);
}
