using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foundry.Training.Jobs;

/// <summary>Ray distribution configuration (<c>distribution_type</c> <c>ray</c>).</summary>
public sealed class RayDistribution : DistributionConfiguration, IJsonModel<RayDistribution>
{
    /// <summary>The port of the head Ray process.</summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }

    /// <summary>The address of the Ray head node.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; set; }

    /// <summary>Whether to start the Ray dashboard GUI.</summary>
    [JsonPropertyName("include_dashboard")]
    public bool? IncludeDashboard { get; set; }

    /// <summary>The port to bind the dashboard server to.</summary>
    [JsonPropertyName("dashboard_port")]
    public int? DashboardPort { get; set; }

    /// <summary>Additional arguments passed to <c>ray start</c> on the head node.</summary>
    [JsonPropertyName("head_node_additional_args")]
    public string? HeadNodeAdditionalArgs { get; set; }

    /// <summary>Additional arguments passed to <c>ray start</c> on worker nodes.</summary>
    [JsonPropertyName("worker_node_additional_args")]
    public string? WorkerNodeAdditionalArgs { get; set; }

    /// <summary>
    /// Whether to expose the Ray Client server port for remote <c>ray.init()</c> connections. When false or omitted,
    /// the Ray Client port is not accessible externally.
    /// </summary>
    [JsonPropertyName("enable_remote_access_client_server")]
    public bool? EnableRemoteAccessClientServer { get; set; }

    /// <summary>
    /// The port for the Ray Client server; the service default is 10001. Only relevant when
    /// <see cref="EnableRemoteAccessClientServer"/> is true.
    /// </summary>
    [JsonPropertyName("client_server_port")]
    public int? ClientServerPort { get; set; }

    private protected override string DistributionTypeValue => "ray";

    void IJsonModel<RayDistribution>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) => JsonModelBridge.Write(this, writer, options);

    RayDistribution? IJsonModel<RayDistribution>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options) => JsonModelBridge.Read<RayDistribution>(ref reader, options);

    BinaryData IPersistableModel<RayDistribution>.Write(ModelReaderWriterOptions options) => JsonModelBridge.Write(this, options);

    RayDistribution? IPersistableModel<RayDistribution>.Create(BinaryData data, ModelReaderWriterOptions options) => JsonModelBridge.Read<RayDistribution>(data, options);

    string IPersistableModel<RayDistribution>.GetFormatFromOptions(ModelReaderWriterOptions options) => JsonModelBridge.Format;
}
