using System.Collections.Generic;
using System.Globalization;

namespace Foundry.Training;

/// <summary>Collects the problems of a model graph while its models validate themselves, and builds their JSON paths.</summary>
internal sealed class ValidationCollector
{
    public const string Root = "$";

    private readonly List<ValidationProblem> _problems = new();
    private readonly HashSet<object> _visiting = new();

    public void Add(string path, string message) => _problems.Add(new ValidationProblem(path, message));

    /// <summary>Reports a missing or blank required string.</summary>
    public void RequireText(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "Required; must not be empty.");
        }
    }

    /// <summary>Reports a missing required value; returns whether it is present.</summary>
    public bool Require<T>(T? value, string path)
        where T : class
    {
        if (value is null)
        {
            Add(path, "Required.");
            return false;
        }

        return true;
    }

    /// <summary>Marks <paramref name="model"/> as being validated; false when it already is (a cycle).</summary>
    public bool TryEnter(object model) => _visiting.Add(model);

    public void Exit(object model) => _visiting.Remove(model);

    public ModelValidationResult ToResult() => new(_problems);

    public static string Property(string path, string name) => path + "." + name;

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>A dictionary entry: <c>$.inputs.training_data</c>, or <c>$.inputs['my key']</c> when the key is not an identifier.</summary>
    public static string Key(string path, string key) =>
        IsIdentifier(key) ? path + "." + key : path + "['" + key.Replace("\\", "\\\\").Replace("'", "\\'") + "']";

    private static bool IsIdentifier(string key)
    {
        if (key.Length == 0 || !(char.IsLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (char c in key)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
