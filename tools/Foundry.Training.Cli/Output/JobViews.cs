using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Training.FineTuning;
using Foundry.Training.Jobs;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Foundry.Training.Cli.Output;

/// <summary>Jobs of both services as tables (<c>jobs list</c>) and detail grids (<c>jobs show</c>).</summary>
internal static class JobViews
{
    public static Table FoundryTable(IEnumerable<TrainingJob> jobs, string title)
    {
        Table table = NewTable(title, "Name", "Status", "Algorithm", "Model", "Compute", "Created");
        foreach (TrainingJob job in jobs)
        {
            var command = job.Properties as CommandJob;
            table.AddRow(Display.Text(job.Name), Display.Status(StatusOf(job)), Display.Text(command?.Training?.Algorithm?.ToString() ?? JobType(job)),
                Display.Text(command?.Training?.Model ?? "-"), Display.Text(command?.ComputeId ?? "-"), new Text(Display.Time(job.SystemData?.CreatedAt)));
        }

        return table;
    }

    public static Table FineTuningTable(IEnumerable<FineTuningJob> jobs, string title)
    {
        Table table = NewTable(title, "ID", "Status", "Model", "Fine-tuned model", "Created");
        foreach (FineTuningJob job in jobs)
        {
            table.AddRow(Display.Text(job.Id), Display.Status(job.Status?.ToString()), Display.Text(job.Model ?? "-"), Display.Text(job.FineTunedModel ?? "-"), new Text(Display.Time(job.CreatedAt)));
        }

        return table;
    }

    public static IRenderable FoundryDetails(TrainingJob job, JobAttempt? attempt, IReadOnlyList<JobMetricLastValue> metrics)
    {
        var command = job.Properties as CommandJob;
        Grid grid = NewGrid();
        Add(grid, "Name", job.Name);
        grid.AddRow(new Text("Status"), Display.Status(StatusOf(job)));
        Add(grid, "Display name", command?.DisplayName);
        Add(grid, "Job type", JobType(job));
        Add(grid, "Algorithm", command?.Training?.Algorithm?.ToString());
        Add(grid, "Model", command?.Training?.Model);
        Add(grid, "Dataset", command?.Training?.Dataset?.Train);
        Add(grid, "Compute", command?.ComputeId);
        Add(grid, "Command", command?.Command);
        if (command is not null && command.Tags.Count > 0)
        {
            Add(grid, "Tags", string.Join(", ", command.Tags.Select(t => $"{t.Key}={Scalar(t.Value)}")));
        }

        Add(grid, "Created", Display.Time(job.SystemData?.CreatedAt));
        Add(grid, "Created by", job.SystemData?.CreatedBy);
        if (attempt is not null)
        {
            Add(grid, "Attempt", $"{attempt.Id} ({attempt.Status?.ToString() ?? "unknown"}), started {Display.Time(attempt.StartedAt)}, ended {Display.Time(attempt.EndedAt)}");
            if (attempt.Error is { } error)
            {
                grid.AddRow(new Text("Error"), Display.Text($"{error.Code}: {error.Message}", new Style(Color.Red)));
            }
        }

        if (metrics.Count == 0)
        {
            return grid;
        }

        Table table = NewTable("Latest metrics", "Metric", "Step", "Value");
        foreach (JobMetricLastValue metric in metrics)
        {
            table.AddRow(Display.Text(metric.Name), new Text(metric.Step?.ToString(CultureInfo.InvariantCulture) ?? "-"), new Text(Display.Number(metric.Value)));
        }

        return new Rows(grid, table);
    }

    public static IRenderable FineTuningDetails(FineTuningJob job)
    {
        Grid grid = NewGrid();
        Add(grid, "ID", job.Id);
        grid.AddRow(new Text("Status"), Display.Status(job.Status?.ToString()));
        Add(grid, "Model", job.Model);
        Add(grid, "Fine-tuned model", job.FineTunedModel);
        Add(grid, "Method", job.Method?.Type?.ToString());
        Add(grid, "Suffix", job.Suffix);
        Add(grid, "Training file", job.TrainingFile);
        Add(grid, "Validation file", job.ValidationFile);
        Add(grid, "Trained tokens", job.TrainedTokens?.ToString("N0", CultureInfo.InvariantCulture));
        Add(grid, "Created", Display.Time(job.CreatedAt));
        Add(grid, "Finished", job.FinishedAt is null ? null : Display.Time(job.FinishedAt));
        if (job.ResultFiles is { Count: > 0 } results)
        {
            Add(grid, "Result files", string.Join(", ", results));
        }

        if (job.Error is { } error)
        {
            grid.AddRow(new Text("Error"), Display.Text($"{error.Code}: {error.Message}", new Style(Color.Red)));
        }

        return grid;
    }

    /// <summary>A Foundry job's status (only a <see cref="CommandJob"/> has one this SDK knows of).</summary>
    public static string? StatusOf(TrainingJob job) => job.Properties switch
    {
        CommandJob command => command.Status,
        { AdditionalProperties: var extra } when extra.TryGetValue("status", out JsonElement status) && status.ValueKind == JsonValueKind.String => status.GetString(),
        _ => null,
    };

    private static string JobType(TrainingJob job) => job.Properties.JobType?.ToString() ?? "unknown";

    private static Table NewTable(string title, params string[] columns)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape(Display.Safe(title))) };
        foreach (string column in columns)
        {
            table.AddColumn(new TableColumn(column));
        }

        return table;
    }

    private static Grid NewGrid() => new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();

    private static void Add(Grid grid, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), Display.Text(value));
        }
    }

    private static string Scalar(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : node?.ToJsonString() ?? "null";
}
