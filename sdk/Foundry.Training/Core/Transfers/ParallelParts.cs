using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training;

/// <summary>
/// Runs one piece of work per part, at most <c>concurrency</c> at once, in part order; the first failure cancels the
/// rest and is rethrown as itself (not wrapped). Sync callers run the parts on thread-pool threads and wait.
/// </summary>
internal static class ParallelParts
{
    public static async ValueTask RunAsync(IEnumerable<int> parts, int concurrency, Func<int, CancellationToken, ValueTask> work, bool async, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = new Queue<int>(parts);
        Exception? failure = null;
        object gate = new();

        async Task WorkerAsync()
        {
            while (true)
            {
                int part;
                lock (gate)
                {
                    if (queue.Count == 0 || failure is not null)
                    {
                        return;
                    }

                    part = queue.Dequeue();
                }

                try
                {
                    await work(part, stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    lock (gate)
                    {
                        // The first failure is the cause; the cancellations it causes in the other parts are not.
                        if (failure is null || (failure is OperationCanceledException && ex is not OperationCanceledException && !cancellationToken.IsCancellationRequested))
                        {
                            failure = ex;
                        }
                    }

                    stop.Cancel();
                    return;
                }
            }
        }

        var workers = new Task[Math.Max(1, Math.Min(concurrency, queue.Count))];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = async ? WorkerAsync() : Task.Run(WorkerAsync);
        }

        if (async)
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        else
        {
            Task.WaitAll(workers);
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
