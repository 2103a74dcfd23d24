namespace Foundry.Training.Samples;

/// <summary>
/// Where Webhooks listens and which service it fine-tunes on: the OpenAI platform when <see cref="OpenAIApiKey"/> and
/// <see cref="WebhookSecret"/> are set, else the OpenAI platform of the embedded emulator, which pushes its webhooks to
/// this sample's endpoint.
/// </summary>
public sealed record WebhooksSettings
{
    /// <summary>An OpenAI platform key (<c>OPENAI_API_KEY</c>).</summary>
    public string? OpenAIApiKey { get; init; }

    /// <summary>
    /// The signing secret of your project's webhook endpoint (<c>OPENAI_WEBHOOK_SECRET</c>, <c>whsec_...</c>), shown
    /// when you create the endpoint in the platform's settings. Required with <see cref="OpenAIApiKey"/>.
    /// </summary>
    public string? WebhookSecret { get; init; }

    /// <summary>
    /// Where the endpoint listens (<c>WEBHOOK_LISTEN_URL</c>): by default <c>http://127.0.0.1:8080</c> for the platform
    /// (forward your endpoint's public URL, for example through a tunnel, to <c>{this}/webhooks/openai</c>) and a free
    /// port on <c>127.0.0.1</c> for the emulator.
    /// </summary>
    public Uri? ListenUrl { get; init; }

    /// <summary>The base model to fine-tune.</summary>
    public string BaseModel { get; init; } = "gpt-4.1-mini-2025-04-14";

    /// <summary>Where the training file and the job's results are written.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "foundry-training-samples", "webhooks");

    public static WebhooksSettings FromEnvironment() => new()
    {
        OpenAIApiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 } key ? key : null,
        WebhookSecret = Environment.GetEnvironmentVariable("OPENAI_WEBHOOK_SECRET") is { Length: > 0 } secret ? secret : null,
        ListenUrl = Environment.GetEnvironmentVariable("WEBHOOK_LISTEN_URL") is { Length: > 0 } url ? new Uri(url) : null,
    };
}
