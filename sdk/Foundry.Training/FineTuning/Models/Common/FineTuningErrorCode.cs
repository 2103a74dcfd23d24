using System;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>Error code of a fine-tuning service error or of a failed job. An open set: Azure OpenAI's documented codes are listed, any other code (such as the OpenAI platform's) is kept as it is.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FineTuningErrorCode : IEquatable<FineTuningErrorCode>
{
    private readonly string _value;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The value as the service spells it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FineTuningErrorCode(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The operation conflicts with the current resource state. (<c>conflict</c>)</summary>
    public static FineTuningErrorCode Conflict { get; } = new("conflict");

    /// <summary>The request data is invalid for this operation. (<c>invalidPayload</c>)</summary>
    public static FineTuningErrorCode InvalidPayload { get; } = new("invalidPayload");

    /// <summary>The operation is forbidden for the current user or key. (<c>forbidden</c>)</summary>
    public static FineTuningErrorCode Forbidden { get; } = new("forbidden");

    /// <summary>The resource is not found. (<c>notFound</c>)</summary>
    public static FineTuningErrorCode NotFound { get; } = new("notFound");

    /// <summary>The operation cannot be executed in the resource's current state. (<c>unexpectedEntityState</c>)</summary>
    public static FineTuningErrorCode UnexpectedEntityState { get; } = new("unexpectedEntityState");

    /// <summary>The item already exists. (<c>itemDoesAlreadyExist</c>)</summary>
    public static FineTuningErrorCode ItemDoesAlreadyExist { get; } = new("itemDoesAlreadyExist");

    /// <summary>The service is currently not available. (<c>serviceUnavailable</c>)</summary>
    public static FineTuningErrorCode ServiceUnavailable { get; } = new("serviceUnavailable");

    /// <summary>Internal error; retry. (<c>internalFailure</c>)</summary>
    public static FineTuningErrorCode InternalFailure { get; } = new("internalFailure");

    /// <summary>Quota exceeded. (<c>quotaExceeded</c>)</summary>
    public static FineTuningErrorCode QuotaExceeded { get; } = new("quotaExceeded");

    /// <summary>Validation of JSONL data failed. (<c>jsonlValidationFailed</c>)</summary>
    public static FineTuningErrorCode JsonlValidationFailed { get; } = new("jsonlValidationFailed");

    /// <summary>Import of a file failed. (<c>fileImportFailed</c>)</summary>
    public static FineTuningErrorCode FileImportFailed { get; } = new("fileImportFailed");

    /// <summary>Too many requests; retry later. (<c>tooManyRequests</c>)</summary>
    public static FineTuningErrorCode TooManyRequests { get; } = new("tooManyRequests");

    /// <summary>The current user or key is not authorized for the operation. (<c>unauthorized</c>)</summary>
    public static FineTuningErrorCode Unauthorized { get; } = new("unauthorized");

    /// <summary>Blocked by the safety system. (<c>contentFilter</c>)</summary>
    public static FineTuningErrorCode ContentFilter { get; } = new("contentFilter");

    /// <summary>Whether two values are the same (ordinal, case-sensitive).</summary>
    public static bool operator ==(FineTuningErrorCode left, FineTuningErrorCode right) => left.Equals(right);

    /// <summary>Whether two values differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(FineTuningErrorCode left, FineTuningErrorCode right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator FineTuningErrorCode(string value) => new(value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FineTuningErrorCode other && Equals(other);

    /// <inheritdoc/>
    public bool Equals(FineTuningErrorCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    public override string ToString() => _value;

    internal sealed class Converter : OpenEnumConverter<FineTuningErrorCode>
    {
        protected override FineTuningErrorCode Create(string value) => new(value);
    }
}
