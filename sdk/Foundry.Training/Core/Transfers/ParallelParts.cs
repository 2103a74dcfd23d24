using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Training;

/// <summary>
/// The one worker pool of every parallel transfer (the parts of a download, the blocks of blob uploads, the parts of an
/// Uploads API upload): runs one piece of work per part, at most <c>concurrency</c> at once, in part order. The first
/// failure cancels the rest and is rethrown as itself (not wrapped); the cancellations it causes in the other parts are
/// not mistaken for it. When the caller cancels, no further part starts, and parts left undone end the run in an
/// <see cref="OperationCanceledException"/>. Async callers start the workers on their own thread; sync callers run them
/// on dedicated threads (a lone worker on their own thread) and wait, so the sync methods never block thread-pool threads.
/// </summary>
internal static class ParallelParts
{
    public static async ValueTask RunAsync<TPart>(IEnumerable<TPart> parts, int concurrency, Func<TPart, CancellationToken, ValueTask> work, bool async, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = new Queue<TPart>(parts);
        Exception? failure = null;
        object gate = new();

        async Task WorkerAsync()
        {
            while (true)
            {
                TPart part;
                lock (gate)
                {
                    if (queue.Count == 0 || failure is not null || stop.IsCancellationRequested)
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

        int count = Math.Max(1, Math.Min(concurrency, queue.Count));
        if (!async && count == 1)
        {
            WorkerAsync().GetAwaiter().GetResult(); // Synchronous work: it is done when the call returns.
        }
        else
        {
            var workers = new Task[count];
            for (int i = 0; i < workers.Length; i++)
            {
                workers[i] = async
                    ? WorkerAsync()
                    : Task.Factory.StartNew(() => WorkerAsync().GetAwaiter().GetResult(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            if (async)
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            else
            {
                Task.WaitAll(workers);
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        if (queue.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested(); // The caller cancelled between parts.
        }
    }
}
