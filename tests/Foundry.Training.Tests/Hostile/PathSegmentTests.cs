using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Azure;
using Foundry.Training.Datasets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// A caller's id or name never leaves its path segment, for every public method of every client that takes one, sync
/// and async (found by reflection, so a new method cannot be forgotten): <c>.</c>, <c>..</c>, empty, whitespace,
/// control characters, unpaired surrogates and over-long values are refused with an <see cref="ArgumentException"/>
/// naming the parameter before any request; <c>/</c>, <c>?</c>, <c>#</c>, <c>%</c> and the rest are escaped, and the
/// exact request line that goes on the wire is checked.
/// </summary>
public sealed class PathSegmentTests : IDisposable
{
    /// <summary>
    /// The parameters that name a resource in the path — every placeholder of the operation tables, since a placeholder is
    /// the client method's parameter name — with the plain value used when another parameter is tested.
    /// </summary>
    private static readonly Dictionary<string, string> s_segments = TableOperations()
        .SelectMany(o => o.Route.Parameters)
        .Distinct()
        .Where(name => ClientMethods().Any(m => m.GetParameters().Any(p => p.Name == name && p.ParameterType == typeof(string))))
        .ToDictionary(name => name, name => name + "-1");
    /// <summary>The other string parameters of the clients' methods, and where each goes instead of the path.</summary>
    private static readonly Dictionary<string, string> s_notSegments = new()
    {
        ["path"] = "the 'path' query of artifact routes; a local file for Upload",
        ["pathPrefix"] = "the 'path_prefix' query",
        ["destinationDirectory"] = "a local folder",
        ["directory"] = "a local folder to upload",
        ["fileName"] = "the multipart body",
        ["managementUserToken"] = "a header",
        ["amlUserToken"] = "a header",
        ["md5"] = "the upload completion body",
        ["modelSample"] = "the grader run body",
    };

    /// <summary>The methods that are no operation of a table but send one's request first (they wait, watch or download many).</summary>
    private static readonly Dictionary<string, ServiceOperation> s_composites = new()
    {
        ["TrainingJobsClient.WaitForCompletion"] = TrainingJobsOperations.Get,
        ["TrainingJobsClient.Watch"] = TrainingJobsOperations.Get,
        ["TrainingJobsClient.StreamLogs"] = TrainingJobsOperations.Get,
        ["TrainingJobsClient.GetLogs"] = TrainingJobsOperations.GetArtifacts, // a named attempt: lists its first log folder
        ["TrainingJobsClient.DownloadArtifacts"] = TrainingJobsOperations.GetArtifactContentInfos,
        ["FineTuningClient.WaitForCompletion"] = FineTuningOperations.GetJob,
        ["FineTuningFilesClient.WaitForProcessed"] = FineTuningOperations.GetFile,
        ["TrainingJobsClient.GetIfExists"] = TrainingJobsOperations.Get,
        ["TrainingJobsClient.GetAttemptIfExists"] = TrainingJobsOperations.GetAttempt,
        ["DatasetsClient.GetVersionIfExists"] = DatasetsOperations.GetVersion,
        ["FineTuningClient.GetJobIfExists"] = FineTuningOperations.GetJob,
        ["FineTuningFilesClient.GetIfExists"] = FineTuningOperations.GetFile,
        ["FineTuningModelsClient.GetModelIfExists"] = FineTuningOperations.GetModel,
        ["IngestionJobsClient.GetJobIfExists"] = FineTuningOperations.GetIngestion,
        ["DatasetsClient.UploadFile"] = DatasetsOperations.StartPendingUpload,
        ["DatasetsClient.UploadFolder"] = DatasetsOperations.StartPendingUpload,
    };

    /// <summary>
    /// The request line of every method with a segment, keyed by type and method (without <c>Async</c>), from the
    /// operation tables: every operation whose route or method takes a segment, and the composites; <c>{parameter}</c>
    /// is its escaped segment.
    /// </summary>
    private static readonly Dictionary<string, string> s_routes = TableOperations()
        .Where(o => o.Route.Parameters.Count > 0 || ClientMethods().Any(m => Key(m) == o.Name && m.GetParameters().Any(p => s_segments.ContainsKey(p.Name!))))
        .Select(o => (o.Name, Operation: o))
        .Concat(s_composites.Select(c => (c.Key, Operation: c.Value)))
        .Select(r => (r.Item1, Line: RequestLine(r.Operation)))
        .Select(r => (r.Item1, Line: s_composites.ContainsKey(r.Item1) && NamesTheJobName(r.Item1) ? r.Line.Replace("{jobName}", "{name}", StringComparison.Ordinal) : r.Line))
        .ToDictionary(r => r.Item1, r => r.Line);

