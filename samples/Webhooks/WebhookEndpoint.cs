using System.Collections.Concurrent;
using System.Threading.Channels;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Samples;

/// <summary>
/// The webhook endpoint, as you would write it in any ASP.NET Core app: it verifies each request, hands each new event
/// to the rest of the app and answers at once. The platform retries until it gets a 2xx answer, so an event may come
/// more than once; a slow answer counts as a failure.
/// </summary>
public static class WebhookEndpoint
{
    public const string Path = "/webhooks/openai";

    /// <summary>
    /// Maps <c>POST /webhooks/openai</c>: a genuine request gets <c>200</c> and its event, the first time its id is seen,
    /// goes to <paramref name="events"/>; any other request gets <c>400</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapOpenAIWebhooks(this IEndpointRouteBuilder app, WebhookVerifier verifier, ChannelWriter<FineTuningWebhookEvent> events, TextWriter output)
    {
        var handled = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal); // in production, a durable store shared by your instances
        return app.MapPost(Path, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            // The signature covers the body's exact bytes: read them as they came, before anything parses them.
            BinaryData body = await BinaryData.FromStreamAsync(request.Body, cancellationToken);
            FineTuningWebhookEvent webhookEvent;
            try
            {
                webhookEvent = verifier.Unwrap(name => request.Headers[name], body);
            }
            catch (WebhookVerificationException ex)
            {
                output.WriteLine($"Rejected a webhook: {ex.Message}");
                return Results.BadRequest();
            }

            if (handled.TryAdd(webhookEvent.Id, true))
            {
                string about = webhookEvent is FineTuningJobWebhookEvent jobEvent ? $" for {jobEvent.JobId}" : string.Empty;
                output.WriteLine($"Webhook {webhookEvent.Id}: {webhookEvent.Type}{about} (signature verified)");
                await events.WriteAsync(webhookEvent, cancellationToken);
            }

            return Results.Ok();
        });
    }
}
