using System.Collections.Generic;
using System.Text.Json;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>Error responses in each service's shape.</summary>
internal static class ServiceErrors
{
    /// <summary>
    /// Foundry's <c>ApiErrorResponse</c>: <c>{error: {code, message, param, type, details?}}</c> (the OpenAI error shape
    /// plus <c>details</c>); each problem becomes a detail whose <c>param</c> is its JSON path.
    /// </summary>
    public static ServiceResponse Foundry(int status, string code, string message, IEnumerable<ValidationProblem>? problems = null) =>
        ServiceResponse.Json(status, JsonBodies.Object(writer =>
        {
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteNull("param");
            writer.WriteString("type", status >= 500 ? "server_error" : "invalid_request_error");
            if (problems is not null)
            {
                writer.WriteStartArray("details");
                foreach (ValidationProblem problem in problems)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", "InvalidValue");
                    writer.WriteString("message", problem.Message);
                    writer.WriteString("param", problem.Path);
                    writer.WriteString("type", "invalid_request_error");
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }));

    /// <summary>Azure OpenAI's <c>ErrorResponse</c>: <c>{error: {code, message, target?}}</c> with the spec's error codes.</summary>
    public static ServiceResponse AzureOpenAI(int status, string code, string message, string? target = null) =>
        ServiceResponse.Json(status, JsonBodies.Model(FineTuningModelFactory.FineTuningErrorResponse(
            FineTuningModelFactory.FineTuningError(code: code, message: message, target: target))));

    /// <summary>The OpenAI platform's <c>ErrorResponse</c>: <c>{error: {message, type, param, code}}</c>, nulls included as the spec requires.</summary>
    public static ServiceResponse OpenAI(int status, string message, string type, string? param = null, string? code = null) =>
        ServiceResponse.Json(status, JsonBodies.Object(writer =>
        {
            writer.WriteStartObject("error");
            writer.WriteString("message", message);
            writer.WriteString("type", type);
            WriteStringOrNull(writer, "param", param);
            WriteStringOrNull(writer, "code", code);
            writer.WriteEndObject();
        }));

    /// <summary>An injected fault, in the shape of the service it answers for.</summary>
    public static ServiceResponse Fault(EmulatedService? service, int status)
    {
        (string foundryCode, string azureCode, string openAIType, string openAICode, string message) = status switch
        {
            429 => ("TooManyRequests", "tooManyRequests", "requests", "rate_limit_exceeded", "Rate limit is exceeded. Try again later."),
            503 => ("ServiceUnavailable", "serviceUnavailable", "server_error", "service_unavailable", "The service is temporarily unavailable. Try again later."),
            504 => ("GatewayTimeout", "internalFailure", "server_error", "gateway_timeout", "The gateway timed out waiting for the service."),
            >= 500 => ("InternalServerError", "internalFailure", "server_error", "internal_error", "The service failed to process the request."),
            401 => ("Unauthorized", "unauthorized", "invalid_request_error", "invalid_api_key", "The request is not authorized."),
            403 => ("Forbidden", "forbidden", "invalid_request_error", "forbidden", "The request is forbidden."),
            404 => ("NotFound", "notFound", "invalid_request_error", "not_found", "The resource was not found."),
            409 => ("Conflict", "conflict", "invalid_request_error", "conflict", "The request conflicts with the current state of the resource."),
            _ => ("BadRequest", "invalidPayload", "invalid_request_error", "invalid_request", "The request is not valid."),
        };
        message = "Emulated fault: " + message;
        return service switch
        {
            EmulatedService.AzureOpenAI => AzureOpenAI(status, azureCode, message),
            EmulatedService.OpenAI => OpenAI(status, message, openAIType, null, openAICode),
            EmulatedService.Storage or EmulatedService.BlobStorage => StorageError(status, status == 429 ? "ServerBusy" : foundryCode, message),
            _ => Foundry(status, foundryCode, message),
        };
    }

    /// <summary>A path no route of <paramref name="service"/> matches: a 404 in the service's shape.</summary>
    public static ServiceResponse RouteNotFound(EmulatedService service, ServiceRequest request) => service switch
    {
        EmulatedService.AzureOpenAI => AzureOpenAI(404, "notFound", UnrecognizedUrl(request)),
        EmulatedService.OpenAI => OpenAI(404, UnrecognizedUrl(request), "invalid_request_error", null, "unknown_url"),
        EmulatedService.Storage or EmulatedService.BlobStorage => BlobNotFound(),
        _ => Foundry(404, "NotFound", $"No {(service == EmulatedService.Datasets ? "datasets" : "training jobs")} route matches {request.Method} /{RawPath(request)}."),
    };

    /// <summary>
    /// A method the route matched lacks: a 405 in the service's shape, except on the OpenAI platform, which answers it
    /// as an unrecognized URL (404).
    /// </summary>
    public static ServiceResponse MethodNotAllowed(EmulatedService service, ServiceRequest request) => service switch
    {
        EmulatedService.AzureOpenAI => AzureOpenAI(405, "invalidPayload", NotSupportedOn(request)),
        EmulatedService.OpenAI => RouteNotFound(service, request),
        EmulatedService.Storage or EmulatedService.BlobStorage => StorageError(405, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb."),
        _ => Foundry(405, "MethodNotAllowed", NotSupportedOn(request)),
    };

    /// <summary>Azure Storage's answer for a blob that does not exist.</summary>
    public static ServiceResponse BlobNotFound() => StorageError(404, "BlobNotFound", "The specified blob does not exist.");

    /// <summary>Azure Storage's XML error, for the artifact download URLs.</summary>
    public static ServiceResponse StorageError(int status, string code, string message) =>
        ServiceResponse.Bytes(
            status,
            System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + System.Security.SecurityElement.Escape(message) + "</Message></Error>"),
            "application/xml")
        .WithHeader("x-ms-error-code", code);

    private static string RawPath(ServiceRequest request) => string.Join("/", request.RawSegments);

    private static string UnrecognizedUrl(ServiceRequest request) => $"Unrecognized request URL ({request.Method} /{RawPath(request)}).";

    private static string NotSupportedOn(ServiceRequest request) => $"{request.Method} is not supported on /{RawPath(request)}.";

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
