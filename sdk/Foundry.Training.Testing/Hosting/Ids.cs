using System;
using System.Security.Cryptography;

namespace Foundry.Training.Testing;

/// <summary>Random identifiers in the services' formats: hexadecimal (Azure OpenAI) or alphanumeric (OpenAI).</summary>
internal static class Ids
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Hex(string prefix) => prefix + Guid.NewGuid().ToString("N");

    public static string Alnum(string prefix, int length)
    {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = Alphanumeric[RandomNumberGenerator.GetInt32(Alphanumeric.Length)];
        }

        return prefix + new string(chars);
    }
}
