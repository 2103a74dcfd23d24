using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs.Models;

public class DistributionTests
{
    [Fact]
    public void PyTorch_RoundTrips() =>
        JobsJson.RoundTrip<DistributionConfiguration>("""{"distribution_type":"pytorch","process_count_per_instance":8}""")
            .Should().BeOfType<PyTorchDistribution>().Which.ProcessCountPerInstance.Should().Be(8);

    [Fact]
    public void Mpi_RoundTrips()
    {
        var mpi = JobsJson.RoundTrip<DistributionConfiguration>("""{"process_count_per_node":2,"distribution_type":"mpi"}""").Should().BeOfType<MpiDistribution>().Subject;
        mpi.ProcessCountPerNode.Should().Be(2);
        mpi.DistributionType.Should().Be("mpi");
    }

    [Fact]
    public void TensorFlow_RoundTrips()
    {
        var tf = JobsJson.RoundTrip<DistributionConfiguration>("""{"distribution_type":"tensorflow","worker_count":4,"parameter_server_count":1}""")
            .Should().BeOfType<TensorFlowDistribution>().Subject;
        tf.WorkerCount.Should().Be(4);
        tf.ParameterServerCount.Should().Be(1);
    }

    [Fact]
    public void Ray_RoundTrips()
    {
        const string json = """
            {"distribution_type":"ray","port":6379,"address":"10.0.0.4","include_dashboard":true,"dashboard_port":8265,
             "head_node_additional_args":"--num-cpus=4","worker_node_additional_args":"--num-gpus=1",
             "enable_remote_access_client_server":true,"client_server_port":10001}
            """;
        var ray = JobsJson.RoundTrip<DistributionConfiguration>(json).Should().BeOfType<RayDistribution>().Subject;
        ray.Port.Should().Be(6379);
        ray.Address.Should().Be("10.0.0.4");
        ray.IncludeDashboard.Should().BeTrue();
        ray.DashboardPort.Should().Be(8265);
        ray.HeadNodeAdditionalArgs.Should().Be("--num-cpus=4");
        ray.WorkerNodeAdditionalArgs.Should().Be("--num-gpus=1");
        ray.EnableRemoteAccessClientServer.Should().BeTrue();
        ray.ClientServerPort.Should().Be(10001);
    }

    [Theory]
    [InlineData("""{"distribution_type":"deepspeed","stage":3}""", "deepspeed")]
    [InlineData("""{"stage":3,"distribution_type":"deepspeed"}""", "deepspeed")]
    [InlineData("""{"distributionType":"PyTorch","processCountPerInstance":4}""", null)]
    public void UnknownType_RoundTrips(string json, string? type) =>
        JobsJson.RoundTrip<DistributionConfiguration>(json).Should().BeOfType<UnknownDistributionConfiguration>().Which.DistributionType.Should().Be(type);

    [Fact]
    public void UnknownType_InsideACommandJob_RoundTrips() =>
        ((CommandJob)JobsJson.RoundTrip<JobProperties>("""{"job_type":"command","compute_id":"c","distribution":{"distribution_type":"jax","coordinator":"h:1"}}"""))
            .Distribution.Should().BeOfType<UnknownDistributionConfiguration>();

    [Fact]
    public void AllNodes_RoundTrips() =>
        JobsJson.RoundTrip<NodeCollection>("""{"nodes_value_type":"all"}""").Should().BeOfType<AllNodes>();

    [Fact]
    public void UserBuiltDistribution_WritesDiscriminator() =>
        JobsJson.Write(new RayDistribution { Port = 1 }).Should().Be("""{"distribution_type":"ray","port":1}""");
}
