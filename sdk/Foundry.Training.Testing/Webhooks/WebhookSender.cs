using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// Delivers webhook events as the OpenAI platform does (Standard Webhooks): a JSON <c>POST</c> with the
/// <c>webhook-id</c> (the event id, the same on every attempt), <c>webhook-timestamp</c> and <c>webhook-signature</c>
/// (<c>v1,</c> + base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, signed afresh for each attempt) headers, retried
/// with exponential backoff until the receiver answers with a 2xx status or the attempts run out. Events go out one
/// after another in the background, in the order they happened; the request that caused one never waits for it.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    /// <summary>How long one attempt may take before it counts as failed.</summary>
    private static readonly TimeSpan s_attemptTimeout = TimeSpan.FromSeconds(10);

    private readonly Uri _url;
    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly int _maxAttempts;
    private readonly TimeSpan _retryDelay;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly List<EmulatorWebhookDelivery> _deliveries = new();
    private Task _tail = Task.CompletedTask;

    public WebhookSender(Uri url, string secret, TimeProvider clock, int maxAttempts, TimeSpan retryDelay)
    {
        _url = url;
        _key = WebhookSecret.Decode(secret, nameof(secret));
        _clock = clock;
        _maxAttempts = maxAttempts;
        _retryDelay = retryDelay;

        // A redirect is an answer that is not 2xx, as for the platform: the event is retried, not forwarded.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Every attempt so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<EmulatorWebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return _deliveries.ToArray();
            }
        }
    }

    /// <summary>Queues <paramref name="webhookEvent"/> behind the events before it; returns at once.</summary>
    public void Send(FineTuningWebhookEvent webhookEvent)
    {
        byte[] body = FoundryTrainingSerializer.SerializeToBinaryData(webhookEvent).ToArray();
        string type = webhookEvent.Type?.ToString() ?? string.Empty;
        lock (_gate)
        {
            Task previous = _tail;
            _tail = Task.Run(() => DeliverAfterAsync(previous, webhookEvent.Id, type, body));
        }
    }

    /// <summary>Completes when every event sent so far has been delivered or given up.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        Task tail;
        lock (_gate)
        {
            tail = _tail;
        }

        return tail.WaitAsync(cancellationToken);
    }

    /// <summary>Stops delivering: attempts in flight are cancelled, queued events dropped.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _http.Dispose();
    }

    private async Task DeliverAfterAsync(Task previous, string id, string type, byte[] body)
    {
        await previous.ConfigureAwait(false); // never faults: each delivery handles its own failures
        try
        {
            for (int attempt = 1; attempt <= _maxAttempts; attempt++)
            {
                if (attempt > 1)
                {
                    await Task.Delay(Backoff(attempt), _stopping.Token).ConfigureAwait(false);
                }

                if (await AttemptAsync(id, type, body, attempt).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The emulator was disposed.
        }
        catch (ObjectDisposedException) when (_stopping.IsCancellationRequested)
        {
            // The emulator was disposed.
        }
    }

    /// <summary>One signed <c>POST</c>; whether the receiver acknowledged it.</summary>
    private async Task<bool> AttemptAsync(string id, string type, byte[] body, int attempt)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        string timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("webhook-signature", Sign(id, timestamp, body));
        request.Headers.TryAddWithoutValidation("User-Agent", "Foundry.Training.Testing-emulator (OpenAI webhooks)");

        int? status = null;
        string? error = null;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
        {
            timeout.CancelAfter(s_attemptTimeout);
            try
            {
                using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException ex)
            {
                error = ex.Message;
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
            {
                error = $"No answer within {s_attemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.";
            }
        }

        var delivery = new EmulatorWebhookDelivery(id, type, attempt, now, status, error, Encoding.UTF8.GetString(body));
        lock (_gate)
        {
            _deliveries.Add(delivery);
        }

        return delivery.Succeeded;
    }

    /// <summary><c>v1,</c> + base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.</summary>
    private string Sign(string id, string timestamp, byte[] body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes(id + "." + timestamp + "."));
        hmac.AppendData(body);
        return "v1," + Convert.ToBase64String(hmac.GetHashAndReset());
    }

    /// <summary>The wait before <paramref name="attempt"/>: the retry delay, doubled for each attempt after the second, at most an hour.</summary>
    private TimeSpan Backoff(int attempt) => TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks << Math.Min(attempt - 2, 16), TimeSpan.TicksPerHour));
}
