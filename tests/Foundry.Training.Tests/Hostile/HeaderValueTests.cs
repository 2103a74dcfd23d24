using Azure;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// A key, token, organization or project id travels in an HTTP header, where .NET sends a line break as it is (ending
/// the header, or starting another) and refuses other non-ASCII text only when sending, as a retried transport failure.
/// Such a value is refused when the client is built (or the call made), with an <see cref="ArgumentException"/> naming
/// the parameter and never quoting the value, and nothing is sent.
/// </summary>
public sealed class HeaderValueTests : IDisposable
{
    private const string Secret = "sk-secret-7f3a";

    private readonly MockService _service = new();

    public void Dispose() => _service.Dispose();

    public static TheoryData<string> Unsendable() => new()
    {
        Secret + "\n",                      // read from a file with its trailing newline
        Secret + "\r\nX-Injected: 1",       // a second header
        "\u00e9" + Secret,                  // outside ASCII
        Secret.Insert(3, "\0"),
        Secret.Insert(3, "\t"),
    };

    [Theory]
    [MemberData(nameof(Unsendable))]
    public void AnOpenAIKey_ThatCannotBeAHeaderValue_IsRefusedWithoutQuotingIt(string apiKey)
    {
        ArgumentException refused = FluentActions.Invoking(() => FineTuningClient.ForOpenAI(apiKey, new FineTuningClientOptions { OpenAIEndpoint = _service.Endpoint }))
            .Should().Throw<ArgumentException>().WithParameterName("apiKey").Which;

        refused.Message.Should().Contain("HTTP header").And.NotContain(Secret);
        _service.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Unsendable))]
    public void AnAzureOpenAIKey_ThatCannotBeAHeaderValue_IsRefusedWithoutQuotingIt(string key)
    {
        ArgumentException refused = FluentActions.Invoking(() => new FineTuningClient(_service.Endpoint, new AzureKeyCredential(key)))
            .Should().Throw<ArgumentException>().WithParameterName("credential").Which;

        refused.Message.Should().NotContain(Secret);
    }

    [Theory]
    [InlineData("org-1\r\nX-Injected: 1", null, "options.OpenAIOrganization")]
    [InlineData(null, "proj_1\n", "options.OpenAIProject")]
    [InlineData(null, "proj_\u00e9", "options.OpenAIProject")]
    public void AnOrganizationOrProject_ThatCannotBeAHeaderValue_IsRefused(string? organization, string? project, string parameter)
    {
        var options = new FineTuningClientOptions { OpenAIEndpoint = _service.Endpoint, OpenAIOrganization = organization, OpenAIProject = project };

        FluentActions.Invoking(() => FineTuningClient.ForOpenAI(Secret, options)).Should().Throw<ArgumentException>().WithParameterName(parameter);
    }

    [Theory]
    [InlineData("token\u00e9")]
    [InlineData("token\n")]
    public async Task AnIngestionUserToken_ThatCannotBeAHeaderValue_IsRefusedBeforeAnyRequest(string token)
    {
        IngestionJobsClient ingestion = new FineTuningClient(_service.Endpoint, new AzureKeyCredential("key")).GetIngestionJobsClient();

        await FluentActions.Awaiting(() => ingestion.GetRunAsync("job-1", "run-1", managementUserToken: token)).Should().ThrowAsync<ArgumentException>().WithParameterName("managementUserToken");
        FluentActions.Invoking(() => ingestion.GetJobs(token)).Should().Throw<ArgumentException>().WithParameterName("managementUserToken");
        _service.Requests.Should().BeEmpty();
    }

    [Fact]
    public void PrintableAsciiValues_AreAccepted()
    {
        var options = new FineTuningClientOptions { OpenAIEndpoint = _service.Endpoint, OpenAIOrganization = "org-1", OpenAIProject = "proj_1" };

        FineTuningClient.ForOpenAI("sk-proj-AZaz09_-~ !", options).Should().NotBeNull();
        new FineTuningClient(_service.Endpoint, new AzureKeyCredential("0123abcdef")).Should().NotBeNull();
    }
}
