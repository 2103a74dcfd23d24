using System;
using System.Collections.Generic;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// Reads the error bodies of all three services into <see cref="RequestFailedException"/>:
/// Foundry <c>{error:{code,message,details}}</c>, Azure OpenAI <c>{error:{code,message,target,innererror}}</c> and
/// OpenAI <c>{error:{message,type,param,code}}</c>. Whatever the body, the service request id is kept.
/// </summary>
internal sealed class ServiceErrorParser : RequestFailedDetailsParser
{
    /// <summary>The <see cref="Exception.Data"/> key holding the service request id.</summary>
    public const string RequestIdKey = "RequestId";

    public static ServiceErrorParser Instance { get; } = new();

    private static readonly string[] s_requestIdHeaders = { "x-ms-request-id", "apim-request-id", "x-request-id", "request-id" };

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = new Dictionary<string, string>(StringComparer.Ordinal);
        string? requestId = GetRequestId(response);
        if (requestId is not null)
        {
            data[RequestIdKey] = requestId;
        }

        error = TryReadError(response, data);
        return true;
    }

    /// <summary>The service's request id from the first response header that carries one.</summary>
    public static string? GetRequestId(Response response)
    {
        foreach (string header in s_requestIdHeaders)
        {
            if (response.Headers.TryGetValue(header, out string? value) && !string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    private static ResponseError? TryReadError(Response response, IDictionary<string, string> data)
    {
        if (response.Status is >= 300 and < 400)
        {
            return RedirectNotFollowed(response); // whatever the body says, the redirect is the error
        }

        BinaryData? content;
        try
        {
            content = response.Content;
        }
        catch (InvalidOperationException)
        {
            return null; // streamed (unbuffered) response: nothing to read
        }

        if (content is null || content.ToMemory().IsEmpty)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(content.ToMemory());
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            JsonElement error = root.TryGetProperty("error", out JsonElement nested) && nested.ValueKind == JsonValueKind.Object ? nested : root;
            string? type = GetString(error, "type");
            string? code = GetString(error, "code") ?? type;
            string? message = GetString(error, "message") ?? (nested.ValueKind == JsonValueKind.String ? nested.GetString() : null);
            AddIfPresent(data, "ErrorType", type);
            AddIfPresent(data, "Param", GetString(error, "param"));
            AddIfPresent(data, "Target", GetString(error, "target"));
            if (error.TryGetProperty("innererror", out JsonElement inner) && inner.ValueKind == JsonValueKind.Object)
            {
                AddIfPresent(data, "InnerErrorCode", GetString(inner, "code"));
            }

            return code is null && message is null ? null : new ResponseError(code, message);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // An HTML page, a truncated body, or text that is not valid UTF-8 / holds a lone surrogate escape (which
            // System.Text.Json reports as InvalidOperationException): Azure.Core quotes the content in the message.
            return null;
        }
    }

    /// <summary>
    /// A redirect the client did not follow. The message names only the origin it pointed to: its path and query could
    /// carry a signature, and the <c>Location</c> header is redacted from the message's header list for the same reason.
    /// </summary>
    private static ResponseError RedirectNotFollowed(Response response)
    {
        string target = !response.Headers.TryGetValue("Location", out string? location) || string.IsNullOrWhiteSpace(location)
            ? "nowhere (no Location)"
            : Uri.TryCreate(location!.Trim(), UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
                ? uri.Scheme + "://" + uri.Authority + " (path not shown)"
                : "a path relative to the endpoint";
        return new ResponseError(
            "RedirectNotFollowed",
            $"The service answered {response.Status} with a redirect to {target}. Redirects are not followed, so that credentials " +
            "never leave the endpoint the client was given; check the endpoint (and, with your own HttpClient, turn off its AllowAutoRedirect).");
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        } : null;

    private static void AddIfPresent(IDictionary<string, string> data, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            data[key] = value!;
        }
    }
}
