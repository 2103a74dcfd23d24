using System;
using System.Security.Cryptography;

namespace Foundry.Training.Testing;

/// <summary>Webhook signing secrets as the OpenAI platform shows them: <c>whsec_</c> followed by the base64 key.</summary>
internal static class WebhookSecret
{
    private const string Prefix = "whsec_";
    private const int MinimumKeyBytes = 16;

    /// <summary>A fresh secret with a 32-byte key, as the platform issues them.</summary>
    public static string Create() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key of <paramref name="secret"/> (its prefix optional); an <see cref="ArgumentException"/> naming <paramref name="parameter"/> when it is not one.</summary>
    public static byte[] Decode(string secret, string parameter)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException("The webhook secret cannot be empty.", parameter);
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret.Substring(Prefix.Length) : secret);
        }
        catch (FormatException)
        {
            throw new ArgumentException("The webhook secret must be 'whsec_' followed by base64.", parameter);
        }

        return key.Length >= MinimumKeyBytes ? key : throw new ArgumentException($"The webhook secret's key must be at least {MinimumKeyBytes} bytes.", parameter);
    }
}
