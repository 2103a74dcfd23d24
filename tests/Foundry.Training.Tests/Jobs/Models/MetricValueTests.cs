using System.Text.Json.Nodes;
using Foundry.Training.Jobs;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.Jobs.Models;

/// <summary>
/// Typed metric values: read from the columns the service sent, which stay as they were (the round trip is exact and
/// the typed properties are never written).
/// </summary>
public class MetricValueTests
{
    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData("3", 3.0)]
    [InlineData("-1.5e-3", -0.0015)]
    [InlineData("\"0.5\"", 0.5)]
    [InlineData("\" 2 \"", 2.0)]
    [InlineData("\"NaN\"", double.NaN)]
    [InlineData("\"Infinity\"", double.PositiveInfinity)]
    [InlineData("\"-Infinity\"", double.NegativeInfinity)]
    public void Point_Value_ReadsNumbersAndNumericStrings(string value, double expected)
    {
        JobMetricPoint point = JobsJson.RoundTrip<JobMetricPoint>("""{"step":1,"data":{"value":""" + value + "}}");

        point.Value.Should().Be(expected);
        point.GetNumber("value").Should().Be(expected);
    }

    [Theory]
    [InlineData("""{"step":1}""")]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"data":{"value":null}}""")]
    [InlineData("""{"data":{"value":true}}""")]
    [InlineData("""{"data":{"value":"high"}}""")]
    [InlineData("""{"data":{"value":""}}""")]
    [InlineData("""{"data":{"value":[1]}}""")]
    [InlineData("""{"data":{"value":{"mean":1}}}""")]
    [InlineData("""{"data":{"Value":1}}""")]
    public void Point_Value_IsNull_WhenThereIsNoNumber(string json)
    {
        JobMetricPoint point = JobsJson.RoundTrip<JobMetricPoint>(json);

        point.Value.Should().BeNull();
    }

    [Fact]
    public void Point_TypedValues_AreNotWritten_AndOtherColumnsStay()
    {
        const string Json = """{"metric_id":"m","step":4,"created_at":1767225600,"data":{"value":"NaN","accuracy":0.9,"label":"x"}}""";

        JobMetricPoint point = JobsJson.RoundTrip<JobMetricPoint>(Json);

        point.Value.Should().Be(double.NaN);
        point.GetNumber("accuracy").Should().Be(0.9);
        point.GetNumber("label").Should().BeNull();
        point.GetNumber("missing").Should().BeNull();
        JsonNode.Parse(JobsJson.Write(point))!["data"]!["value"]!.GetValue<string>().Should().Be("NaN", "the column keeps what the service sent");
        FluentActions.Invoking(() => point.GetNumber(null!)).Should().Throw<ArgumentNullException>().WithParameterName("column");
        FluentActions.Invoking(() => TrainingModelFactory.JobMetricAggregate().GetNumber(null!)).Should().Throw<ArgumentNullException>().WithParameterName("name");
    }

    [Fact]
    public void LastValue_ForwardsTheLatestPoint()
    {
        JobMetricLastValue last = JobsJson.RoundTrip<JobMetricLastValue>("""{"name":"train/loss","value":{"step":200,"created_at":1767225600,"data":{"value":0.42}}}""");

        last.Value.Should().Be(0.42);
        last.Step.Should().Be(200);
        last.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        last.Point!.Data!["value"]!.GetValue<double>().Should().Be(0.42);
    }

    [Fact]
    public void Aggregate_TypedValues()
    {
        JobMetricAggregate aggregate = JobsJson.RoundTrip<JobMetricAggregate>(
            """{"name":"loss","values":{"min":0.1,"max":"Infinity","mean":0.5,"count":12,"p99":null,"note":"x"}}""");

        aggregate.Min.Should().Be(0.1);
        aggregate.Max.Should().Be(double.PositiveInfinity);
        aggregate.Mean.Should().Be(0.5);
        aggregate.GetNumber("count").Should().Be(12);
        aggregate.GetNumber("p99").Should().BeNull();
        aggregate.GetNumber("note").Should().BeNull();
        JobsJson.RoundTrip<JobMetricAggregate>("""{"name":"loss"}""").Mean.Should().BeNull();
    }

    [Fact]
    public void Sample_PointsCarryTypedValues()
    {
        JobMetricSample sample = JobsJson.RoundTrip<JobMetricSample>("""{"name":"loss","points":[{"step":1,"data":{"value":3}},{"step":2,"data":{"value":2.5}},{"step":3}]}""");

        sample.Points.Select(p => p.Value).Should().Equal(3.0, 2.5, null);
        sample.Points.Select(p => p.Step).Should().Equal(1L, 2L, 3L);
    }

    [Fact]
    public void ModelFactory_SetsTypedValues_AndValuesBuiltInCodeReadAsNumbers()
    {
        JobMetricPoint point = TrainingModelFactory.JobMetricPoint(step: 7, value: 0.5);
        point.Value.Should().Be(0.5);
        JsonAssert.Equivalent("""{"step":7,"data":{"value":0.5}}""", JobsJson.Write(point));

        // An int (or decimal) node built in code reads as a number too.
        TrainingModelFactory.JobMetricPoint(data: new Dictionary<string, JsonNode?> { ["value"] = 3, ["d"] = 1.25m }).Value.Should().Be(3);
        TrainingModelFactory.JobMetricPoint(data: new Dictionary<string, JsonNode?> { ["d"] = 1.25m }).GetNumber("d").Should().Be(1.25);

        // The value parameter sets the column without dropping the others; no value leaves data as given.
        JobMetricPoint merged = TrainingModelFactory.JobMetricPoint(data: new Dictionary<string, JsonNode?> { ["value"] = 1, ["acc"] = 0.9 }, value: 2);
        JsonAssert.Equivalent("""{"data":{"value":2,"acc":0.9}}""", JobsJson.Write(merged));
        TrainingModelFactory.JobMetricPoint().Data.Should().BeNull();

        JobMetricAggregate aggregate = TrainingModelFactory.JobMetricAggregate("loss", min: 0.1, max: 0.9, mean: 0.4);
        (aggregate.Min, aggregate.Max, aggregate.Mean).Should().Be((0.1, 0.9, 0.4));
        JsonAssert.Equivalent("""{"name":"loss","values":{"min":0.1,"max":0.9,"mean":0.4}}""", JobsJson.Write(aggregate));
        TrainingModelFactory.JobMetricAggregate("loss").Values.Should().BeNull();

        JobMetricLastValue last = TrainingModelFactory.JobMetricLastValue("loss", point);
        (last.Value, last.Step).Should().Be((0.5, 7L));
    }
}
