using System;
using System.Globalization;

namespace Foundry.Training.Testing;

/// <summary>The SAS queries the emulator's stand-ins for blob storage hand out.</summary>
internal static class SharedAccessSignature
{
    /// <summary>
    /// <c>?sv=&amp;sr=&amp;sp=&amp;se=&amp;sig=</c>, expiring at <paramref name="expiresOn"/>: <paramref name="sign"/> is given
    /// <c>se</c> as the query carries it (UTC, to the second), for the SAS whose signature covers it.
    /// </summary>
    public static string Query(string version, string resourceType, string permissions, DateTimeOffset expiresOn, Func<string, string> sign)
    {
        string se = expiresOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return "?sv=" + version + "&sr=" + resourceType + "&sp=" + permissions + "&se=" + Uri.EscapeDataString(se) + "&sig=" + Uri.EscapeDataString(sign(se));
    }
}
