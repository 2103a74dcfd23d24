using System.Text.Json;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Cli.JobFiles;

/// <summary>
/// A fine-tuning job document read into <see cref="FineTuningJobCreateOptions"/>: the body of
/// <c>POST /fine_tuning/jobs</c>, checked with <see cref="FineTuningJobCreateOptions.Validate"/> for the target service.
/// </summary>
internal static class FineTuningJobRequest
{
    /// <param name="document">The document.</param>
    /// <param name="trainingFile">A file id from the command line, which wins over the document's <c>training_file</c>.</param>
    /// <param name="validationFile">Likewise for <c>validation_file</c>.</param>
    /// <param name="azureOpenAI">Whether the job is for Azure OpenAI (which rejects a few OpenAI-only settings).</param>
    /// <exception cref="JobDocumentException">Every problem found.</exception>
    public static FineTuningJobCreateOptions Read(JobDocument document, string? trainingFile, string? validationFile, bool azureOpenAI)
    {
        FineTuningJobCreateOptions? options;
        try
        {
            options = FoundryTrainingSerializer.Deserialize<FineTuningJobCreateOptions>(document.Root.ToJsonString());
        }
        catch (JsonException ex)
        {
            throw new JobDocumentException(ex.Path ?? "$", JobDocument.Describe(ex));
        }

        options!.TrainingFile = trainingFile ?? options.TrainingFile;
        options.ValidationFile = validationFile ?? options.ValidationFile;
        ModelValidationResult validation = options.Validate(azureOpenAI);
        return validation.IsValid ? options : throw new JobDocumentException(validation.Problems);
    }
}
