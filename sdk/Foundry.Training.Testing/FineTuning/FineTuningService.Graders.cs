using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// The graders API of the OpenAI platform (<c>/fine_tuning/alpha/graders/run</c> and <c>/validate</c>; Azure OpenAI has
/// none). Grading is a deterministic stub: <c>string_check</c> compares the resolved strings as the platform does;
/// <c>text_similarity</c> scores the word overlap (F1) of the resolved input and reference, whatever the metric;
/// <c>score_model</c> gives the middle of its range (0.5 by default) without calling a model. Templates resolve
/// <c>{{sample.output_text}}</c> to the model sample and <c>{{item.name}}</c> to the item's values. Other graders
/// validate, and run to a reward of 0 with <c>other_error</c> set.
/// </summary>
internal sealed partial class FineTuningService
{
    private static readonly Regex s_template = new(@"\{\{\s*([a-zA-Z_][a-zA-Z0-9_.]*)\s*\}\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The graders' operations (OpenAI platform only).</summary>
    private void MapGraders(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[FineTuningOperations.RunGrader] = (r, _) => RunGrader(r);
        routes[FineTuningOperations.ValidateGrader] = (r, _) => ValidateGrader(r);
    }

    private ServiceResponse ValidateGrader(ServiceRequest request)
    {
        if (ReadGrader(request, out JsonElement body, out _) is { } problem)
        {
            return problem;
        }

        string raw = body.GetProperty("grader").GetRawText();
        return ServiceResponse.Json(200, JsonBodies.Object(writer =>
        {
            writer.WritePropertyName("grader");
            writer.WriteRawValue(raw);
        }));
    }

    private ServiceResponse RunGrader(ServiceRequest request)
    {
        if (ReadGrader(request, out JsonElement body, out FineTuningGrader? grader) is { } problem)
        {
            return problem;
        }

        if (!body.TryGetProperty("model_sample", out JsonElement sampleJson) || sampleJson.ValueKind != JsonValueKind.String)
        {
            return _flavor.BadRequest("Missing required parameter: 'model_sample'.", "model_sample", "missing_required_parameter");
        }

        string sample = sampleJson.GetString()!;
        JsonElement? item = body.TryGetProperty("item", out JsonElement itemJson) && itemJson.ValueKind == JsonValueKind.Object ? itemJson : null;
        (double reward, bool otherError) = grader switch
        {
            StringCheckGrader check => (StringCheck(check, Resolve(check.Input, sample, item), Resolve(check.Reference, sample, item)), false),
            TextSimilarityGrader similarity => (WordOverlap(Resolve(similarity.Input, sample, item), Resolve(similarity.Reference, sample, item)), false),
            ScoreModelGrader score => (score.Range.Count == 2 ? (score.Range[0] + score.Range[1]) / 2 : 0.5, false),
            _ => (0.0, true),
        };

        string type = grader!.Type?.ToString() ?? "unknown";
        return ServiceResponse.Json(200, JsonBodies.Object(writer =>
        {
            writer.WriteNumber("reward", reward);
            writer.WriteStartObject("metadata");
            writer.WriteString("name", grader.Name ?? string.Empty);
            writer.WriteString("type", type);
            writer.WriteStartObject("errors");
            foreach (string flag in new[] { "formula_parse_error", "sample_parse_error", "truncated_observation_error", "unresponsive_reward_error", "invalid_variable_error" })
            {
                writer.WriteBoolean(flag, false);
            }

            writer.WriteBoolean("other_error", otherError);
            writer.WriteBoolean("python_grader_server_error", false);
            writer.WriteNull("python_grader_server_error_type");
            writer.WriteBoolean("python_grader_runtime_error", false);
            writer.WriteNull("python_grader_runtime_error_details");
            writer.WriteBoolean("model_grader_server_error", false);
            writer.WriteBoolean("model_grader_refusal_error", false);
            writer.WriteBoolean("model_grader_parse_error", false);
            writer.WriteNull("model_grader_server_error_details");
            writer.WriteEndObject();
            writer.WriteNumber("execution_time", 0.001);
            writer.WriteStartObject("scores");
            writer.WriteNumber(type, reward);
            writer.WriteEndObject();
            writer.WriteNull("token_usage");
            writer.WriteNull("sampled_model_name");
            writer.WriteEndObject();
            writer.WriteStartObject("sub_rewards");
            writer.WriteEndObject();
            writer.WriteStartObject("model_grader_token_usage_per_model");
            writer.WriteEndObject();
        }));
    }

    /// <summary>
    /// Reads the request's body and its <c>grader</c>: a 400 when the grader is missing, of no known type, or lacks what
    /// its type needs.
    /// </summary>
    private ServiceResponse? ReadGrader(ServiceRequest request, out JsonElement body, out FineTuningGrader? grader)
    {
        body = default;
        grader = null;
        try
        {
            using (JsonDocument document = JsonDocument.Parse(request.Body))
            {
                body = document.RootElement.Clone();
            }

            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("grader", out JsonElement element) || element.ValueKind != JsonValueKind.Object)
            {
                return _flavor.BadRequest("Missing required parameter: 'grader'.", "grader", "missing_required_parameter");
            }

            grader = FoundryTrainingSerializer.Deserialize<FineTuningGrader>(BinaryData.FromString(element.GetRawText()));
        }
        catch (JsonException ex)
        {
            return _flavor.BadRequest("The grader is not valid: " + ex.Message, "grader", "invalid_value");
        }

        string? missing = grader switch
        {
            StringCheckGrader check => check.Input is null || check.Reference is null || check.Operation is null ? "input, reference and operation" : null,
            TextSimilarityGrader similarity => similarity.Input is null || similarity.Reference is null || similarity.EvaluationMetric is null ? "input, reference and evaluation_metric" : null,
            ScoreModelGrader score => score.Model is null || score.Input.Count == 0 ? "model and input" : null,
            UnknownFineTuningGrader => "a known type",
            null => "a type",
            _ => null,
        };
        return missing is null ? null : _flavor.BadRequest($"The grader needs {missing}.", "grader", "invalid_value");
    }

