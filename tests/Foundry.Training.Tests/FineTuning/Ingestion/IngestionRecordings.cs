using System.Text.Json.Nodes;
using Foundry.Training.Tests.Infrastructure;
using WireMock.Logging;

namespace Foundry.Training.Tests.FineTuning.Ingestion;

/// <summary>
/// The WireMock mapping files under <c>Recordings/FineTuning/Ingestion/</c>, made from the Azure OpenAI ingestion examples.
/// Each mapping matches the exact request (method, path, api-version, api-key and user-token headers, JSON body);
/// <c>{{endpoint}}</c> in a mapping stands for the mock server's address (next links).
/// </summary>
internal static class IngestionRecordings
{
    public const string ApiKey = "test-api-key";
    public const string ManagementUserToken = "test-mgmt-user-token";
    public const string AmlUserToken = "test-aml-user-token";

    public static void Use(MockService service, params string[] names)
    {
        foreach (string name in names)
        {
            service.Server.WithMapping(File.ReadAllText(PathOf(name)).Replace("{{endpoint}}", service.Endpoint.AbsoluteUri.TrimEnd('/')));
        }
    }

    public static JsonNode Mapping(string name) => JsonNode.Parse(File.ReadAllText(PathOf(name)))!;

    public static string RequestBody(string name) => Mapping(name)["Request"]!["Body"]!["Matcher"]!["Pattern"]!.ToJsonString();

    public static string ResponseBody(string name) => Mapping(name)["Response"]!["BodyAsJson"]!.ToJsonString();

    /// <summary>A request header the server received, by case-insensitive name; null when absent.</summary>
    public static string? Header(this ILogEntry entry, string name) =>
        entry.RequestMessage.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Single();

    public static string? Query(this ILogEntry entry, string name) =>
        entry.RequestMessage.Query is { } query && query.TryGetValue(name, out var values) ? values.Single() : null;

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Recordings", "FineTuning", "Ingestion", name + ".json");
}
