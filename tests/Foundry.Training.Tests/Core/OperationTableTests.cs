using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Foundry.Training.Datasets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;
using Foundry.Training.Tests.Properties;

namespace Foundry.Training.Tests.Core;

/// <summary>
/// The operation tables are the list every kind of test is checked against: each operation must have a recorded
/// response its route matches, a response-body property test, a span test (a public client method of its name, which
/// <c>OperationSpanTests</c> enumerates) and an entry in the conformance run. Adding an operation without them fails here.
/// </summary>
public sealed partial class OperationTableTests
{
    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (ServiceOperation operation in AllOperations())
        {
            data.Add(operation.Name);
        }

        return data;
    }

    private static IEnumerable<ServiceOperation> AllOperations() => TrainingJobsOperations.All.Concat(FineTuningOperations.All).Concat(DatasetsOperations.All);

    private static ServiceOperation Find(string name) => AllOperations().Single(o => o.Name == name);

    [Fact]
    public void NamesAreUniqueAndEveryRouteValueIsASegmentParameter()
    {
        AllOperations().Select(o => o.Name).Should().OnlyHaveUniqueItems();
        foreach (ServiceOperation operation in AllOperations())
        {
            operation.Route.Text.Should().StartWith("/");
            operation.Method.Should().BeOneOf("GET", "POST", "PUT", "PATCH", "DELETE");
            (operation.Paging is OperationPaging.NotPaged or OperationPaging.SinglePage || operation.Method == "GET").Should().BeTrue(operation.Name + " pages, so it is a GET");
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void EveryOperation_IsAPublicClientMethod_SoTheSpanTestCoversIt(string name)
    {
        string[] parts = name.Split('.');
        Type client = typeof(TrainingJobsClient).Assembly.GetTypes().Single(t => t.IsPublic && t.Name == parts[0]);
        MethodInfo[] methods = client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.IsVirtual && (m.Name == parts[1] || m.Name == parts[1] + "Async") && m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)))
            .ToArray();
        methods.Select(m => m.Name).Should().Contain(new[] { parts[1], parts[1] + "Async" }, "the span test enumerates the public sync and async methods and expects a span named {0}", name);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void AnOperationsMethods_AreLongRunningExactlyWhenItsTableLineSaysSo(string name)
    {
        ServiceOperation operation = Find(name);
        string[] parts = name.Split('.');
        Type client = typeof(TrainingJobsClient).Assembly.GetTypes().Single(t => t.IsPublic && t.Name == parts[0]);
        bool longRunning = operation.Lro == OperationLro.OperationStatus;
        foreach (MethodInfo method in client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                     .Where(m => m.IsVirtual && (m.Name == parts[1] || m.Name == parts[1] + "Async") && m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken))))
        {
            Type returned = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) ? method.ReturnType.GetGenericArguments()[0] : method.ReturnType;
            method.GetParameters().Any(p => p.ParameterType == typeof(Azure.WaitUntil)).Should().Be(longRunning, "{0} takes WaitUntil exactly when its table line is long-running", method);
            typeof(Azure.Operation).IsAssignableFrom(returned).Should().Be(longRunning, "{0} returns an Operation exactly when its table line is long-running", method);
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void EveryOperationWithAJsonBody_HasAResponseBodyPropertyTest(string name)
    {
        ServiceOperation operation = Find(name);
        if (operation.Response is null || operation.Response == typeof(Stream))
        {
            return; // no JSON body to damage: the status alone decides (ErrorMappingTests)
        }

        ResponseBodyProperties.Call? call = ResponseBodyProperties.s_calls.FirstOrDefault(c => c.Name == name);
        call.Should().NotBeNull("every operation with a JSON body is fed random and damaged bodies by ResponseBodyProperties");
        call!.Model.Should().Be(operation.Response, "the property test reads the model the table names");
        (call.Envelope != ResponseBodyProperties.Envelope.None).Should().Be(operation.Paging != OperationPaging.NotPaged, "a list is tested with its page envelope");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void EveryOperation_HasARecordedResponseItsRouteMatches(string name)
    {
        ServiceOperation operation = Find(name);
        List<(string Method, string[] Segments, string[] Query, string File)> recordings = s_recordings.Value;
        // A recording's path is unescaped: a placeholder is one segment, but a metric name may hold a slash (train/loss).
        var template = new Regex("^" + Regex.Replace(Regex.Escape(operation.Route.Text), @"\\\{(\w+)}", m => m.Groups[1].Value == "metricName" ? ".+" : "[^/]+") + "$");
        var matches = recordings.Where(r => r.Method == operation.Method && template.IsMatch("/" + string.Join("/", r.Segments))).ToList();
        matches.Should().NotBeEmpty("{0} needs a recording under Recordings/ whose request its route template matches", operation);
        foreach (var recording in matches.Where(_ => operation.Paging != OperationPaging.NextLink)) // a next link carries the service's own query
        {
            recording.Query.Where(q => !operation.Declares(q)).Should().BeEmpty("{0} declares every query parameter its recordings ({1}) send", operation, recording.File);
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void EveryOperation_IsInTheConformanceRun(string name)
    {
        s_conformance.Value.Should().Contain(name, "eng/conformance runs every operation of the tables against the specs");
    }

    private static readonly Lazy<HashSet<string>> s_conformance = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "eng", "conformance", "Foundry.Training.Conformance"), "*Operations.cs"))
        {
            foreach (Match match in ConformanceName().Matches(File.ReadAllText(file)))
            {
                names.Add(match.Groups[1].Value);
            }
        }

        return names;
    });

    /// <summary>The request method, path segments (below the service root), query names and file of every recorded response.</summary>
    private static readonly Lazy<List<(string Method, string[] Segments, string[] Query, string File)>> s_recordings = new(() =>
    {
        var recordings = new List<(string, string[], string[], string)>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "tests", "Foundry.Training.Tests", "Recordings"), "*.json", SearchOption.AllDirectories))
        {
            foreach (JsonNode? mapping in Mappings(JsonNode.Parse(File.ReadAllText(file))))
            {
                JsonNode? request = mapping?["Request"];
                string? path = request?["Path"] is JsonValue value ? value.GetValue<string>() : request?["Path"]?["Matchers"]?[0]?["Pattern"]?.GetValue<string>();
                if (path is null || request?["Methods"] is not JsonArray methods)
                {
                    continue;
                }

                string relative = Regex.Replace(path, "^(/api/projects/[^/]+|/openai|/v1)", string.Empty);
                string[] segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
                string[] query = (request["Params"] as JsonArray)?.Select(p => p!["Name"]!.GetValue<string>()).Where(n => n != "api-version").ToArray() ?? Array.Empty<string>();
                foreach (JsonNode? method in methods)
                {
                    recordings.Add((method!.GetValue<string>().ToUpperInvariant(), segments, query, Path.GetFileName(file)));
                }
            }
        }

        return recordings;
    });

    private static IEnumerable<JsonNode?> Mappings(JsonNode? document) => document is JsonArray array ? array : new[] { document };

    [GeneratedRegex("Name = \"([A-Za-z]+\\.[A-Za-z]+)(?: \\(|\")")]
    private static partial Regex ConformanceName();
}
