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
