using Azure;
using Azure.Core;
using Foundry.Training.Tests.Infrastructure;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;
using WireMock.ResponseBuilders;

namespace Foundry.Training.Tests.Core;

public sealed class ErrorMappingTests : IDisposable
{
    private readonly MockService _service = new();
    private readonly ServicePipeline _pipeline;

    public ErrorMappingTests()
    {
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 0;
        _pipeline = ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, new StaticTokenCredential(), options);
    }

    public void Dispose() => _service.Dispose();

    private async Task<RequestFailedException> FailWith(int status, string? body, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        IResponseBuilder response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithBody(body).WithHeader("Content-Type", contentType);
        }

        foreach ((string name, string value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        _service.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
        using HttpMessage message = _pipeline.CreateRequest(RequestMethod.Get, "/training_jobs/x");
        Func<Task> send = async () => await _pipeline.SendAsync(message, async: true, CancellationToken.None);
        return (await send.Should().ThrowAsync<RequestFailedException>()).Which;
    }

    [Fact]
    public async Task FoundryErrorShape()
    {
        RequestFailedException ex = await FailWith(
            404,
            """{"error":{"code":"UserError","message":"Job 'x' was not found.","details":[{"code":"NotFound","message":"missing"}]}}""",
            headers: ("x-ms-request-id", "req-foundry-1"));

        ex.Status.Should().Be(404);
        ex.ErrorCode.Should().Be("UserError");
        ex.Message.Should().Contain("Job 'x' was not found.").And.Contain("req-foundry-1");
        ex.Data["RequestId"].Should().Be("req-foundry-1");
    }

    [Fact]
    public async Task AzureOpenAIErrorShape()
    {
        RequestFailedException ex = await FailWith(
            400,
            """{"error":{"code":"invalidPayload","message":"The suffix is too long.","target":"suffix","innererror":{"code":"invalidSuffix"}}}""",
            headers: ("apim-request-id", "req-aoai-2"));

        ex.Status.Should().Be(400);
        ex.ErrorCode.Should().Be("invalidPayload");
        ex.Message.Should().Contain("The suffix is too long.");
        ex.Data["RequestId"].Should().Be("req-aoai-2");
        ex.Data["Target"].Should().Be("suffix");
        ex.Data["InnerErrorCode"].Should().Be("invalidSuffix");
    }

    [Fact]
    public async Task OpenAIErrorShape_UsesTypeWhenCodeIsNull()
    {
        RequestFailedException ex = await FailWith(
            401,
            """{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,"code":null}}""",
            headers: ("x-request-id", "req_abc123"));

        ex.Status.Should().Be(401);
        ex.ErrorCode.Should().Be("invalid_request_error");
        ex.Message.Should().Contain("Incorrect API key provided.");
        ex.Data["RequestId"].Should().Be("req_abc123");
        ex.Data["ErrorType"].Should().Be("invalid_request_error");
    }

    [Fact]
    public async Task OpenAIErrorShape_KeepsCodeAndParam()
    {
        RequestFailedException ex = await FailWith(400, """{"error":{"message":"bad model","type":"invalid_request_error","param":"model","code":"model_not_found"}}""");

        ex.ErrorCode.Should().Be("model_not_found");
        ex.Data["Param"].Should().Be("model");
    }

    [Fact]
    public async Task HtmlErrorPage()
    {
        RequestFailedException ex = await FailWith(502, "<html><body>Bad Gateway</body></html>", "text/html", ("x-request-id", "gw-1"));

        ex.Status.Should().Be(502);
        ex.ErrorCode.Should().BeNull();
        ex.Message.Should().Contain("502").And.Contain("gw-1");
        ex.Data["RequestId"].Should().Be("gw-1");
    }

    [Fact]
    public async Task EmptyBody()
    {
        RequestFailedException ex = await FailWith(500, null, headers: ("x-ms-request-id", "empty-1"));

        ex.Status.Should().Be(500);
        ex.ErrorCode.Should().BeNull();
        ex.Data["RequestId"].Should().Be("empty-1");
    }

    [Fact]
    public async Task TruncatedJsonBody()
    {
        RequestFailedException ex = await FailWith(409, """{"error":{"code":"Conflict","mess""");

        ex.Status.Should().Be(409);
        ex.ErrorCode.Should().BeNull();
        ex.Message.Should().Contain("409");
    }

    [Theory]
    [InlineData("""{"error":{"code":"Bad\uD800","message":"m"}}""")]   // a lone surrogate escape in a value
    [InlineData("""{"error":{"\uD83D\u0041message":"m"}}""")]         // ... in a property name
    public async Task ErrorBodyWithAnInvalidEscape_IsStillARequestFailedException(string body)
    {
        RequestFailedException ex = await FailWith(503, body, headers: ("x-ms-request-id", "esc-1"));

        ex.Status.Should().Be(503);
        ex.ErrorCode.Should().BeNull();
        ex.Data["RequestId"].Should().Be("esc-1");
    }

    [Fact]
    public async Task ErrorBodyThatIsNotUtf8_IsStillARequestFailedException()
    {
        _service.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(400)
            .WithBody(new byte[] { (byte)'{', (byte)'"', (byte)'e', (byte)'r', (byte)'r', (byte)'o', (byte)'r', (byte)'"', (byte)':', (byte)'"', 0xC0, 0xAF, (byte)'"', (byte)'}' })
            .WithHeader("Content-Type", "application/json"));
        using HttpMessage message = _pipeline.CreateRequest(RequestMethod.Get, "/training_jobs/x");

        Func<Task> send = async () => await _pipeline.SendAsync(message, async: true, CancellationToken.None);

        (await send.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(400);
    }

    [Fact]
    public async Task NonErrorJsonShapes()
    {
        (await FailWith(400, "[1,2,3]")).ErrorCode.Should().BeNull();
        _service.Server.Reset();
        (await FailWith(400, """{"error":"plain string"}""")).Message.Should().Contain("plain string");
        _service.Server.Reset();
        (await FailWith(400, """{"code":"TopLevel","message":"top level error"}""")).ErrorCode.Should().Be("TopLevel");
    }

    [Fact]
    public void SuccessfulStatusWithUnreadableBodyIsARequestFailedException()
    {
        _service.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"at\": tru").WithHeader("x-request-id", "bad-1"));
        using HttpMessage message = _pipeline.CreateRequest(RequestMethod.Get, "/x");
        Azure.Response response = _pipeline.SendAsync(message, async: false, CancellationToken.None).EnsureCompleted();

        Action read = () => _pipeline.Read(response, ModelSerialization.GetTypeInfo<System.Text.Json.JsonElement>());

        RequestFailedException ex = read.Should().Throw<RequestFailedException>().Which;
        ex.Status.Should().Be(200);
        ex.ErrorCode.Should().Be("InvalidResponseBody");
        ex.Message.Should().EndWith(Environment.NewLine + "Status: 200 (OK)" + Environment.NewLine + "ErrorCode: InvalidResponseBody");
        ex.ToString().Should().Contain("ErrorCode: InvalidResponseBody");
        ex.Message.Should().Contain("bad-1");
        ex.InnerException.Should().BeAssignableTo<System.Text.Json.JsonException>();
    }
}
