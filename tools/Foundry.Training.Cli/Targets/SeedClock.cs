namespace Foundry.Training.Cli.Targets;

/// <summary>
/// The emulator's clock: the system clock, shifted into the past while <see cref="DemoEmulator"/> seeds its jobs, so
/// that they have run their course (or part of it) by the time the command starts. It only ever moves forward.
/// </summary>
internal sealed class SeedClock(TimeSpan behind) : TimeProvider
{
    private long _offsetTicks = -behind.Ticks;

    /// <summary>Sets the clock <paramref name="behind"/> the system clock; never moves it backwards.</summary>
    public void SetBehind(TimeSpan behind)
    {
        long offset = -behind.Ticks;
        if (offset < Volatile.Read(ref _offsetTicks))
        {
            throw new InvalidOperationException("The seed clock only moves forward.");
        }

        Volatile.Write(ref _offsetTicks, offset);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Volatile.Read(ref _offsetTicks));
}