    private static double StringCheck(StringCheckGrader grader, string input, string reference)
    {
        string operation = grader.Operation?.ToString() ?? string.Empty;
        bool match = operation switch
        {
            "eq" => input == reference,
            "ne" => input != reference,
            "like" => input.Contains(reference, StringComparison.Ordinal),
            "ilike" => input.Contains(reference, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        return match ? 1 : 0;
    }

    /// <summary>The F1 of the two texts' words (lowercased), a stand-in for every similarity metric.</summary>
    private static double WordOverlap(string input, string reference)
    {
        string[] a = Words(input);
        string[] b = Words(reference);
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var remaining = b.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int common = 0;
        foreach (string word in a)
        {
            if (remaining.TryGetValue(word, out int count) && count > 0)
            {
                remaining[word] = count - 1;
                common++;
            }
        }

        double precision = common / (double)a.Length;
        double recall = common / (double)b.Length;
        return common == 0 ? 0 : Math.Round(2 * precision * recall / (precision + recall), 6);
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split(new[] { ' ', '\t', '\n', '\r', '.', ',', ';', ':', '!', '?' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Replaces <c>{{sample.output_text}}</c> and <c>{{item.a.b}}</c>; an unknown name becomes empty.</summary>
    private static string Resolve(string? template, string sample, JsonElement? item) =>
        s_template.Replace(template ?? string.Empty, match =>
        {
            string[] path = match.Groups[1].Value.Split('.');
            if (path[0] == "sample")
            {
                return path.Length == 2 && path[1] is "output_text" or "output_json" ? sample : string.Empty;
            }

            if (path[0] != "item" || item is not JsonElement current)
            {
                return string.Empty;
            }

            foreach (string name in path.Skip(1))
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                {
                    return string.Empty;
                }
            }

            return current.ValueKind switch
            {
                JsonValueKind.String => current.GetString()!,
                JsonValueKind.Number => current.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => current.GetRawText(),
            };
        });
}
