using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Polly;

namespace Foundry.Training;

/// <summary>
/// The HTTP plumbing one service client needs: request creation against its endpoint (with <c>api-version</c>),
/// sending through the Azure.Core pipeline, mapping failures to <see cref="RequestFailedException"/> and reading bodies.
/// </summary>
internal sealed partial class ServicePipeline
{
    /// <summary>The most of a streamed error response's body read to describe the error.</summary>
    private const int MaxErrorBody = 1 << 20;

    private readonly string? _apiVersion;
    private readonly IResponseBufferOptions? _buffering;

    /// <param name="endpoint">The service's base address.</param>
    /// <param name="pipeline">The Azure.Core pipeline requests go through.</param>
    /// <param name="serves">The service (versions) behind <paramref name="endpoint"/>: an operation its table puts elsewhere fails before any request.</param>
    /// <param name="apiVersion">The <c>api-version</c> query value, or null for none.</param>
    /// <param name="json">The serializer options; the SDK's when null.</param>
    /// <param name="time">The clock of polling waits; the system clock when null.</param>
    /// <param name="buffering">The client options bounding buffered bodies (read per response); only the 1 MiB error-body bound when null.</param>
    public ServicePipeline(Uri endpoint, HttpPipeline pipeline, ServiceVersions serves, string? apiVersion, JsonSerializerOptions? json = null, TimeProvider? time = null, IResponseBufferOptions? buffering = null)
    {
        Endpoint = TrimTrailingSlash(endpoint);
        Pipeline = pipeline;
        Serves = serves;
        _apiVersion = apiVersion;
        Json = json ?? ModelSerialization.Options;
        Time = time ?? TimeProvider.System;
        _buffering = buffering;
    }

    public Uri Endpoint { get; }

    public HttpPipeline Pipeline { get; }

    /// <summary>The service (versions) behind <see cref="Endpoint"/>.</summary>
    public ServiceVersions Serves { get; }

    public JsonSerializerOptions Json { get; }

    /// <summary>The clock the clients' polling waits run on (<see cref="Delay"/>).</summary>
    public TimeProvider Time { get; }

    /// <summary>
    /// Builds the Azure.Core pipeline: the authentication policy per retry, fixed headers per call, retries by
    /// <see cref="ServiceRetryPolicy"/> (set on the options) and, when the options carry one, the user's Polly pipeline
    /// around the whole call (<see cref="ResiliencePipelinePolicy"/>).
    /// </summary>
    public static HttpPipeline Build(ClientOptions options, HttpPipelinePolicy? authentication, params HttpPipelinePolicy[] perCallPolicies)
    {
        var pipelineOptions = new HttpPipelineOptions(options)
        {
            RequestFailedDetailsParser = ServiceErrorParser.Instance,
            ResponseClassifier = ServiceResponseClassifier.Shared,
        };
        foreach (HttpPipelinePolicy policy in perCallPolicies)
        {
            pipelineOptions.PerCallPolicies.Add(policy);
        }

        if (authentication is not null)
        {
            pipelineOptions.PerRetryPolicies.Add(authentication);
        }

        HttpPipeline pipeline = HttpPipelineBuilder.Build(pipelineOptions);
        ResiliencePipeline<Response>? resilience = (options as IResilienceOptions)?.ResiliencePipeline;
        return resilience is null ? pipeline : ResiliencePipelinePolicy.Wrap(pipeline, resilience, options.Transport);
    }

    /// <summary>Creates a request to <c>{endpoint}{path}?api-version=...</c>; <paramref name="path"/> must already be escaped.</summary>
    public HttpMessage CreateRequest(RequestMethod method, string path)
    {
        HttpMessage message = CreateMessage(method, Endpoint);
        RequestUriBuilder uri = message.Request.Uri;
        uri.AppendPath(path, escape: false);
        if (_apiVersion is not null)
        {
            uri.AppendQuery("api-version", _apiVersion, escapeValue: true);
        }

        return message;
    }

    /// <summary>
    /// Creates a GET to a service-provided URL (a next link or polling location; a relative one is resolved against the
    /// endpoint), keeping its query and adding <c>api-version</c> when absent.
    /// </summary>
    /// <exception cref="RequestFailedException">The URL is not an http or https URL (callers check the service's links where they read them).</exception>
    public HttpMessage CreateNextLinkRequest(string url)
    {
        Uri uri = ServiceUrl.Resolve(Endpoint, url)
            ?? throw ServiceFailure.Create(0, "The service sent a link that is not an http or https URL; it was not followed.", "InvalidServiceUrl");

        HttpMessage message = CreateMessage(RequestMethod.Get, uri);
        if (_apiVersion is not null && !HasQueryParameter(uri, "api-version"))
        {
            message.Request.Uri.AppendQuery("api-version", _apiVersion, escapeValue: true);
        }

        return message;
    }

