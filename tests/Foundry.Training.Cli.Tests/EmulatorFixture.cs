using Foundry.Training.Cli.Targets;

namespace Foundry.Training.Cli.Tests;

/// <summary>One seeded emulator per test class (tests in a class run one at a time; classes run in parallel).</summary>
public class EmulatorFixture : IAsyncLifetime
{
    private readonly DemoEmulatorSettings _settings;

    public EmulatorFixture()
        : this(Cli.Fast)
    {
    }

    private protected EmulatorFixture(DemoEmulatorSettings settings) => _settings = settings;

    internal DemoEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await DemoEmulator.StartAsync(_settings, CancellationToken.None);

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

/// <summary>
/// An emulator whose jobs stay running for a minute: for tests that act on a running job, which must not finish
/// between two commands however loaded the machine is. A cancel or delete completes one step (0.5 s) later.
/// </summary>
public sealed class SlowEmulatorFixture() : EmulatorFixture(new DemoEmulatorSettings(TimeSpan.FromMilliseconds(500), TrainingSteps: 120));
