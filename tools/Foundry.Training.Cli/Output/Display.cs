using System.Globalization;
using System.Text;
using Foundry.Training.Jobs;
using Spectre.Console;

namespace Foundry.Training.Cli.Output;

/// <summary>How values look on a terminal. Service text is hostile until shown otherwise: it never reaches the terminal raw.</summary>
internal static class Display
{
    /// <summary>
    /// Text a service sent, made safe for a terminal: control characters (escape sequences could move the cursor, retitle
    /// the window or hide text) and bidirectional overrides (which reorder what is shown) become U+FFFD.
    /// </summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? safe = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                safe ??= new StringBuilder(text, 0, i, text.Length);
                safe.Append('\uFFFD');
            }
            else
            {
                safe?.Append(c);
            }
        }

        return safe?.ToString() ?? text;
    }

    /// <summary>
    /// Text of several lines that carries service text (an exception with its response body, an SDK log line), made safe
    /// line by line as <see cref="Safe"/> does: the line breaks stay, everything else that could steer a terminal goes.
    /// </summary>
    public static string SafeLines(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : string.Join(Environment.NewLine, text.Split('\n').Select(line => Safe(line.TrimEnd('\r'))));

    /// <summary>Service text as a Spectre renderable: never read as markup (<c>[red]</c> in a job name stays text).</summary>
    public static Text Text(string? text, Style? style = null) => new(Safe(text), style);

    /// <summary>Green for success, red for failure, yellow for canceled, blue while running, grey otherwise.</summary>
    public static Style StatusStyle(string? status)
    {
        if (TrainingJobStatus.IsSuccessful(status))
        {
            return new Style(Color.Green);
        }

        return status?.ToUpperInvariant() switch
        {
            "FAILED" or "NOTRESPONDING" => new Style(Color.Red),
            "CANCELED" or "CANCELLED" or "CANCELREQUESTED" => new Style(Color.Yellow),
            "RUNNING" or "FINALIZING" => new Style(Color.Blue),
            _ => new Style(Color.Grey),
        };
    }

    public static Text Status(string? status) => Text(status ?? "unknown", StatusStyle(status));

    public static string Time(DateTimeOffset? time) => time is DateTimeOffset t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    /// <summary>Up to six decimals; very small values (a learning rate of 2e-7) in exponent form rather than as 0.</summary>
    public static string Number(double? value) => value switch
    {
        null => "-",
        double v when v != 0 && Math.Abs(v) < 1e-4 => v.ToString("0.###e+0", CultureInfo.InvariantCulture),
        double v => v.ToString("0.######", CultureInfo.InvariantCulture),
    };

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "-",
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.##} GiB"),
    };
}
