using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core.Security;

/// <summary>No key, token or SAS signature in Azure.Core logs, exception messages or <c>ToString()</c>.</summary>
public sealed class RedactionTests : IDisposable
{
    private const string FoundryToken = "foundry-secret-token-7f3a";
    private const string AzureOpenAIKey = "aoai-secret-key-91c2";
    private const string OpenAIKey = "sk-proj-secret-openai-5d8e";
    private const string Signature = "SasSecretSig4b1c%3D";
    private const string SasQuery = "sv=2024-05-04&se=2030-01-01T00%3A00%3A00Z&sp=r&sig=" + Signature;
    private const string VisibleBody = """{"purpose":"fine-tune","marker":"body-by-user-choice"}""";

    private static readonly string[] s_secrets = { FoundryToken, AzureOpenAIKey, OpenAIKey, Signature, "SasSecretSig4b1c" };

    private readonly MockService _service = new();

    public RedactionTests()
    {
        string sasUrl = $"https://account.blob.core.windows.net/artifacts/model.bin?{SasQuery}";
        _service.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("*/fail/401"))).RespondWith(Response.Create().WithStatusCode(401)
            .WithHeader("Content-Type", "application/json").WithHeader("WWW-Authenticate", "Bearer realm=\"service\"")
            .WithBody("""{"error":{"code":"Unauthorized","message":"Access denied: invalid credentials."}}"""));
        _service.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("*/fail/500"))).RespondWith(Response.Create().WithStatusCode(500)
            .WithHeader("Content-Type", "application/json").WithHeader("Location", sasUrl).WithHeader("Operation-Location", sasUrl)
            .WithBody("""{"error":{"code":"InternalError","message":"Something broke."}}"""));
        _service.Server.Given(Request.Create().UsingAnyMethod()).AtPriority(100).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithHeader("Location", sasUrl).WithBody("""{"id":"file-1"}"""));
    }

    public void Dispose() => _service.Dispose();

    public static TheoryData<string, bool> Services() => new()
    {
        { "foundry", false }, { "foundry", true },
        { "azure-openai", false }, { "azure-openai", true },
        { "openai", false }, { "openai", true },
    };

    private T Options<T>(T options, bool logContent) where T : ClientOptions
    {
        options.Retry.MaxRetries = 0;
        options.Diagnostics.IsLoggingEnabled = true;
        options.Diagnostics.IsLoggingContentEnabled = logContent;
        return options;
    }

    private ServicePipeline CreatePipeline(string service, bool logContent) => service switch
    {
        "foundry" => ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, new StaticTokenCredential(FoundryToken), Options(new TrainingJobsClientOptions(), logContent)),
        "azure-openai" => ServicePipelineFactory.ForAzureOpenAI(_service.Endpoint, new AzureKeyCredential(AzureOpenAIKey), Options(new FineTuningClientOptions(), logContent)),
        _ => ServicePipelineFactory.ForOpenAI(new AzureKeyCredential(OpenAIKey), Options(new FineTuningClientOptions { OpenAIEndpoint = _service.Endpoint }, logContent)),
    };

    /// <summary>A POST with a body to a URL whose query carries a SAS signature.</summary>
    private static async Task<Exception?> SendAsync(ServicePipeline pipeline, string path)
    {
        using HttpMessage message = pipeline.CreateNextLinkRequest($"{pipeline.Endpoint}{path}?{SasQuery}");
        message.Request.Method = RequestMethod.Post;
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(VisibleBody));
        try
        {
            await pipeline.SendAsync(message, async: true, CancellationToken.None);
            return null;
        }
        catch (RequestFailedException ex)
        {
            return ex;
        }
    }

    private static void ShouldHoldNoSecret(string text, string what)
    {
        foreach (string secret in s_secrets)
        {
            text.Should().NotContain(secret, $"{what} must not reveal a credential or signature");
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Logs_RedactCredentialsAndSignatures_WhetherOrNotContentIsLogged(string service, bool logContent)
    {
        ServicePipeline pipeline = CreatePipeline(service, logContent);
        using var capture = new LogCapture();

        await SendAsync(pipeline, "/files");
        await SendAsync(pipeline, "/fail/401");
        await SendAsync(pipeline, "/fail/500");

        string logs = capture.Text;
        logs.Should().Contain("/files?").And.Contain("sig=REDACTED").And.Contain("Location:REDACTED", "URL-valued response headers may carry a signature");
        ShouldHoldNoSecret(logs, "the log");
        if (logContent)
        {
            logs.Should().Contain("body-by-user-choice", "content logging is the caller's choice");
        }
        else
        {
            logs.Should().NotContain("body-by-user-choice");
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task ExceptionMessages_RedactCredentialsAndSignatures(string service, bool logContent)
    {
        ServicePipeline pipeline = CreatePipeline(service, logContent);

        Exception? unauthorized = await SendAsync(pipeline, "/fail/401");
        Exception? serverError = await SendAsync(pipeline, "/fail/500");

        unauthorized.Should().BeOfType<RequestFailedException>().Which.Status.Should().Be(401);
        serverError.Should().BeOfType<RequestFailedException>().Which.Status.Should().Be(500);
        unauthorized!.Message.Should().Contain("Access denied");
        serverError!.Message.Should().Contain("Something broke").And.Contain("Headers:");
        ShouldHoldNoSecret(unauthorized.ToString(), "a 401's exception");
        ShouldHoldNoSecret(serverError.ToString(), "a 500's exception");
    }

    /// <summary>
    /// An import's SAS URL travels in its body, and the service may echo it in its error. A JSON writer escapes the
    /// <c>&amp;</c> before <c>sig=</c> (System.Text.Json writes <c>\u0026</c>), and a URL inside a query value has it as
    /// <c>%26</c>: the signature stays out of the exception either way, its message and the content it quotes alike.
    /// </summary>
    [Theory]
    [InlineData("\\u0026sig=", true)]
    [InlineData("\\u0026sig=", false)]
    [InlineData("\\u0026SIG=", true)]
    [InlineData("%26sig=", true)]
    public async Task AnImportsErrorEchoingItsSasUrl_KeepsTheSignatureOutOfTheException(string beforeSignature, bool async)
    {
        _service.Server.Given(Request.Create().UsingPost().WithPath("/openai/files/import")).AtPriority(1).RespondWith(Response.Create().WithStatusCode(400)
            .WithHeader("Content-Type", "application/json")
            .WithBody($$$"""{"error":{"code":"invalidPayload","message":"The content url 'https://account.blob.core.windows.net/data/train.jsonl?sv=2024-05-04{{{beforeSignature}}}{{{Signature}}}' cannot be read."}}"""));
        var options = Options(new FineTuningClientOptions(), logContent: false);
        var files = new Foundry.Training.FineTuning.FineTuningClient(_service.Endpoint, new AzureKeyCredential(AzureOpenAIKey), options).GetFilesClient();
        var import = new Foundry.Training.FineTuning.FineTuningFileImport(new Uri($"https://account.blob.core.windows.net/data/train.jsonl?{SasQuery}"), "train.jsonl", Foundry.Training.FineTuning.FilePurpose.FineTune);

        RequestFailedException failure = async
            ? (await FluentActions.Awaiting(() => files.ImportAsync(import)).Should().ThrowAsync<RequestFailedException>()).Which
            : FluentActions.Invoking(() => files.Import(import)).Should().Throw<RequestFailedException>().Which;

        failure.Status.Should().Be(400);
        failure.ErrorCode.Should().Be("invalidPayload");
        failure.Message.Should().Contain("cannot be read").And.Contain("REDACTED");
        ShouldHoldNoSecret(failure.ToString(), "an import's exception");
    }

    /// <summary>
    /// An error body as large as the buffer bound allows (64 MiB by default) is searched for signatures in one linear
    /// scan: the failure is the service's <see cref="RequestFailedException"/>, never a search that gave up
    /// (<c>RegexMatchTimeoutException</c>), and the signature at its end is still redacted.
    /// </summary>
    [Fact]
    public async Task AHugeErrorBody_IsRedactedAndStillARequestFailedException()
    {
        string body = new string('a', 60 << 20) + $" https://account.blob.core.windows.net/data/f?sv=1&sig={Signature} end";
        _service.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("*/fail/huge"))).RespondWith(Response.Create().WithStatusCode(500)
            .WithHeader("Content-Type", "text/plain").WithBody(body));

        Exception? failure = await SendAsync(CreatePipeline("azure-openai", logContent: false), "/fail/huge");

        failure.Should().BeOfType<RequestFailedException>().Which.Status.Should().Be(500);
        ((RequestFailedException)failure!).GetRawResponse()!.Content.ToString().Should().EndWith("&sig=REDACTED end");
        ShouldHoldNoSecret(failure.ToString(), "a huge error's exception");
    }

    [Theory]
    [InlineData("see https://a.blob/c?sv=1&sig=abc%3D&se=2", "see https://a.blob/c?sv=1&sig=REDACTED&se=2")]
    [InlineData("<a href=\"https://a.blob/c?sv=1&amp;sig=abc\">", "<a href=\"https://a.blob/c?sv=1&amp;sig=REDACTED\">")]
    [InlineData("{\"u\":\"https://a.blob/c?sv=1\\u0026SIG=abc\\u002Bd\"}", "{\"u\":\"https://a.blob/c?sv=1\\u0026SIG=REDACTED\"}")]
    [InlineData("go?x=1%26sig=abc 'q?sig=def'", "go?x=1%26sig=REDACTED 'q?sig=REDACTED'")]
    [InlineData("design=1&config=2 sig=3 ?sig= &sig=", "design=1&config=2 sig=3 ?sig= &sig=")]
    [InlineData("", "")]
    public void RedactSignatures_ReplacesEverySignatureValue_AndNothingElse(string text, string expected) =>
        SasRedaction.RedactSignatures(text).Should().Be(expected);

    [Fact]
    public async Task DownloadPipeline_RedactsThePresignedUrlsSignature()
    {
        var options = Options(new TrainingJobsClientOptions(), logContent: true);
        HttpPipeline pipeline = ServicePipelineFactory.ForDownloads(options);
        using var capture = new LogCapture();
        using HttpMessage message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri($"{_service.Endpoint}artifacts/model.bin?{SasQuery}"));

        await pipeline.SendAsync(message, CancellationToken.None);

        message.Response.Status.Should().Be(200);
        capture.Text.Should().Contain("artifacts/model.bin?");
        ShouldHoldNoSecret(capture.Text, "the download log");
    }

    /// <remarks>
    /// Not listed: Azure.Core's <c>Request.ToString()</c> and <c>RequestUriBuilder.ToString()</c> print the raw request
    /// (headers and URL). Only pipeline policies can reach a request; clients never hand one out.
    /// </remarks>
    [Fact]
    public async Task ToString_OfOptionsCredentialsPoliciesAndPipelines_HoldsNoSecret()
    {
        var credential = new StaticTokenCredential(FoundryToken);
        var tokenPolicy = new TokenCredentialPolicy(credential, _service.Endpoint, "https://ai.azure.com/.default");
        var keyCredential = new AzureKeyCredential(OpenAIKey);
        var keyPolicy = new KeyCredentialPolicy(keyCredential, _service.Endpoint, "Authorization", "Bearer");
        var options = new FineTuningClientOptions { OpenAIEndpoint = _service.Endpoint, OpenAIOrganization = "org-1" };
        ServicePipeline pipeline = ServicePipelineFactory.ForOpenAI(keyCredential, options);
        using HttpMessage message = pipeline.CreateNextLinkRequest($"{_service.Endpoint}files?{SasQuery}");
        await pipeline.SendAsync(message, async: true, CancellationToken.None);
        AccessToken token = await credential.GetTokenAsync(new TokenRequestContext(new[] { "scope" }), CancellationToken.None);

        object[] holders =
        {
            credential, tokenPolicy, keyCredential, keyPolicy, options, new TrainingJobsClientOptions(), pipeline, pipeline.Pipeline,
            message, message.Request.Headers, token, options.RetryPolicy!,
        };
        foreach (object holder in holders)
        {
            ShouldHoldNoSecret(holder.ToString() ?? string.Empty, $"{holder.GetType().Name}.ToString()");
        }
    }
}
