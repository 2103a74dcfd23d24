using System.Reflection;
using Azure;
using Foundry.Training.Datasets;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// Calls a client's public operation methods by reflection with arguments that pass its checks, so that tests can
/// enumerate the operation tables (and the public surface) instead of listing calls by hand.
/// </summary>
internal static class OperationCalls
{
    /// <summary>The public client types whose operations the tables name.</summary>
    public static readonly Type[] ClientTypes =
    {
        typeof(TrainingJobsClient), typeof(FineTuningClient), typeof(FineTuningFilesClient), typeof(FineTuningModelsClient), typeof(IngestionJobsClient), typeof(FineTuningCheckpointPermissionsClient),
        typeof(DatasetsClient),
    };

    /// <summary>
    /// The public sync or async method a table operation (<c>{Client}.{Method}</c>) names. Of several overloads, the one
    /// with the fewest parameters that reads no local file wins (ties in signature order), so the choice is stable.
    /// </summary>
    public static MethodInfo MethodOf(ServiceOperation operation, bool async)
    {
        string[] parts = operation.Name.Split('.');
        Type client = ClientTypes.Single(t => t.Name == parts[0]);
        string name = async ? parts[1] + "Async" : parts[1];
        return client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.IsVirtual && m.Name == name && m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)))
            .OrderBy(m => m.GetParameters().Any(p => p.Name == "path") ? 1 : 0)
            .ThenBy(m => m.GetParameters().Length)
            .ThenBy(m => string.Join(",", m.GetParameters().Select(p => p.ParameterType.Name)), StringComparer.Ordinal)
            .First();
    }

    /// <summary>Invokes <paramref name="method"/> and, for a list, reads its first page; the method's own exception surfaces.</summary>
    public static async Task InvokeAsync(MethodInfo method, object client, Func<ParameterInfo, object?> argument)
    {
        object? result;
        try
        {
            result = method.Invoke(client, method.GetParameters().Select(argument).ToArray());
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }

        switch (result)
        {
            case Task task:
                await task;
                break;
            case null:
                break;
            default:
                await DrainFirstAsync(result);
                break;
        }
    }

    private static async Task DrainFirstAsync(object result)
    {
        Type type = result.GetType();
        Type? asyncEnumerable = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
        if (asyncEnumerable is not null)
        {
            object enumerator = asyncEnumerable.GetMethod("GetAsyncEnumerator")!.Invoke(result, new object[] { CancellationToken.None })!;
            Type enumeratorType = typeof(IAsyncEnumerator<>).MakeGenericType(asyncEnumerable.GetGenericArguments());
            try
            {
                await (ValueTask<bool>)enumeratorType.GetMethod("MoveNextAsync")!.Invoke(enumerator, null)!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }

            return;
        }

        if (result is System.Collections.IEnumerable enumerable)
        {
            enumerable.GetEnumerator().MoveNext();
        }
    }

    /// <summary>
    /// An argument the method accepts: <c>x</c> for an id, a small valid model for a request body, a file under
    /// <paramref name="tempDirectory"/> for a path, <paramref name="waitUntil"/> for a long-running operation.
    /// </summary>
    public static object? Argument(ParameterInfo parameter, string tempDirectory, WaitUntil waitUntil)
    {
        Type type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (type == typeof(string))
        {
            return parameter.Name switch
            {
                "destinationDirectory" => tempDirectory,
                "path" when parameter.Member.DeclaringType == typeof(FineTuningFilesClient) || parameter.Member.DeclaringType == typeof(DatasetsClient) => WriteTempFile(tempDirectory),
                "directory" => Path.GetDirectoryName(WriteTempFile(tempDirectory)),
                _ when parameter.HasDefaultValue => null,
                _ => "x",
            };
        }

        if (type == typeof(WaitUntil))
        {
            return waitUntil;
        }

        if (type == typeof(TrainingJobWatchOptions))
        {
            return new TrainingJobWatchOptions { IncludeLogs = true };
        }

        if (type == typeof(JobProperties))
        {
            return new CommandJob("compute") { Command = "python train.py", EnvironmentImageReference = "env:1" };
        }

        if (type == typeof(CommandJob))
        {
            // A local training file, so that resolving the job uploads it.
            return new CommandJob("compute") { Training = new SftTrainingConfiguration("base-model", new TrainingDatasetConfiguration(WriteTempFile(tempDirectory))) };
        }

        if (type == typeof(DatasetVersion))
        {
            return new FileDatasetVersion("https://account.blob.core.windows.net/c/train.jsonl");
        }

        if (type == typeof(FineTuningJobCreateOptions))
        {
            return new FineTuningJobCreateOptions("gpt-4o-mini", "file-1");
        }

        if (type == typeof(FineTuningFileImport))
        {
            return new FineTuningFileImport(new Uri("https://example.com/train.jsonl"), "train.jsonl", FilePurpose.FineTune);
        }

        if (type == typeof(IngestionJob))
        {
            return new SystemComputeIngestionJob();
        }

        if (type == typeof(Stream))
        {
            return new MemoryStream(new byte[] { 1, 2, 3 });
        }

        if (type == typeof(FilePurpose))
        {
            return FilePurpose.FineTune;
        }

        if (type == typeof(FineTuningFileUploadOptions))
        {
            return new FineTuningFileUploadOptions();
        }

        if (type == typeof(FineTuningUploadCreateOptions))
        {
            return new FineTuningUploadCreateOptions("train.jsonl", FilePurpose.FineTune, 3, "text/jsonl");
        }

        if (type == typeof(FineTuningGrader))
        {
            return new StringCheckGrader { Name = "g", Input = "a", Reference = "b", Operation = StringCheckOperation.Equal };
        }

        if (type == typeof(IEnumerable<string>))
        {
            return new[] { "x" };
        }

        return parameter.HasDefaultValue ? parameter.DefaultValue : null;
    }

    private static string WriteTempFile(string tempDirectory)
    {
        string path = Path.Combine(tempDirectory, "train.jsonl");
        File.WriteAllText(path, "{}\n");
        return path;
    }
}
