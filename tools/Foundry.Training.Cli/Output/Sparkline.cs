using System.Text;

namespace Foundry.Training.Cli.Output;

/// <summary>A series as a line of block characters (▁ lowest to █ highest), for the loss in <c>jobs watch</c>.</summary>
internal static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>The last <paramref name="width"/> values, scaled between their own minimum and maximum.</summary>
    public static string Render(IReadOnlyList<double> values, int width)
    {
        if (values.Count == 0 || width <= 0)
        {
            return string.Empty;
        }

        int start = Math.Max(0, values.Count - width);
        double min = double.MaxValue;
        double max = double.MinValue;
        for (int i = start; i < values.Count; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        var line = new StringBuilder(values.Count - start);
        for (int i = start; i < values.Count; i++)
        {
            int level = max > min ? (int)Math.Round((values[i] - min) / (max - min) * (Blocks.Length - 1)) : Blocks.Length / 2;
            line.Append(Blocks[level]);
        }

        return line.ToString();
    }
}
