using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using WireMock.Logging;

namespace Foundry.Training.Tests.Jobs;

/// <summary>A <see cref="TrainingJobsClient"/> against a local mock of one Foundry project.</summary>
public abstract class JobsTestBase : IDisposable
{
    protected JobsTestBase()
    {
        Service = new MockService();
        Credential = new StaticTokenCredential("jobs-token");
        var options = new TrainingJobsClientOptions();
        options.Retry.MaxRetries = 0;
        Client = new TrainingJobsClient(new Uri(Service.Endpoint, "api/projects/proj"), Credential, options);
    }

    protected MockService Service { get; }

    protected StaticTokenCredential Credential { get; }

    protected TrainingJobsClient Client { get; }

    protected void Load(params string[] recordings) => Recordings.Load(Service.Server, recordings.Select(r => "Jobs/" + r).ToArray());

    /// <summary>Asserts the parts every training jobs request shares, and returns the request.</summary>
    protected static WireMock.RequestMessage AssertFoundryRequest(ILogEntry entry, string method, string path)
    {
        var request = (WireMock.RequestMessage)entry.RequestMessage;
        request.Method.Should().Be(method);
        request.AbsolutePath.Should().Be(path);
        request.Query!["api-version"].Should().Equal("v1");
        request.Headers!["Foundry-Features"].Should().Equal("TrainingJobs=V1Preview");
        request.Headers["Authorization"].Should().Equal("Bearer jobs-token");
        return request;
    }

    /// <summary>The query of a request without api-version, for exact comparisons.</summary>
    protected static IDictionary<string, string> QueryOf(ILogEntry entry) =>
        entry.RequestMessage.Query!.Where(q => q.Key != "api-version").ToDictionary(q => q.Key, q => q.Value.Single());

    /// <summary>Per-test clean-up before the mock service stops.</summary>
    protected virtual void Cleanup()
    {
    }

    public void Dispose()
    {
        Cleanup();
        Service.Dispose();
        GC.SuppressFinalize(this);
    }
}
