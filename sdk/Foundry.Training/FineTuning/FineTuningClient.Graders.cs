using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>Graders (OpenAI platform): try a reinforcement grader on one sample, or check it, before paying for a job.</summary>
public partial class FineTuningClient
{
    /// <summary>
    /// Runs a grader on one model sample (<c>POST /fine_tuning/alpha/graders/run</c>, OpenAI platform): the reward it
    /// gives, its scores, errors and token usage. A way to test a reinforcement grader before a job pays for it.
    /// </summary>
    /// <param name="grader">The grader: <see cref="StringCheckGrader"/>, <see cref="TextSimilarityGrader"/>, <see cref="PythonGrader"/>, <see cref="ScoreModelGrader"/> or <see cref="MultiGrader"/>.</param>
    /// <param name="modelSample">The model output to grade (the <c>sample</c> namespace; <c>output_json</c> too when it is JSON).</param>
    /// <param name="item">The dataset item (the <c>item</c> namespace); null for none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The reward and the run's metadata.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grader"/> or <paramref name="modelSample"/> is null.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no graders API.</exception>
    /// <exception cref="RequestFailedException">The service rejected the grader or failed the request.</exception>
    public virtual Task<Response<FineTuningGraderRunResult>> RunGraderAsync(FineTuningGrader grader, string modelSample, IDictionary<string, JsonNode?>? item = null, CancellationToken cancellationToken = default) =>
        RunGraderCoreAsync(grader, modelSample, item, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="RunGraderAsync"/>
    public virtual Response<FineTuningGraderRunResult> RunGrader(FineTuningGrader grader, string modelSample, IDictionary<string, JsonNode?>? item = null, CancellationToken cancellationToken = default) =>
        RunGraderCoreAsync(grader, modelSample, item, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Checks a grader (<c>POST /fine_tuning/alpha/graders/validate</c>, OpenAI platform) and returns it as the service read it.</summary>
    /// <param name="grader">The grader.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The grader as the service understood it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grader"/> is null.</exception>
    /// <exception cref="NotSupportedException">The client talks to Azure OpenAI <c>2024-05-01-preview</c>, which has no graders API.</exception>
    /// <exception cref="RequestFailedException">The grader is not valid (400), or the request failed.</exception>
    public virtual Task<Response<FineTuningGrader>> ValidateGraderAsync(FineTuningGrader grader, CancellationToken cancellationToken = default) =>
        ValidateGraderCoreAsync(grader, async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="ValidateGraderAsync"/>
    public virtual Response<FineTuningGrader> ValidateGrader(FineTuningGrader grader, CancellationToken cancellationToken = default) =>
        ValidateGraderCoreAsync(grader, async: false, cancellationToken).EnsureCompleted();

    private async ValueTask<Response<FineTuningGraderRunResult>> RunGraderCoreAsync(FineTuningGrader grader, string modelSample, IDictionary<string, JsonNode?>? item, bool async, CancellationToken cancellationToken)
    {
        Argument.AssertNotNull(grader, nameof(grader));
        Argument.AssertNotNull(modelSample, nameof(modelSample));
        AssertGradersApi(FineTuningOperations.RunGrader);
        return await _pipeline.CallForValueAsync<FineTuningGraderRunResult>(
            FineTuningOperations.RunGrader,
            FineTuningOperations.RunGrader.Path(),
            message =>
            {
                JsonRequestBody.Set(message, writer =>
                {
                    writer.WritePropertyName("grader");
                    JsonSerializer.Serialize(writer, grader, ModelSerialization.GetTypeInfo<FineTuningGrader>(_pipeline.Json));
                    if (item is not null)
                    {
                        writer.WriteStartObject("item");
                        foreach (KeyValuePair<string, JsonNode?> pair in item)
                        {
                            writer.WritePropertyName(pair.Key);
                            if (pair.Value is null)
                            {
                                writer.WriteNullValue();
                            }
                            else
                            {
                                pair.Value.WriteTo(writer);
                            }
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteString("model_sample", modelSample);
                });
                RetrySafety.MarkSafe(message); // grading changes nothing on the service
            },
            null,
            null,
            async,
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Response<FineTuningGrader>> ValidateGraderCoreAsync(FineTuningGrader grader, bool async, CancellationToken cancellationToken)
    {
        Argument.AssertNotNull(grader, nameof(grader));
        AssertGradersApi(FineTuningOperations.ValidateGrader);
        return await _pipeline.CallAsync(
            FineTuningOperations.ValidateGrader,
            FineTuningOperations.ValidateGrader.Path(),
            message =>
            {
                JsonRequestBody.Set(message, writer =>
                {
                    writer.WritePropertyName("grader");
                    JsonSerializer.Serialize(writer, grader, ModelSerialization.GetTypeInfo<FineTuningGrader>(_pipeline.Json));
                });
                RetrySafety.MarkSafe(message);
            },
            (message, _) => Response.FromValue(ReadValidatedGrader(message.Response), message.Response),
            null,
            null,
            async,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the grader of <c>{"grader": {...}}</c>; any other body is an invalid response body.</summary>
    private FineTuningGrader ReadValidatedGrader(Response response)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(response.Content.ToMemory());
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("grader", out JsonElement validated) || validated.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("The service validated the grader but sent no grader object back.");
            }

            return validated.Deserialize(ModelSerialization.GetTypeInfo<FineTuningGrader>(_pipeline.Json)) ?? throw new JsonException("The grader is null.");
        }
        catch (JsonException ex)
        {
            throw ServicePipeline.InvalidBody(response, nameof(FineTuningGrader), ex);
        }
    }

    private void AssertGradersApi(ServiceOperation operation) =>
        _pipeline.AssertServed(operation, "Graders are an OpenAI platform API; Azure OpenAI 2024-05-01-preview has no /fine_tuning/alpha/graders routes.");
}
