using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Foundry.Training.FineTuning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Foundry.Training.Samples.Tests;

/// <summary>
/// Webhooks against the emulator, which pushes its webhooks to the sample's endpoint; and the endpoint alone, fed
/// genuine, forged and repeated requests signed here with .NET's HMACSHA256.
/// </summary>
public sealed partial class WebhooksSampleTests : IDisposable
{
    private const string Secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly TempFolder _folder = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        _folder.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task FollowsAJobByWebhook_ThenDownloadsItsResults()
    {
        int exitCode = await WebhooksSample.RunAsync(new WebhooksSettings { WorkDirectory = _folder.Path }, _output, _timeout.Token);

        string output = _output.ToString();
        exitCode.Should().Be(0, output);
        string[] lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(8, output);
        lines[0].Should().StartWith("Target: embedded emulator (OpenAI platform) at http://127.0.0.1:");
        lines[1].Should().MatchRegex(@"^Listening for webhooks at http://127\.0\.0\.1:\d+/webhooks/openai$");
        lines[2].Should().MatchRegex(@"^Uploaded trivia\.jsonl as file-\S+ \(processed\)$");
        string jobId = CreatedLine().Match(lines[3]).Groups["job"].Value;
        jobId.Should().StartWith("ftjob-", lines[3]);
        lines[4].Should().MatchRegex($@"^Webhook evt_[0-9a-f]{{32}}: fine_tuning\.job\.succeeded for {jobId} \(signature verified\)$");
        lines[5].Should().MatchRegex($@"^Job {jobId} succeeded at .+: fine-tuned model ft:gpt-4\.1-mini-2025-04-14:emulator:webhooks:");
        lines[6].Should().MatchRegex(@"^Downloaded result file file-\S+ to .+results\.csv: 10 steps$");
        lines[7].Should().MatchRegex(@"^Last step 10: train_loss 0\.\d+$");

        string[] csv = await File.ReadAllLinesAsync(Path.Combine(_folder.Path, "results.csv"), _timeout.Token);
        csv[0].Should().StartWith("step,train_loss,");
        csv.Where(l => l.Length > 0).Should().HaveCount(11);
    }

    [Fact]
    public async Task WithAnApiKeyButNoWebhookSecret_ItSaysWhatIsMissing()
    {
        int exitCode = await WebhooksSample.RunAsync(new WebhooksSettings { OpenAIApiKey = "sk-test", WorkDirectory = _folder.Path }, _output, _timeout.Token);

        exitCode.Should().Be(2);
        _output.ToString().Should().Contain("Set OPENAI_WEBHOOK_SECRET");
    }

    [Fact]
    public async Task TheEndpoint_AcceptsGenuineEventsOnce_AndRejectsEverythingElse()
    {
        Channel<FineTuningWebhookEvent> events = Channel.CreateUnbounded<FineTuningWebhookEvent>();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using WebApplication app = builder.Build();
        app.MapOpenAIWebhooks(new WebhookVerifier(Secret), events.Writer, TextWriter.Synchronized(_output));
        await app.StartAsync(_timeout.Token);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        const string Body = """{"id":"evt_1","object":"event","created_at":1750287018,"type":"fine_tuning.job.succeeded","data":{"id":"ftjob-1"}}""";
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        (await PostAsync(http, Body, "wh_1", now, Sign("wh_1", now, Body))).Should().Be(HttpStatusCode.OK);
        (await PostAsync(http, Body, "wh_1", now + 1, Sign("wh_1", now + 1, Body))).Should().Be(HttpStatusCode.OK, "a retry is acknowledged");
        (await PostAsync(http, Body.Replace("ftjob-1", "ftjob-2", StringComparison.Ordinal), "wh_1", now, Sign("wh_1", now, Body))).Should().Be(HttpStatusCode.BadRequest);
        (await PostAsync(http, Body, "wh_1", now - 3600, Sign("wh_1", now - 3600, Body))).Should().Be(HttpStatusCode.BadRequest, "an old request may be a replay");
        (await PostAsync(http, Body, "wh_1", now, signature: null)).Should().Be(HttpStatusCode.BadRequest);
        await app.StopAsync(_timeout.Token);
        events.Writer.Complete();

        List<FineTuningWebhookEvent> received = await events.Reader.ReadAllAsync(_timeout.Token).ToListAsync(_timeout.Token);
        received.Should().ContainSingle("a repeated event id is handled once").Which.Should().BeOfType<FineTuningJobSucceededEvent>().Which.JobId.Should().Be("ftjob-1");
        string output = _output.ToString();
        Regex.Matches(output, "^Rejected a webhook: ", RegexOptions.Multiline).Should().HaveCount(3);
        output.Should().Contain("Rejected a webhook: The webhook-signature header is missing or empty");
        output.Should().Contain("Webhook evt_1: fine_tuning.job.succeeded for ftjob-1 (signature verified)");
    }

    private async Task<HttpStatusCode> PostAsync(HttpClient http, string body, string id, long timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (signature is not null)
        {
            request.Headers.Add("webhook-signature", signature);
        }

        using HttpResponseMessage response = await http.SendAsync(request, _timeout.Token);
        return response.StatusCode;
    }

    private static string Sign(string id, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(Secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    [GeneratedRegex(@"^Created fine-tuning job (?<job>\S+) \(validating_files\); waiting for its webhook$")]
    private static partial Regex CreatedLine();
}
