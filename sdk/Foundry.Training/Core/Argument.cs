using System;
using System.Collections.Generic;

namespace Foundry.Training;

/// <summary>Argument checks that name the offending parameter.</summary>
internal static class Argument
{
    public static void AssertNotNull<T>(T value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }

    public static void AssertNotNullOrEmpty(string? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        if (value.Length == 0)
        {
            throw new ArgumentException("Value cannot be an empty string.", name);
        }
    }

    public static void AssertNotNullOrWhiteSpace(string? value, string name)
    {
        AssertNotNullOrEmpty(value, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Value cannot be whitespace.", name);
        }
    }

    /// <summary>
    /// Refuses a value that travels in an HTTP header (a key, a token, an organization or project id) with a character
    /// outside printable ASCII: .NET sends a line break as it is, ending the header (a key read from a file with its
    /// trailing newline) or starting another, and refuses other non-ASCII text only when sending, as a transport
    /// failure that is retried. The message gives the position, never the value: it may be a secret.
    /// </summary>
    public static void AssertHeaderValue(string value, string name)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException(
                    string.Format(
                        System.Globalization.CultureInfo.InvariantCulture,
                        char.IsControl(c)
                            ? "The value is sent in an HTTP header and cannot contain a control character such as a line break (one is at index {0})."
                            : "The value is sent in an HTTP header and cannot contain a character outside printable ASCII (one is at index {0}).",
                        i),
                    name);
            }
        }
    }

    public static void AssertNotNullOrEmpty<T>(ICollection<T>? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        if (value.Count == 0)
        {
            throw new ArgumentException("Value cannot be an empty collection.", name);
        }
    }

    public static void AssertInRange(int value, int minimum, int maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Value must be between {minimum} and {maximum}.");
        }
    }

    public static void AssertInRange(long value, long minimum, long maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Value must be between {minimum} and {maximum}.");
        }
    }

    public static void AssertPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "Value must be a positive duration.");
        }
    }
}
