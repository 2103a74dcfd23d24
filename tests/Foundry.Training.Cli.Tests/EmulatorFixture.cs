using Foundry.Training.Cli.Targets;

namespace Foundry.Training.Cli.Tests;

/// <summary>One seeded emulator per test class (tests in a class run one at a time; classes run in parallel).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    internal DemoEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await DemoEmulator.StartAsync(Cli.Fast, CancellationToken.None);

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
