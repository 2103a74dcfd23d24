using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Foundry.Training.Cli.Hosting;

/// <summary>
/// Parsers for numeric options that check their range while parsing: a wrong value is a parse error (exit code 2), and
/// a validator never has to read a value that could not be parsed.
/// </summary>
internal static class OptionValues
{
    /// <summary>An integer of at least <paramref name="minimum"/>.</summary>
    public static Option<int?> Integer(string name, int minimum, string description, string helpName = "n") => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => int.TryParse(Token(result), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum
            ? value
            : Error<int?>(result, $"{name} must be a whole number of at least {minimum}."),
    };

    /// <summary>A finite number within [<paramref name="minimum"/>, <paramref name="maximum"/>], excluding the minimum when asked.</summary>
    public static Option<double?> Number(string name, double minimum, double maximum, bool exclusiveMinimum, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => double.TryParse(Token(result), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value) && (exclusiveMinimum ? value > minimum : value >= minimum) && value <= maximum
            ? value
            : Error<double?>(result, $"{name} must be a number {(exclusiveMinimum ? "more than" : "at least")} {minimum.ToString(CultureInfo.InvariantCulture)} and at most {maximum.ToString(CultureInfo.InvariantCulture)}."),
    };

    /// <summary>A decimal amount of at least zero.</summary>
    public static Option<decimal?> Amount(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "amount",
        CustomParser = result => decimal.TryParse(Token(result), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value) && value >= 0
            ? value
            : Error<decimal?>(result, $"{name} must be a number of at least 0."),
    };

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;

    private static T? Error<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
