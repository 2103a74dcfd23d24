using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Training.Jobs;

/// <summary>Reads a metric column (any JSON value the service sent) as a number, without changing what was read.</summary>
internal static class MetricNumber
{
    /// <summary>
    /// The number in <paramref name="columns"/>[<paramref name="name"/>]: a JSON number, or a string holding one
    /// (<c>"0.25"</c>, <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, as Python loggers write non-finite values);
    /// null when the column is absent, null, or holds anything else.
    /// </summary>
    public static double? Read(IReadOnlyDictionary<string, JsonNode?>? columns, string name)
    {
        if (columns is null || !columns.TryGetValue(name, out JsonNode? node) || node is not JsonValue value)
        {
            return null;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                // A value built in code may hold an int, long or decimal, which TryGetValue<double> does not convert.
                return value.TryGetValue(out double number) ? number : Parse(value.ToJsonString());
            case JsonValueKind.String:
                return value.TryGetValue(out string? text) ? Parse(text) : null;
            default:
                return null;
        }
    }

    private static double? Parse(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number : null;
}
