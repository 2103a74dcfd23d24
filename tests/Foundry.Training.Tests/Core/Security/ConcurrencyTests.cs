using Azure.Core;
using Foundry.Training.Tests.Infrastructure;
using Polly;
using WireMock;
using WireMock.Types;
using WireMock.Util;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;

namespace Foundry.Training.Tests.Core.Security;

/// <summary>One pipeline shared by hundreds of parallel requests: every caller gets its own response.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private const int Callers = 400;

    private readonly MockService _service = new();

    public ConcurrencyTests() =>
        // The body echoes the request's path and its caller header, so a response handed to the wrong caller shows.
        _service.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithCallback(request => new ResponseMessage
        {
            StatusCode = 200,
            BodyData = new BodyData { BodyAsString = $"{request.Path}|{request.Headers!["x-caller"].Single()}", DetectedBodyType = BodyType.String },
        }));

    public void Dispose() => _service.Dispose();

    private static async ValueTask<string> Call(ServicePipeline pipeline, int caller, bool async)
    {
        using HttpMessage message = pipeline.CreateRequest(RequestMethod.Get, $"/training_jobs/job-{caller}");
        message.Request.Headers.SetValue("x-caller", $"caller-{caller}");
        Azure.Response response = await pipeline.SendAsync(message, async, CancellationToken.None);
        return response.Content.ToString();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ParallelCallsThroughOnePipeline_EachGetTheirOwnResponse(bool withPolly)
    {
        var credential = new StaticTokenCredential("shared-token");
        var options = new TrainingJobsClientOptions();
        if (withPolly)
        {
            options.ResiliencePipeline = new ResiliencePipelineBuilder<Azure.Response>().AddTimeout(TimeSpan.FromMinutes(1)).Build();
        }

        ServicePipeline pipeline = ServicePipelineFactory.ForTrainingJobs(_service.Endpoint, credential, options);

        // Every tenth caller is synchronous, on a thread of its own so that blocking does not starve the pool.
        string[] bodies = await Task.WhenAll(Enumerable.Range(0, Callers).Select(i => i % 10 == 0
            ? Task.Factory.StartNew(() => Call(pipeline, i, async: false).EnsureCompleted(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : Task.Run(() => Call(pipeline, i, async: true).AsTask())));

        bodies.Select((body, i) => (body, i)).Should().OnlyContain(x => x.body == $"/training_jobs/job-{x.i}|caller-{x.i}");
        _service.Requests.Should().HaveCount(Callers);
        _service.Requests.Should().OnlyContain(r => r.RequestMessage.Headers!["Authorization"].Single() == "Bearer shared-token");
        credential.RequestedScopes.Should().ContainSingle("the token is fetched once and shared");
    }
}
