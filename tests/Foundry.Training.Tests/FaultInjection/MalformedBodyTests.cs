using System.Text.Json;
using Azure;
using Foundry.Training.Tests.FaultInjection.Infrastructure;
using Foundry.Training.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.FaultInjection;

/// <summary>
/// Bodies that are not what the operation promises, for both clients: truncated and malformed JSON, HTML pages (a
/// proxy's login page with 200, a gateway's error page with 502), empty bodies, and valid JSON of the wrong shape.
/// A success status with such a body is a <see cref="RequestFailedException"/> (<c>InvalidResponseBody</c>, the
/// <see cref="JsonException"/> inside, the body's flaw in the message); an error status is a
/// <see cref="RequestFailedException"/> with that status whatever the body. A 200 is never retried.
/// </summary>
public sealed class MalformedBodyTests : IDisposable
{
    private readonly MockService _service = new();
    private readonly FaultClients _clients;

    public MalformedBodyTests() => _clients = new FaultClients(_service.Endpoint);

    public void Dispose() => _service.Dispose();

    private const string HtmlPage = "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action=\"/login\"></form></body></html>";

    public static TheoryData<string, string, string> SuccessBodies
    {
        get
        {
            var bodies = new (string Kind, string Body)[]
            {
                ("truncated JSON", """{"name":"j1","id":"ftjob-1","status":"runn"""),
                ("malformed JSON", """{"name": "j1", "id": "ftjob-1", status: running}"""),
                ("HTML page", HtmlPage),
                ("empty body", string.Empty),
                ("whitespace", "  \r\n "),
                ("JSON null", "null"),
                ("JSON array", """[{"name":"j1","id":"ftjob-1"}]"""),
                ("JSON string", "\"j1\""),
                ("wrong value types", """{"name":42,"id":{"nested":true},"created_at":"yesterday","status":7}"""),
            };
            var data = new TheoryData<string, string, string>();
            foreach (FaultTarget target in FaultTarget.All)
            {
                foreach ((string kind, string body) in bodies)
                {
                    data.Add(target.Name, kind, body);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SuccessBodies))]
    public async Task ASuccessStatusWithABodyThatIsNotTheModel_IsInvalidResponseBody(string name, string kind, string body)
    {
        FaultTarget target = FaultTarget.Named(name);
        _service.Server.RespondInTurn(target.Path, Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", kind == "HTML page" ? "text/html" : "application/json")
            .WithHeader("x-request-id", "req-bad-body")
            .WithBody(body));

        Func<Task> read = () => target.Read(_clients, true, CancellationToken.None);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(200);
        ex.ErrorCode.Should().Be("InvalidResponseBody");
        ex.InnerException.Should().BeAssignableTo<JsonException>();
        ex.Message.Should().StartWith("Service returned status 200 with a body that is not a valid ")
            .And.EndWith("(request id req-bad-body)" + Environment.NewLine + "Status: 200 (OK)" + Environment.NewLine + "ErrorCode: InvalidResponseBody");
        _service.Requests.Should().ContainSingle("a success is not retried");
    }

    public static TheoryData<string, int, string> ErrorBodies
    {
        get
        {
            var bodies = new[] { HtmlPage, string.Empty, """{"error":{"code":"Conflict","mess""", "[1,2,3]", "<xml>not json</xml>" };
            var data = new TheoryData<string, int, string>();
            foreach (FaultTarget target in FaultTarget.All)
            {
                data.Add(target.Name, 502, bodies[0]);
                data.Add(target.Name, 500, bodies[1]);
                data.Add(target.Name, 409, bodies[2]);
                data.Add(target.Name, 400, bodies[3]);
                data.Add(target.Name, 404, bodies[4]);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ErrorBodies))]
    public async Task AnErrorStatusWithAnyBody_IsARequestFailedExceptionWithThatStatus(string name, int status, string body)
    {
        FaultTarget target = FaultTarget.Named(name);
        _service.Server.RespondInTurn(target.Path, Response.Create().WithStatusCode(status).WithHeader("Content-Type", body.StartsWith('<') ? "text/html" : "application/json")
            .WithHeader("x-ms-request-id", "req-error").WithBody(body));

        Func<Task> read = () => target.Read(_clients, false, CancellationToken.None);

        RequestFailedException ex = (await read.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(status);
        ex.ErrorCode.Should().BeNull("no error code can be read from this body");
        ex.Message.Should().Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain("req-error");
        _service.Requests.Should().HaveCount(status >= 500 ? FaultClients.MaxRetries + 1 : 1);
    }

    public static TheoryData<string, string> WrongPages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (string list in new[] { "TrainingJobsClient.GetJobs", "FineTuningClient.GetJobs", "FineTuningFilesClient.GetFiles", "IngestionJobsClient.GetJobs" })
            {
                data.Add(list, """[{"id":"a"}]""");                                 // a bare array, not an envelope
                data.Add(list, """{"data":{"id":"a"},"value":{"id":"a"}}""");       // items not in an array
                data.Add(list, """{"data":[1,2],"value":[1,2]}""");                 // items that are not objects
                data.Add(list, """{"data":[null],"value":[null]}""");               // a null item
                data.Add(list, """{"data":[{"id":"a"}],"value":[{"id":"a"}],"has_more":"true","nextLink":7}"""); // has_more / nextLink of the wrong type
                data.Add(list, """{"data":[{"id":"a"}],"has_more":false""");        // truncated
            }

            return data;
        }
    }

    /// <summary>A list page of the wrong shape fails clearly rather than yielding fewer items than the service has.</summary>
    [Theory]
    [MemberData(nameof(WrongPages))]
    public async Task AListPageOfTheWrongShape_IsInvalidResponseBody(string list, string body)
    {
        _service.Server.Given(WireMock.RequestBuilders.Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(body));

        Func<Task> enumerate = async () =>
        {
            await foreach (object _ in Enumerate(list))
            {
            }
        };

        RequestFailedException ex = (await enumerate.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.ErrorCode.Should().Be("InvalidResponseBody");
        ex.Message.Should().Contain("not a valid list of ");
    }

    private IAsyncEnumerable<object> Enumerate(string list) => list switch
    {
        "TrainingJobsClient.GetJobs" => _clients.Jobs.GetJobsAsync(),
        "FineTuningClient.GetJobs" => _clients.FineTuning.GetJobsAsync(),
        "FineTuningFilesClient.GetFiles" => _clients.Files.GetFilesAsync(),
        _ => _clients.Ingestion.GetJobsAsync(),
    };

    [Fact]
    public async Task ADownloadWhoseErrorIsAnHtmlPage_IsARequestFailedExceptionWithTheStatus()
    {
        _service.Server.RespondInTurn("/openai/files/file-1/content", Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(HtmlPage));

        Func<Task> download = () => _clients.Files.DownloadContentAsync("file-1");

        RequestFailedException ex = (await download.Should().ThrowAsync<RequestFailedException>()).Which;
        ex.Status.Should().Be(502);
        ex.Message.Should().Contain("Sign in", "the page is quoted so the failure can be understood");
    }

    [Fact]
    public async Task AnOperationStatusOfTheWrongShape_IsInvalidResponseBody()
    {
        // (A status that is not a string reads as no value, which the operation's poll refuses: PollingHostileTests.)
        _service.Server.RespondInTurn("/api/projects/p/training_jobs/operations/op-1/status", Response.Create().WithStatusCode(200).WithBody("""{"id":["op-1"],"status":"Succeeded"}"""));

        Func<Task> poll = () => _clients.Jobs.GetOperationStatusAsync("op-1");

        (await poll.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("InvalidResponseBody");
    }
}
