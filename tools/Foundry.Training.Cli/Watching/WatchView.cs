using System.Globalization;
using Foundry.Training.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Foundry.Training.Cli.Watching;

/// <summary>How <c>jobs watch</c> shows a <see cref="WatchState"/>: a live panel at a terminal, one line per update elsewhere.</summary>
internal static class WatchView
{
    private const int SparklineWidth = 60;
    private const int ShownMetrics = 12;

    /// <summary>The live panel: status, step, the loss sparkline, the latest value of each metric, recent events.</summary>
    public static IRenderable Panel(WatchState state, DateTimeOffset now)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        TimeSpan watching = now - state.Started;
        grid.AddRow(new Text("Status"), new Columns(Display.Status(state.Status), new Text($"(watching {watching:hh\\:mm\\:ss})", new Style(Color.Grey))) { Expand = false });
        grid.AddRow(new Text("Target"), Display.Text(state.Target));
        if (state.Step is long step)
        {
            string attempt = state.Attempt is null ? string.Empty : " (attempt " + state.Attempt + ")";
            grid.AddRow(new Text("Step"), Display.Text(step.ToString(CultureInfo.InvariantCulture) + attempt));
        }

        if (state.Loss.Count > 0)
        {
            string curve = Sparkline.Render(state.Loss, SparklineWidth);
            string summary = string.Create(CultureInfo.InvariantCulture, $"  {Display.Number(state.Loss[0])} → {Display.Number(state.Loss[^1])} (min {Display.Number(state.Loss.Min())})");
            grid.AddRow(new Text("Loss"), new Text(curve + summary, new Style(Color.Aqua)));
        }

        var rows = new List<IRenderable> { grid };
        if (state.Latest.Count > 0)
        {
            var metrics = new Table { Border = TableBorder.Simple };
            metrics.AddColumn("Metric").AddColumn(new TableColumn("Step").RightAligned()).AddColumn(new TableColumn("Value").RightAligned());
            foreach ((string name, (long? Step, double Value) point) in state.Latest.Take(ShownMetrics))
            {
                metrics.AddRow(Display.Text(name), new Text(point.Step?.ToString(CultureInfo.InvariantCulture) ?? "-"), new Text(Display.Number(point.Value)));
            }

            rows.Add(metrics);
        }

        foreach (string message in state.Messages)
        {
            rows.Add(Display.Text(message, new Style(Color.Grey)));
        }

        return new Panel(new Rows(rows)) { Header = new PanelHeader(Markup.Escape(Display.Safe(state.Job))), Border = BoxBorder.Rounded };
    }

    /// <summary>One line for a log (null when an update says nothing new to a reader: a metric without a value).</summary>
    public static string? Line(WatchUpdate update) => update switch
    {
        StatusUpdate status => $"status: {Display.Safe(status.Status ?? "unknown")}",
        MetricUpdate { Point.Value: double value } metric => string.Create(CultureInfo.InvariantCulture, $"step {metric.Point.Step?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {Display.Safe(metric.Metric)} {Display.Number(value)}"),
        EventUpdate jobEvent => $"{Display.Time(jobEvent.Event.CreatedAt)} {Display.Safe(jobEvent.Event.Level?.ToString() ?? "info")}: {Display.Safe(jobEvent.Event.Message)}",
        _ => null,
    };
}
