using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Core.Pipeline;
using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs.Logs;

/// <summary>
/// A scripted Foundry project with one job, its attempts and their log files, answering in process
/// (<c>HttpClientTransport</c>): each poll's job status comes from <see cref="Statuses"/>, files change between
/// requests as the test says (<see cref="BeforeRequest"/>), ranges are served as blob storage serves them (206, 416
/// past the end), and every request is recorded as <c>METHOD path?query [Range]</c>.
/// </summary>
internal sealed class ScriptedLogService : HttpMessageHandler
{
    public const string Job = "/api/projects/proj/training_jobs/job";

    /// <summary>The job's status on each read, in turn; the last one repeats.</summary>
    public Queue<string> Statuses { get; } = new();

    /// <summary>The attempts, oldest first; the last is the latest.</summary>
    public List<string> Attempts { get; } = new() { "1" };

    /// <summary>Each attempt's files by path.</summary>
    public Dictionary<string, SortedDictionary<string, byte[]>> Files { get; } = new() { ["1"] = new(StringComparer.Ordinal) };

    /// <summary>Bodies to cut off: the next read of the file breaks after this many bytes.</summary>
    public Dictionary<string, int> BreakAfter { get; } = new();

    /// <summary>A file served with a wrong Content-Range.</summary>
    public string? MisrangedFile { get; set; }

    /// <summary>A content URI the service sends instead of the storage one.</summary>
    public Uri? ContentUriOverride { get; set; }

    /// <summary>Runs before each request is answered: a file grows, an attempt starts.</summary>
    public Action<string>? BeforeRequest { get; set; }

    public List<string> Requests { get; } = new();

    private string _status = "Running";

    public TrainingJobsClient CreateClient(Action<TrainingJobsClientOptions>? configure = null)
    {
        var options = new TrainingJobsClientOptions { Transport = new HttpClientTransport(new HttpClient(this)) };
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options);
        return new TrainingJobsClient(new Uri("https://foundry.test/api/projects/proj"), new Infrastructure.StaticTokenCredential("t"), options);
    }

    public void Write(string attempt, string path, string text) => Append(attempt, path, Encoding.UTF8.GetBytes(text));

    public void Append(string attempt, string path, byte[] bytes)
    {
        if (!Files.TryGetValue(attempt, out SortedDictionary<string, byte[]>? files))
        {
            Files[attempt] = files = new(StringComparer.Ordinal);
        }

        files[path] = files.TryGetValue(path, out byte[]? old) ? old.Concat(bytes).ToArray() : bytes;
    }

    /// <summary>The requests other than storage reads, without api-version.</summary>
    public List<string> ServiceRequests => Requests.Where(r => !r.Contains("storage.test", StringComparison.Ordinal)).ToList();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Answer(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Answer(request);

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        Uri uri = request.RequestUri!;
        string query = string.Join("&", uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(q => !q.StartsWith("api-version=", StringComparison.Ordinal)).Select(Uri.UnescapeDataString));
        string range = request.Headers.TryGetValues("Range", out IEnumerable<string>? r) ? " [" + r.Single() + "]" : string.Empty;
        string line = request.Method + " " + (uri.Host == "storage.test" ? "storage.test" : string.Empty) + uri.AbsolutePath + (query.Length > 0 ? "?" + query : string.Empty) + range;
        Requests.Add(line);
        BeforeRequest?.Invoke(line);
        string path = uri.AbsolutePath;
        if (uri.Host == "storage.test")
        {
            return Storage(request, path);
        }

        if (path == Job)
        {
            if (Statuses.Count > 0)
            {
                _status = Statuses.Dequeue();
            }

            return Json($$$"""{"name":"job","properties":{"job_type":"command","compute_id":"c","status":"{{{_status}}}"}}""");
        }

        if (path == Job + "/attempts/latest")
        {
            return Json($$"""{"id":"{{Attempts[^1]}}","job_name":"job"}""");
        }

        if (path == Job + "/attempts")
        {
            string after = Query(uri, "after") ?? string.Empty;
            IEnumerable<string> ids = Attempts.SkipWhile(a => after.Length > 0 && a != after).Skip(after.Length > 0 ? 1 : 0);
            return Json("""{"data":[""" + string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","job_name":"job"}""")) + """],"has_more":false}""");
        }

        if (path.EndsWith("/metrics", StringComparison.Ordinal))
        {
            return Json("""{"data":[],"has_more":false}""");
        }

        foreach (string attempt in Files.Keys)
        {
            string prefix = Query(uri, "path_prefix") ?? string.Empty;
            IEnumerable<KeyValuePair<string, byte[]>> files = Files[attempt].Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal));
            if (path == Job + "/attempts/" + attempt + "/artifacts/content_info_by_prefix")
            {
                return Json("""{"data":[""" + string.Join(",", files.Select(f => $$"""{"path":"{{f.Key}}","content_uri":"{{ContentUriOverride?.AbsoluteUri ?? "https://storage.test/" + attempt + "/" + f.Key + "?sig=s"}}"}""")) + """],"has_more":false}""");
            }

            if (path == Job + "/attempts/" + attempt + "/artifacts")
            {
                return Json("""{"data":[""" + string.Join(",", files.Select(f => $$"""{"path":"{{f.Key}}","type":"file","size":{{f.Value.Length}}}""")) + """],"has_more":false}""");
            }
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"error":{"code":"NotFound","message":"no"}}""", Encoding.UTF8, "application/json") };
    }

    private HttpResponseMessage Storage(HttpRequestMessage request, string path)
    {
        string[] parts = path.TrimStart('/').Split('/', 2);
        byte[] file = Files[parts[0]][parts[1]];
        long start = long.Parse(request.Headers.Range!.Ranges.Single().From!.Value.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        if (start >= file.Length)
        {
            var past = new HttpResponseMessage(HttpStatusCode.RequestedRangeNotSatisfiable) { Content = new StringContent(string.Empty) };
            past.Content.Headers.ContentRange = new ContentRangeHeaderValue(file.Length);
            return past;
        }

        byte[] body = file.AsSpan((int)start).ToArray();
        HttpContent content = BreakAfter.Remove(parts[1], out int after)
            ? new StreamContent(new BreakingStream(body, after))
            : new ByteArrayContent(body);
        content.Headers.ContentLength = body.Length;
        long first = parts[1] == MisrangedFile ? start + 1 : start;
        content.Headers.ContentRange = new ContentRangeHeaderValue(first, first + body.Length - 1, file.Length);
        var response = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = content };
        response.Headers.ETag = new EntityTagHeaderValue("\"v" + file.Length + "\"");
        return response;
    }

    private static string? Query(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>A body whose connection drops after some bytes.</summary>
    private sealed class BreakingStream : MemoryStream
    {
        private readonly int _after;

        public BreakingStream(byte[] body, int after)
            : base(body)
        {
            _after = after;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= _after)
            {
                throw new IOException("The connection was reset.");
            }

            return base.Read(buffer, offset, (int)Math.Min(count, _after - Position));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            byte[] temp = new byte[buffer.Length];
            int read = Read(temp, 0, temp.Length);
            temp.AsSpan(0, read).CopyTo(buffer.Span);
            return ValueTask.FromResult(read);
        }
    }
}
