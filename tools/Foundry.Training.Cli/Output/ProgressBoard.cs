using Spectre.Console;

namespace Foundry.Training.Cli.Output;

/// <summary>
/// Progress of transfers: live bars at a terminal; at other times (CI logs, redirected output) a line at every quarter
/// and at the end, so that logs show progress without a line per buffer; nothing in JSON mode.
/// </summary>
internal abstract class ProgressBoard
{
    /// <summary>Runs <paramref name="work"/> with a board that suits <paramref name="console"/>.</summary>
    /// <param name="console">Where progress goes.</param>
    /// <param name="show">False for JSON output: progress would get in the way of the document.</param>
    /// <param name="work">The transfer.</param>
    public static Task<T> RunAsync<T>(IAnsiConsole console, bool show, Func<ProgressBoard, Task<T>> work)
    {
        if (!show)
        {
            return work(new Silent());
        }

        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new Lines(console));
        }

        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(context => work(new Bars(context)));
    }

    /// <summary>Adds a line of progress.</summary>
    /// <param name="description">What moves (a file name; service text is made safe here).</param>
    /// <param name="total">Its size, when known.</param>
    /// <param name="unit">What it counts.</param>
    public abstract ProgressItem Add(string description, long? total, ProgressUnit unit = ProgressUnit.Bytes);

    /// <summary>How far an item is, for people: <c>1.5 MiB of 4 MiB</c>, <c>3 of 7 files</c>, <c>1.5 MiB</c>.</summary>
    protected static string Amount(long value, long? total, ProgressUnit unit) => (unit, total) switch
    {
        (ProgressUnit.Files, long all) => $"{value} of {all} files",
        (ProgressUnit.Files, null) => $"{value} files",
        (_, long all) => $"{Display.Bytes(value)} of {Display.Bytes(all)}",
        _ => Display.Bytes(value),
    };

    /// <summary>One line of progress; safe to report from any thread.</summary>
    internal abstract class ProgressItem : IProgress<long>
    {
        public abstract void Report(long value);

        /// <summary>Done: the bar is full, or the closing line is written.</summary>
        public abstract void Complete(long value);
    }

    private sealed class Silent : ProgressBoard
    {
        public override ProgressItem Add(string description, long? total, ProgressUnit unit) => new Item();

        private sealed class Item : ProgressItem
        {
            public override void Report(long value)
            {
            }

            public override void Complete(long value)
            {
            }
        }
    }

    private sealed class Bars(ProgressContext context) : ProgressBoard
    {
        public override ProgressItem Add(string description, long? total, ProgressUnit unit)
        {
            string name = Markup.Escape(Display.Safe(description));
            ProgressTask task = context.AddTask(name, maxValue: total is > 0 ? total.Value : 1);
            task.IsIndeterminate = total is null;
            return new Item(task, name, total, unit);
        }

        /// <summary>A bar whose description carries the amount (the columns are shared by bytes and files).</summary>
        private sealed class Item(ProgressTask task, string name, long? total, ProgressUnit unit) : ProgressItem
        {
            public override void Report(long value)
            {
                task.Description = $"{name} [grey]{Amount(value, total, unit)}[/]";
                if (total is not null)
                {
                    task.Value = value;
                }
            }

            public override void Complete(long value)
            {
                task.Description = $"{name} [grey]{Amount(value, unit == ProgressUnit.Files ? value : null, unit)}[/]";
                task.IsIndeterminate = false;
                task.MaxValue = Math.Max(value, 1);
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    private sealed class Lines(IAnsiConsole console) : ProgressBoard
    {
        private readonly object _lock = new();

        public override ProgressItem Add(string description, long? total, ProgressUnit unit) => new Item(this, Display.Safe(description), total, unit);

        private void Write(string line)
        {
            lock (_lock)
            {
                console.Write(new Text(line + Environment.NewLine));
            }
        }

        private sealed class Item(Lines board, string description, long? total, ProgressUnit unit) : ProgressItem
        {
            private int _quarter;
            private int _completed;

            public override void Report(long value)
            {
                if (total is not > 0 || value >= total)
                {
                    return; // the end is Complete's line
                }

                int quarter = (int)Math.Min(3, value * 4 / total.Value);
                int previous = Volatile.Read(ref _quarter);
                if (quarter > previous && Interlocked.CompareExchange(ref _quarter, quarter, previous) == previous)
                {
                    board.Write($"{description}: {quarter * 25}% ({Amount(value, total, unit)})");
                }
            }

            public override void Complete(long value)
            {
                if (Interlocked.Exchange(ref _completed, 1) == 0)
                {
                    board.Write($"{description}: done ({Amount(value, unit == ProgressUnit.Files ? value : null, unit)})");
                }
            }
        }
    }
}
