using System.ClientModel.Primitives;
using OpenAI;

namespace Foundry.Training.Benchmarks.Infrastructure;

/// <summary>
/// OpenAI .NET reads fine-tuning responses into internal models (<c>InternalFineTuningJob</c>,
/// <c>InternalListPaginatedFineTuningJobsResponse</c>) with System.ClientModel's <see cref="ModelReaderWriter"/>;
/// the public <c>FineTuningJob</c> is an operation built on top. These are the types its client reads with.
/// </summary>
public static class OpenAIModels
{
    public static Type Job { get; } = Find("OpenAI.FineTuning.InternalFineTuningJob");

    public static Type JobsPage { get; } = Find("OpenAI.FineTuning.InternalListPaginatedFineTuningJobsResponse");

    public static object Read(BinaryData json, Type type) =>
        ModelReaderWriter.Read(json, type, ModelReaderWriterOptions.Json, OpenAIContext.Default)
            ?? throw new InvalidOperationException("OpenAI .NET read null.");

    private static Type Find(string name) =>
        typeof(OpenAIClient).Assembly.GetType(name, throwOnError: true)!;
}
