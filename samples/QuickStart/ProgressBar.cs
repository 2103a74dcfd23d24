namespace Foundry.Training.Samples;

/// <summary>
/// <c>[###############...............]  50%  loss 0.8123</c>: redrawn in place on a terminal; when the output is
/// redirected (a log file, a test) a new line is written each time the percentage changes.
/// </summary>
internal sealed class ProgressBar(TextWriter output)
{
    private const int Width = 30;

    private readonly bool _redraw = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
    private int _percent = -1;
    private string? _line;

    public void Show(double fraction, double? loss)
    {
        int percent = (int)Math.Round(Math.Clamp(fraction, 0, 1) * 100);
        int filled = percent * Width / 100;
        string line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%" + (loss is double l ? $"  loss {l:F4}" : "");
        if (line == _line || (!_redraw && percent == _percent))
        {
            return;
        }

        if (_redraw)
        {
            output.Write("\r" + line);
        }
        else
        {
            output.WriteLine(line);
        }

        _line = line;
        _percent = percent;
    }

    /// <summary>Writes a message on a line of its own, below the bar.</summary>
    public void WriteLine(string message)
    {
        End();
        output.WriteLine(message);
    }

    /// <summary>Moves below the bar, so that what follows starts on a new line.</summary>
    public void End()
    {
        if (_redraw && _line is not null)
        {
            output.WriteLine();
        }

        _line = null;
    }
}
