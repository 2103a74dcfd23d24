using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.Conformance;

/// <summary>
/// One <c>prism mock</c> process, or one <c>prism proxy</c> in front of an upstream, on a free loopback port. Disposing
/// it kills the process tree.
/// </summary>
internal sealed class PrismServer : IAsyncDisposable
{
    private const int LogLines = 40;
    private static readonly List<PrismServer> s_running = new();

    private readonly Process _process;
    private readonly Queue<string> _log = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    static PrismServer()
    {
        // Ctrl+C or a normal exit must not leave node processes behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private PrismServer(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        BaseUri = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
    }

    public string Name { get; }

    public Uri BaseUri { get; }

    /// <summary>Starts a mock of <paramref name="specPath"/>, or with <paramref name="upstream"/> a validating proxy in front of it.</summary>
    /// <param name="errors">Whether Prism answers a request or response with violations with an error (<c>--errors</c>).</param>
    public static PrismServer Start(string name, ConformanceSettings settings, string specPath, Uri? upstream, bool errors)
    {
        int port = FreeLoopbackPort();
        var start = new ProcessStartInfo(settings.Node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { settings.PrismCli, upstream is null ? "mock" : "proxy", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (upstream is null && settings.Seed != "none")
        {
            start.ArgumentList.Add("--seed");
            start.ArgumentList.Add(settings.Seed);
        }

        // A proxy's --errors turns a response violation into a 500 whose body lists every one (the header may be cut).
        if (errors)
        {
            start.ArgumentList.Add("--errors");
        }

        start.ArgumentList.Add(specPath);
        if (upstream is not null)
        {
            start.ArgumentList.Add(upstream.AbsoluteUri.TrimEnd('/'));
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        start.Environment["SCARF_ANALYTICS"] = "false";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new PrismServer(name, process, port);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.Exited += (_, _) => server._listening.TrySetException(new InvalidOperationException(
            $"Prism ({name}) exited with code {process.ExitCode} before listening:{Environment.NewLine}{server.RecentLog()}"));
        lock (s_running)
        {
            process.Start();
            s_running.Add(server);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for Prism's "listening" line, then for the port to accept a connection.</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _listening.Task.WaitAsync(cts.Token).ConfigureAwait(false);
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, BaseUri.Port, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Prism ({Name}) did not listen within {timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentLog()}");
        }
    }

    public string RecentLog()
    {
        lock (_log)
        {
            return string.Join(Environment.NewLine, _log);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"warning: Prism ({Name}, pid {_process.Id}) did not exit within 10 s of being killed");
        }

        lock (s_running)
        {
            s_running.Remove(this);
        }

        _process.Dispose();
    }

    private static void KillAll()
    {
        lock (s_running)
        {
            foreach (PrismServer server in s_running)
            {
                server.Kill();
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > LogLines)
            {
                _log.Dequeue();
            }
        }

        if (line.Contains("Prism is listening", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
