using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>What went wrong in a grader run (<c>metadata.errors</c>); every flag is false on a clean run.</summary>
public class FineTuningGraderRunErrors : ExtensibleModel<FineTuningGraderRunErrors>
{
    /// <summary>The grader's formula could not be parsed. (<c>formula_parse_error</c>)</summary>
    [JsonPropertyName("formula_parse_error")]
    [JsonInclude]
    public bool? FormulaParseError { get; internal set; }

    /// <summary>The model sample could not be parsed. (<c>sample_parse_error</c>)</summary>
    [JsonPropertyName("sample_parse_error")]
    [JsonInclude]
    public bool? SampleParseError { get; internal set; }

    /// <summary>An observation was truncated. (<c>truncated_observation_error</c>)</summary>
    [JsonPropertyName("truncated_observation_error")]
    [JsonInclude]
    public bool? TruncatedObservationError { get; internal set; }

    /// <summary>The reward did not come back. (<c>unresponsive_reward_error</c>)</summary>
    [JsonPropertyName("unresponsive_reward_error")]
    [JsonInclude]
    public bool? UnresponsiveRewardError { get; internal set; }

    /// <summary>A template variable is not valid. (<c>invalid_variable_error</c>)</summary>
    [JsonPropertyName("invalid_variable_error")]
    [JsonInclude]
    public bool? InvalidVariableError { get; internal set; }

    /// <summary>Another error. (<c>other_error</c>)</summary>
    [JsonPropertyName("other_error")]
    [JsonInclude]
    public bool? OtherError { get; internal set; }

    /// <summary>The Python grader's server failed. (<c>python_grader_server_error</c>)</summary>
    [JsonPropertyName("python_grader_server_error")]
    [JsonInclude]
    public bool? PythonGraderServerError { get; internal set; }

    /// <summary>The kind of the Python grader server's failure. (<c>python_grader_server_error_type</c>)</summary>
    [JsonPropertyName("python_grader_server_error_type")]
    [JsonInclude]
    public string? PythonGraderServerErrorType { get; internal set; }

    /// <summary>The Python grader raised an error. (<c>python_grader_runtime_error</c>)</summary>
    [JsonPropertyName("python_grader_runtime_error")]
    [JsonInclude]
    public bool? PythonGraderRuntimeError { get; internal set; }

    /// <summary>The Python grader's error. (<c>python_grader_runtime_error_details</c>)</summary>
    [JsonPropertyName("python_grader_runtime_error_details")]
    [JsonInclude]
    public string? PythonGraderRuntimeErrorDetails { get; internal set; }

    /// <summary>The model grader's server failed. (<c>model_grader_server_error</c>)</summary>
    [JsonPropertyName("model_grader_server_error")]
    [JsonInclude]
    public bool? ModelGraderServerError { get; internal set; }

    /// <summary>The model grader refused. (<c>model_grader_refusal_error</c>)</summary>
    [JsonPropertyName("model_grader_refusal_error")]
    [JsonInclude]
    public bool? ModelGraderRefusalError { get; internal set; }

    /// <summary>The model grader's answer could not be parsed. (<c>model_grader_parse_error</c>)</summary>
    [JsonPropertyName("model_grader_parse_error")]
    [JsonInclude]
    public bool? ModelGraderParseError { get; internal set; }

    /// <summary>The model grader server's failure. (<c>model_grader_server_error_details</c>)</summary>
    [JsonPropertyName("model_grader_server_error_details")]
    [JsonInclude]
    public string? ModelGraderServerErrorDetails { get; internal set; }
}
