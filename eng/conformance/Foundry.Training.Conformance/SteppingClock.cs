using System;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training.Conformance;

/// <summary>
/// The emulator's clock in the response direction: it stands still unless the runner moves it, so a fixture stays in
/// the state it was made in (a running job keeps running) until an operation needs time to pass.
/// </summary>
internal sealed class SteppingClock : TimeProvider
{
    // Whole seconds, like the steps: the services' timestamps are whole unix seconds.
    private readonly DateTimeOffset _start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    private long _elapsedTicks;

    public override DateTimeOffset GetUtcNow() => _start + TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _elapsedTicks, by.Ticks);

    /// <summary>Moves the clock by <paramref name="step"/> every <paramref name="every"/> of real time until disposed.</summary>
    public IDisposable RunFreely(TimeSpan step, TimeSpan every) => new FreeRun(this, step, every);

    private sealed class FreeRun : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public FreeRun(SteppingClock clock, TimeSpan step, TimeSpan every)
        {
            _loop = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(every);
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    clock.Advance(step);
                }
            });
        }

        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _loop.Wait();
            }
            catch (AggregateException ex) when (ex.InnerException is OperationCanceledException)
            {
                // Stopped, as asked.
            }

            _stop.Dispose();
        }
    }
}
