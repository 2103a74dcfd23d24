using System;
using Azure;

namespace Foundry.Training;

/// <summary>
/// The answer of an "if exists" read whose resource is not there: no value, and the raw response (the 404) that said so.
/// </summary>
/// <typeparam name="T">The type the value would have had.</typeparam>
internal sealed class NoValueResponse<T> : NullableResponse<T>
{
    private readonly Response _response;

    public NoValueResponse(Response response) => _response = response;

    /// <inheritdoc/>
    public override bool HasValue => false;

    /// <summary>Always throws: there is no value; check <see cref="HasValue"/> first.</summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public override T Value => throw new InvalidOperationException(
        $"The service answered status {_response.Status}: there is no {typeof(T).Name}. Check HasValue before reading Value.");

    /// <inheritdoc/>
    public override Response GetRawResponse() => _response;

    /// <inheritdoc/>
    public override string ToString() => $"Status: {_response.Status}, Value: none";
}
