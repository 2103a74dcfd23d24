using Foundry.Training.Jobs;
using static Foundry.Training.Tests.Hostile.HostileService;

namespace Foundry.Training.Tests.Hostile;

/// <summary>
/// <c>GetLogs</c> over a listing with items the service sent without a path (<c>null</c> or missing): they name no log
/// file and are skipped, never a <see cref="NullReferenceException"/>, in both twins.
/// </summary>
public sealed class LogListingServiceDataTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetLogs_SkipsAnItemWithoutAPath(bool async)
    {
        var service = new HostileService();
        service.Answer((_, path) => Json(200, path.EndsWith("/attempts/a1/artifacts", StringComparison.Ordinal)
            ? """{"data":[{"path":null,"type":"file"},{"type":"file"},{"path":"user_logs/std_log.txt","type":"file","size":3}],"has_more":false}"""
            : """{"data":[],"has_more":false}"""));

        IReadOnlyList<TrainingLogFile> files = async
            ? await service.Jobs.GetLogsAsync("job", "a1")
            : service.Jobs.GetLogs("job", "a1");

        files.Should().ContainSingle().Which.Path.Should().Be("user_logs/std_log.txt");
    }
}
