using System.Net.Http.Headers;
using System.Text;
using Foundry.Training.Testing;

namespace Foundry.Training.Tests.Emulator;

/// <summary>Plain HTTP against the emulator, for what the SDK's clients never send (missing headers, repeated keys, bad bodies).</summary>
internal sealed class RawHttp : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly FoundryTrainingEmulator _emulator;

    public RawHttp(FoundryTrainingEmulator emulator)
    {
        _emulator = emulator;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A Foundry request: bearer token, <c>api-version=v1</c> and the preview opt-in unless told otherwise.</summary>
    public Task<HttpResponseMessage> FoundryAsync(
        HttpMethod method,
        string path,
        string? json = null,
        bool bearer = true,
        string? apiVersion = "v1",
        bool features = true,
        string? operationId = null)
    {
        string query = apiVersion is null ? string.Empty : (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "api-version=" + apiVersion;
        var request = new HttpRequestMessage(method, _emulator.Endpoint.AbsoluteUri + path + query);
        if (bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "raw-token");
        }

        if (features)
        {
            request.Headers.Add("Foundry-Features", "TrainingJobs=V1Preview");
        }

        if (operationId is not null)
        {
            request.Headers.Add("Operation-Id", operationId);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }

    /// <summary>An Azure OpenAI request (<c>{endpoint}/openai{path}</c>): an <c>api-key</c>, <c>api-version=2024-05-01-preview</c> and the given headers.</summary>
    public Task<HttpResponseMessage> AzureOpenAIAsync(HttpMethod method, string path, string? json = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, _emulator.Endpoint.AbsoluteUri + "/openai" + path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "api-version=2024-05-01-preview");
        request.Headers.Add("api-key", "raw-key");
        foreach ((string name, string value) in headers)
        {
            request.Headers.Add(name, value);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }

    /// <summary>An OpenAI platform request (<c>{endpoint}{path}</c>, as the emulator serves <c>/v1</c>) with a bearer key.</summary>
    public Task<HttpResponseMessage> OpenAIAsync(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, _emulator.Endpoint.AbsoluteUri + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "raw-key");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public static async Task<System.Text.Json.Nodes.JsonNode> JsonOf(HttpResponseMessage response) =>
        System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
