using System.CommandLine;
using Foundry.Training.Cli.Output;
using Foundry.Training.Cli.Targets;
using Spectre.Console;

namespace Foundry.Training.Cli.Hosting;

/// <summary>One run of one command: its global options, output, target and (with <c>--emulator</c>) emulator.</summary>
internal sealed class CommandContext : IAsyncDisposable
{
    private readonly TargetSettings _targetSettings;
    private DemoEmulator? _emulator;

    public CommandContext(CliHost host, GlobalOptions options, ParseResult parseResult, CancellationToken cancellationToken)
    {
        Host = host;
        ParseResult = parseResult;
        CancellationToken = cancellationToken;
        Format = parseResult.GetValue(options.Output);
        Verbose = parseResult.GetValue(options.Verbose);
        _targetSettings = new TargetSettings(
            parseResult.GetValue(options.ProjectEndpoint),
            parseResult.GetValue(options.Endpoint),
            parseResult.GetValue(options.ApiKey),
            parseResult.GetValue(options.Service),
            parseResult.GetValue(options.Emulator));
    }

    public CliHost Host { get; }

    public ParseResult ParseResult { get; }

    public CancellationToken CancellationToken { get; }

    public OutputFormat Format { get; }

    public bool Json => Format == OutputFormat.Json;

    public bool Verbose { get; }

    /// <summary>Human output.</summary>
    public IAnsiConsole Console => Host.Out;

    /// <summary>JSON output.</summary>
    public JsonOutput JsonOut => new(Host.OutWriter);

    /// <summary>The service <c>--service</c> names, if any.</summary>
    public ServiceKind? RequestedService => _targetSettings.Service is { } name ? ServiceNames.Parse(name) : null;

    /// <summary>Whether this run uses the embedded emulator.</summary>
    public bool UsesEmulator => _targetSettings.Emulator;

    /// <summary>A line on standard error that is not an error (a hint, a note); never on standard output, which scripts read.</summary>
    public void Note(string line) => Host.ErrorWriter.WriteLine(line);

    /// <summary>Chooses the target (see <see cref="TargetResolver"/>) and opens a client for it.</summary>
    /// <param name="family">The services the command can use.</param>
    /// <param name="purpose">What needs the target, for messages.</param>
    /// <exception cref="UsageException">No usable service is configured.</exception>
    public Task<Connection> ConnectAsync(ServiceFamily family, string purpose) => ConnectAsync(ResolveTarget(family, purpose));

    /// <summary>Chooses the target without connecting (see <see cref="TargetResolver"/>).</summary>
    /// <exception cref="UsageException">No usable service is configured.</exception>
    public Target ResolveTarget(ServiceFamily family, string purpose) => TargetResolver.Resolve(_targetSettings, Host.GetEnvironmentVariable, family, purpose);

    /// <summary>Opens a client for <paramref name="target"/>, starting the emulator if it is one.</summary>
    public async Task<Connection> ConnectAsync(Target target)
    {
        if (target.IsEmulator)
        {
            _emulator ??= await Host.AcquireEmulator(CancellationToken).ConfigureAwait(false);
        }

        if (Verbose)
        {
            Note($"foundry-train: target {target}");
        }

        return Connection.Open(target, Host.CreateCredential, _emulator);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null && Host.OwnsEmulator)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