    /// <summary>Whether a composite takes the job as <c>name</c> (as Get and Watch do) where its route says <c>jobName</c>.</summary>
    private static bool NamesTheJobName(string key) =>
        ClientMethods().Where(m => Key(m) == key).Any(m => m.GetParameters().Any(p => p.Name == "name") && m.GetParameters().All(p => p.Name != "jobName"));

    private static IEnumerable<ServiceOperation> TableOperations() => TrainingJobsOperations.All.Concat(FineTuningOperations.All).Concat(DatasetsOperations.All);

    /// <summary>The method and path below the host: Foundry's project root, Azure OpenAI's <c>/openai</c>, or the OpenAI platform's <c>/v1</c> for its own operations.</summary>
    private static string RequestLine(ServiceOperation operation)
    {
        string root = TrainingJobsOperations.All.Contains(operation) || DatasetsOperations.All.Contains(operation) ? "/api/projects/p"
            : (operation.Versions & ServiceVersions.AzureOpenAI2024_05_01Preview) != 0 ? "/openai" : "/v1";
        return operation.Method + " " + root + operation.Route.Text;
    }

    /// <summary>The routes only the OpenAI platform has: called on its clients, whose endpoint is <see cref="HostileService.OpenAIPlatformEndpoint"/>.</summary>
    private static bool OnOpenAIPlatform(string route) => route.Contains(" /v1/", StringComparison.Ordinal);

    /// <summary>Values that cannot be one path segment.</summary>
    private static readonly string[] s_refused =
    {
        ".", "..", "", " ", "\t", "\u3000", "a\nb", "a\r\nHost: evil", "\0", "a\u007Fb", "a\u0085b",
        "../x", "x/..", "a/./b", "..\\x", "x\\.", "\uD800", "a\uDC00b", new string('x', PathSegment.MaxLength + 1),
    };

    /// <summary>Values that are escaped into one segment (with what each checks).</summary>
    private static readonly string[] s_accepted =
    {
        "a/b", "train/loss", "a\\b", "a?b=c", "a#b", "a%2Fb", "%2E%2E", "a b", "...", ".a", "a..", "x./y", "ü", "😀",
        "ft:gpt-4o-mini:org::abc123", new string('x', PathSegment.MaxLength),
    };

    private readonly HostileService _service = new();
    private readonly RecordingHandler _handler;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "h19-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<Type, object> _clients;
    private readonly TrainingJobsClient _jobs;