    /// <summary>A JSON request to <paramref name="uri"/> with the SDK's own client request id (<see cref="ClientRequestIds"/>).</summary>
    private HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        HttpMessage message = Pipeline.CreateMessage();
        Request request = message.Request;
        request.ClientRequestId = ClientRequestIds.Next();
        request.Method = method;
        request.Uri.Reset(uri);
        request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        return message;
    }

    /// <summary>Sets a JSON body serialized with the SDK's options.</summary>
    public void SetJsonContent<T>(HttpMessage message, T body)
    {
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        message.Request.Content = RequestContent.Create(ModelSerialization.SerializeToUtf8Bytes(body, Json));
    }

    /// <summary>Sends the message and throws <see cref="RequestFailedException"/> when the classifier says the response is an error.</summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Pipeline.Send(message, cancellationToken);
        }

        Response response = message.Response;
        if (response.IsError)
        {
            if (!message.BufferResponse)
            {
                await BufferErrorContentAsync(response, async, cancellationToken).ConfigureAwait(false);
            }

            // Storage behind a SAS URL (artifacts, datasets) may echo the URL in its error; the signature stays out.
            SasRedaction.RedactResponseBody(message);
            throw new RequestFailedException(response, null, ServiceErrorParser.Instance);
        }

        return response;
    }

    /// <summary>
    /// A streamed response that failed: read the start of its body (at most 1 MiB, and at most the client's
    /// <see cref="IResponseBufferOptions.MaxResponseContentBufferSize"/>) so the error can be described.
    /// </summary>
    private async ValueTask BufferErrorContentAsync(Response response, bool async, CancellationToken cancellationToken)
    {
        Stream? stream = response.ContentStream;
        if (stream is null)
        {
            return;
        }

        int limit = (int)Math.Min(MaxErrorBody, _buffering?.MaxResponseContentBufferSize ?? MaxErrorBody);
        var buffer = new MemoryStream();
        byte[] chunk = new byte[Math.Min(81920, limit)];
        try
        {
            int read;
            while (buffer.Length < limit &&
                   (read = async
                       ? await stream.ReadAsync(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length), cancellationToken).ConfigureAwait(false)
                       : stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException)
        {
            // A body cut short is still worth reporting as far as it got.
        }
        finally
        {
            stream.Dispose();
        }

        buffer.Position = 0;
        response.ContentStream = buffer;
    }

    /// <summary>Reads a JSON body; a body that is not what the contract promises becomes a <see cref="RequestFailedException"/>.</summary>
    public T Read<T>(Response response, JsonTypeInfo<T> type)
    {
        try
        {
            return ModelSerialization.Deserialize<T>(response.Content.ToMemory().Span, Json)
                ?? throw new JsonException("The response body is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            throw InvalidBody(response, typeof(T).Name, ex);
        }
    }

    /// <summary>Reads one page of a list response.</summary>
    public PageContent<T> ReadPage<T>(Response response, JsonTypeInfo<T> itemType)
    {
        try
        {
            return PageContent<T>.Parse(response.Content.ToMemory().Span, itemType);
        }
        catch (JsonException ex)
        {
            throw InvalidBody(response, "list of " + typeof(T).Name, ex);
        }
    }

    /// <summary>The error for a successful status whose body cannot be read.</summary>
    public static RequestFailedException InvalidBody(Response response, string expected, Exception inner) =>
        ServiceFailure.Create(response, $"Service returned status {response.Status} with a body that is not a valid {expected}: {inner.Message}", "InvalidResponseBody", inner);

    private static bool HasQueryParameter(Uri uri, string name)
    {
        string query = uri.Query.TrimStart('?');
        foreach (string pair in query.Split('&'))
        {
            int equals = pair.IndexOf('=');
            string key = equals < 0 ? pair : pair.Substring(0, equals);
            if (string.Equals(Uri.UnescapeDataString(key), name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static Uri TrimTrailingSlash(Uri endpoint)
    {
        string text = endpoint.AbsoluteUri;
        return text.EndsWith("/", StringComparison.Ordinal) ? new Uri(text.TrimEnd('/')) : endpoint;
    }
}
