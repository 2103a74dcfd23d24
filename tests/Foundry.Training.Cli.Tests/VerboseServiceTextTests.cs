using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Foundry.Training.Cli.Tests;

/// <summary><c>--verbose</c> against a hostile service: what it adds to standard error (the exception, the SDK's log) never carries a terminal escape.</summary>
public sealed class VerboseServiceTextTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string Escape = "\u001b]0;owned\u0007\u001b[2J";

    private readonly Cli _cli = new(fixture.Emulator);
    private readonly HttpListener _listener = new();

    public void Dispose() => _listener.Close();

    [Fact]
    public async Task Verbose_AnErrorWhoseMessageHoldsEscapes_WritesTheExceptionAndTheLogWithoutThem()
    {
        string endpoint = Serve(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"No such job " + Escape.Replace("\u001b", "\\u001b", StringComparison.Ordinal).Replace("\u0007", "\\u0007", StringComparison.Ordinal) + " here.\"}}");

        CliResult result = await _cli.RunAsync("jobs", "show", "ftjob-1", "--endpoint", endpoint, "--api-key", "k", "--verbose");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Error.Should().Contain("error: No such job").And.Contain("Azure.RequestFailedException").And.Contain("[Azure-Core]");
        result.Error.Should().NotContain("\u001b").And.NotContain("\u0007");
        result.Error.Should().Contain("\uFFFD]0;owned\uFFFD", "the escape's text stays readable, its control characters replaced");
        result.Error.Split('\n').Length.Should().BeGreaterThan(3, "the exception and the log keep their line breaks");
    }

    /// <summary>Answers every request on a loopback port with <paramref name="status"/> and a JSON <paramref name="body"/>.</summary>
    private string Serve(int status, string body)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        string endpoint = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(endpoint);
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                byte[] bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                context.Response.Headers["x-ms-request-id"] = "req-1";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
        return endpoint.TrimEnd('/');
    }
}
