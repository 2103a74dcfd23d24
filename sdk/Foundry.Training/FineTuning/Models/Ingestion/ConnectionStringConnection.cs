using System.Text.Json.Serialization;

namespace Foundry.Training.FineTuning;

/// <summary>A resource reached with a connection string (<c>kind</c> <c>ConnectionString</c>).</summary>
public sealed class ConnectionStringConnection : IngestionConnection
{
    /// <summary>The connection string: usually a secret, never logged by the SDK. Required by the service.</summary>
    [JsonPropertyName("connectionString")]
    public string? ConnectionString { get; set; }

    private protected override string KindValue => "ConnectionString";
}
