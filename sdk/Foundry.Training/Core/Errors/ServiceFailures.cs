using System;
using Azure;

namespace Foundry.Training;

/// <summary>
/// The <see cref="RequestFailedException"/> for a response the SDK cannot act on although its status is a success (a
/// body that is not what the contract promises, a polling URL that is not HTTP, a list that never ends): the response's
/// status, an error code, and the service's request id in the message and in <c>Data["RequestId"]</c>.
/// </summary>
internal static class ServiceFailures
{
    public static RequestFailedException Create(Response response, string message, string errorCode, Exception? inner = null)
    {
        string? requestId = ServiceErrorParser.GetRequestId(response);
        var exception = new RequestFailedException(
            response.Status,
            requestId is null ? message : $"{message} (request id {requestId})",
            errorCode,
            inner);
        if (requestId is not null)
        {
            exception.Data[ServiceErrorParser.RequestIdKey] = requestId;
        }

        return exception;
    }
}