    public PathSegmentTests()
    {
        _handler = _service.Handler;
        _jobs = _service.Jobs;
        _clients = new Dictionary<Type, object>
        {
            [typeof(TrainingJobsClient)] = _service.Jobs,
            [typeof(FineTuningClient)] = _service.FineTuning,
            [typeof(FineTuningFilesClient)] = _service.Files,
            [typeof(FineTuningModelsClient)] = _service.Models,
            [typeof(IngestionJobsClient)] = _service.Ingestion,
            [typeof(FineTuningCheckpointPermissionsClient)] = _service.CheckpointPermissions,
            [typeof(DatasetsClient)] = _service.Datasets,
        };
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "train.jsonl"), "{}\n");
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static IEnumerable<MethodInfo> PublicMethods(Type client) =>
        client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName);

    private static IEnumerable<MethodInfo> ClientMethods() => OperationCalls.ClientTypes.SelectMany(PublicMethods);

    private static string Key(MethodInfo method) =>
        method.DeclaringType!.Name + "." + (method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^"Async".Length] : method.Name);

    /// <summary>Every (method, segment parameter) pair of every client, sync and async.</summary>
    public static TheoryData<string, string, string> SegmentParameters
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (MethodInfo method in ClientMethods())
            {
                // An optional segment (an upload's version, a content hash when null) is checked when given; null means "choose one".
                foreach (ParameterInfo parameter in method.GetParameters().Where(p => p.ParameterType == typeof(string) && s_segments.ContainsKey(p.Name!) && !(p.HasDefaultValue && p.DefaultValue is null)))
                {
                    data.Add(method.DeclaringType!.Name, method.ToString()!, parameter.Name!);
                }
            }

            return data;
        }
    }

    [Fact]
    public void EveryStringParameterOfEveryClientMethod_IsASegmentOrKnownToGoElsewhere()
    {
        var unknown = ClientMethods()
            .SelectMany(m => m.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => $"{Key(m)}({p.Name})"))
            .Where(p => !s_segments.Keys.Concat(s_notSegments.Keys).Any(name => p.EndsWith("(" + name + ")", StringComparison.Ordinal)))
            .ToList();

        unknown.Should().BeEmpty("every string parameter is either a path segment (checked below) or known to go elsewhere");
    }

    [Fact]
    public void EveryMethodWithASegment_HasItsRequestInTheTable()
    {
        List<string> withSegments = ClientMethods().Where(m => m.GetParameters().Any(p => s_segments.ContainsKey(p.Name!))).Select(Key).Distinct().ToList();

        withSegments.Should().BeEquivalentTo(s_routes.Keys, "each method taking an id is checked against the exact request it sends");
        withSegments.Should().HaveCountGreaterThan(40);
    }

    [Theory]
    [MemberData(nameof(SegmentParameters))]
    public async Task RefusedValues_ThrowArgumentExceptionNamingTheParameter_BeforeAnyRequest(string client, string signature, string parameter)
    {
        (object target, MethodInfo method) = Find(client, signature);

        foreach (string value in s_refused)
        {
            (Exception? error, bool atCall) = await InvokeAsync(target, method, Arguments(method, parameter, value));

            error.Should().BeAssignableTo<ArgumentException>("{0} is refused", Describe(value)).Which.ParamName.Should().Be(parameter);
            if (IsLazy(method.ReturnType))
            {
                atCall.Should().BeTrue("a listing or watch checks its arguments when it is created, not when it is enumerated");
            }
        }

        (Exception? missing, _) = await InvokeAsync(target, method, Arguments(method, parameter, null));
        missing.Should().BeOfType<ArgumentNullException>().Which.ParamName.Should().Be(parameter);
        _handler.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(SegmentParameters))]
    public async Task OtherCharacters_AreEscapedIntoTheirOneSegment(string client, string signature, string parameter)
    {
        (object target, MethodInfo method) = Find(client, signature);
        string route = s_routes[Key(method)];
        Uri endpoint = client is nameof(TrainingJobsClient) or "DatasetsClient" ? new Uri(HostileService.JobsEndpoint)
            : OnOpenAIPlatform(route) ? new Uri(HostileService.OpenAIPlatformEndpoint) : new Uri(HostileService.OpenAIEndpoint);

        foreach (string value in s_accepted)
        {
            int before = _handler.Requests.Count;

            (Exception? error, _) = await InvokeAsync(target, method, Arguments(method, parameter, value));

            (error ?? new RequestFailedException("none")).Should().BeOfType<RequestFailedException>("the request was sent and answered 404");
            (string verb, Uri uri) = _handler.Requests[before];
            uri.Host.Should().Be(endpoint.Host);
            $"{verb} {uri.AbsolutePath}".Should().Be(Expected(route, parameter, value), "{0} stays in its segment", Describe(value));
        }
    }

    [Fact]
    public async Task RehydratedOperationId_IsASegmentToo()
    {
        foreach (string value in s_refused)
        {
            ((Action)(() => _ = new TrainingJobOperation(_jobs, value))).Should().Throw<ArgumentException>(Describe(value)).Which.ParamName.Should().Be("id");
        }

        _handler.Requests.Should().BeEmpty();
        foreach (string value in s_accepted)
        {
            var operation = new TrainingJobOperation(_jobs, value);
            await ((Func<Task>)(async () => await operation.UpdateStatusAsync())).Should().ThrowAsync<RequestFailedException>();
            operation.Invoking(o => o.UpdateStatus()).Should().Throw<RequestFailedException>();

            _handler.Requests.TakeLast(2).Select(r => $"{r.Method} {r.Uri.AbsolutePath}").Should().AllBe(
                "GET /api/projects/p/training_jobs/operations/" + Uri.EscapeDataString(value) + "/status");
        }
    }

    [Theory]
    [InlineData("train/loss", "train%2Floss")]
    [InlineData("a?b#c%d", "a%3Fb%23c%25d")]
    [InlineData("...", "...")]
    [InlineData("ü", "%C3%BC")]
    public void Escape_KeepsTheValueInOneSegment(string value, string escaped) =>
        PathSegment.Escape(value, "id").Should().Be(escaped);

    [Fact]
    public void Problem_SaysWhyWithoutQuotingLongOrControlValues()
    {
        PathSegment.Problem("..").Should().Contain("'..'").And.Contain("parent");
        PathSegment.Problem("a\nb").Should().Contain("U+000A").And.NotContain("\n");
        PathSegment.Problem(new string('x', 5000))!.Should().Contain("5000").And.NotContain("xxxx");
        PathSegment.Problem("\uD800").Should().Contain("unpaired surrogate");
        PathSegment.Problem("job-1").Should().BeNull();
    }

    private (object Target, MethodInfo Method) Find(string client, string signature)
    {
        KeyValuePair<Type, object> entry = _clients.Single(c => c.Key.Name == client);
        MethodInfo method = PublicMethods(entry.Key).Single(m => m.ToString() == signature);
        bool platform = s_routes.TryGetValue(Key(method), out string? route) && OnOpenAIPlatform(route);
        object target = (platform, entry.Key.Name) switch
        {
            (true, nameof(FineTuningFilesClient)) => _service.OpenAIFiles,
            (true, nameof(FineTuningClient)) => _service.OpenAI,
            _ => entry.Value,
        };
        return (target, method);
    }

    private static string Describe(string value) =>
        value.Length > 40 ? $"a value of {value.Length} characters" : "'" + string.Concat(value.Select(c => c < ' ' || c == '\u007F' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString())) + "'";

    private static string Expected(string route, string parameter, string value)
    {
        string expected = route.Replace("{" + parameter + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        foreach (KeyValuePair<string, string> segment in s_segments)
        {
            expected = expected.Replace("{" + segment.Key + "}", segment.Value, StringComparison.Ordinal);
        }

        // A placeholder no string parameter fills is a number (a node index), which DefaultFor passes as 0.
        return Regex.Replace(expected, @"\{\w+\}", "0");
    }

    private object?[] Arguments(MethodInfo method, string parameter, string? value) =>
        method.GetParameters().Select(p => p.Name == parameter ? value : DefaultFor(p)).ToArray();

    private object? DefaultFor(ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(string))
        {
            return s_segments.TryGetValue(parameter.Name!, out string? segment) ? segment
                : parameter.Name is "destinationDirectory" or "directory" ? _directory
                : parameter.Name == "path" && parameter.Member.Name.StartsWith("UploadFile", StringComparison.Ordinal) ? Path.Combine(_directory, "train.jsonl")
                : parameter.Name == "path" ? "outputs/model.bin"
                : parameter.HasDefaultValue ? parameter.DefaultValue : throw new InvalidOperationException("No value for " + parameter.Name);
        }

        return parameter.ParameterType switch
        {
            Type t when t == typeof(WaitUntil) => WaitUntil.Started,
            Type t when t == typeof(int) => 0,
            Type t when t == typeof(CancellationToken) => CancellationToken.None,
            Type t when t == typeof(JobProperties) => new CommandJob("compute"),
            Type t when t == typeof(TrainingJobWatchOptions) => new TrainingJobWatchOptions { IncludeLogs = true },
            Type t when t == typeof(IngestionJob) => new SystemComputeIngestionJob(),
            Type t when t == typeof(Stream) => new MemoryStream(new byte[1]),
            Type t when t == typeof(IEnumerable<string>) => new[] { "id-1" },
            Type t when t == typeof(DatasetVersion) => new FileDatasetVersion("https://account.blob.core.windows.net/c/train.jsonl"),
            _ when parameter.HasDefaultValue => parameter.DefaultValue,
            Type t when Nullable.GetUnderlyingType(t) is not null => null,
            _ => throw new InvalidOperationException($"No value for {parameter.Name} of {parameter.Member}"),
        };
    }

    private static bool IsLazy(Type returnType) =>
        returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Pageable<>) || returnType.GetGenericTypeDefinition() == typeof(AsyncPageable<>)
            || returnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));

    /// <summary>Calls the method and starts what it returns (awaits a task, reads the first page or update); the exception, and whether the call itself threw it.</summary>
    private static async Task<(Exception? Error, bool AtCall)> InvokeAsync(object target, MethodInfo method, object?[] arguments)
    {
        object? result;
        try
        {
            result = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex)
        {
            return (ex.InnerException, true);
        }

        try
        {
            switch (result)
            {
                case Task task:
                    await task;
                    break;
                case IEnumerable sequence:
                    sequence.GetEnumerator().MoveNext();
                    break;
                default:
                    Type? asyncSequence = result?.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
                    if (asyncSequence is not null)
                    {
                        await (Task)typeof(PathSegmentTests).GetMethod(nameof(FirstAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                            .MakeGenericMethod(asyncSequence.GetGenericArguments()[0]).Invoke(null, new[] { result })!;
                    }

                    break;
            }
        }
        catch (Exception ex)
        {
            return (ex, false);
        }

        return (null, false);
    }

    private static async Task FirstAsync<T>(IAsyncEnumerable<T> sequence)
    {
        await using IAsyncEnumerator<T> enumerator = sequence.GetAsyncEnumerator();
        await enumerator.MoveNextAsync();
    }
}
