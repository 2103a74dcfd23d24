using System;

namespace Foundry.Training;

/// <summary>
/// How pollers compare a status the service sent with the value they wait for: ignoring case. Services spell the same
/// status differently (<c>Succeeded</c>, <c>SUCCEEDED</c>), and a poller that missed one would never stop. The open
/// enums themselves keep ordinal equality; only the decisions of when to stop use this.
/// </summary>
internal static class StatusText
{
    public static bool Is(string? status, string value) => string.Equals(status, value, StringComparison.OrdinalIgnoreCase);
}
