using System;
using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// Classifies one status as an expected answer for a single request (for example a 404 that means "not there yet"):
/// Azure.Core then neither logs it as an error response (a Warning) nor marks the response as an error, so the caller
/// reads the status instead of catching an exception. Every other decision is the pipeline's own classifier's.
/// </summary>
internal sealed class ExpectedStatusClassifier : ResponseClassifier
{
    private readonly ResponseClassifier _inner;
    private readonly int _status;

    /// <param name="inner">The classifier the message had (the pipeline's).</param>
    /// <param name="status">The status that is not an error for this request.</param>
    public ExpectedStatusClassifier(ResponseClassifier inner, int status)
    {
        _inner = inner;
        _status = status;
    }

    /// <summary>Makes <paramref name="status"/> an expected answer to <paramref name="message"/>.</summary>
    public static void Apply(HttpMessage message, int status) =>
        message.ResponseClassifier = new ExpectedStatusClassifier(message.ResponseClassifier, status);

    public override bool IsErrorResponse(HttpMessage message) =>
        message.Response.Status != _status && _inner.IsErrorResponse(message);

    public override bool IsRetriableResponse(HttpMessage message) => _inner.IsRetriableResponse(message);

    public override bool IsRetriableException(Exception exception) => _inner.IsRetriableException(exception);

    public override bool IsRetriable(HttpMessage message, Exception exception) => _inner.IsRetriable(message, exception);
}
