using Azure;
using Foundry.Training.Cli.Hosting;
using Foundry.Training.Cli.Output;

namespace Foundry.Training.Cli.Tests;

/// <summary>What the tool prints: safe text, sparklines, one-line errors.</summary>
public sealed class OutputTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a\u001b[2Jb", "a\uFFFD[2Jb")]
    [InlineData("line\nbreak\r", "line\uFFFDbreak\uFFFD")]
    [InlineData("abc\u202Egnp.exe", "abc\uFFFDgnp.exe")]
    [InlineData("\u2067isolate\u2069", "\uFFFDisolate\uFFFD")]
    [InlineData(null, "")]
    public void Safe_ReplacesControlAndBidiCharacters(string? text, string expected) => Display.Safe(text).Should().Be(expected);

    [Fact]
    public void Sparkline_ScalesBetweenMinAndMax_AndKeepsTheLatest()
    {
        Sparkline.Render([4, 3, 2, 1], 10).Should().Be("█▆▃▁");
        Sparkline.Render([1, 1, 1], 10).Should().Be("▅▅▅");
        Sparkline.Render([9, 1, 2, 3], 3).Should().Be("▁▅█", "only the last three, scaled among themselves");
        Sparkline.Render([], 10).Should().BeEmpty();
    }

    [Theory]
    [InlineData(1.1439021, "1.143902")]
    [InlineData(0.0, "0")]
    [InlineData(2e-7, "2e-7")]
    [InlineData(-0.00003, "-3e-5")]
    [InlineData(null, "-")]
    public void Number_KeepsSmallValuesVisible(double? value, string expected) => Display.Number(value).Should().Be(expected);

    [Fact]
    public void ErrorLine_IsTheFirstLineWithStatusCodeAndRequestId()
    {
        var exception = new RequestFailedException(429, "Too many requests.\nStatus: 429 (Too Many Requests)\nErrorCode: TooManyRequests\n\nHeaders:\n...", "TooManyRequests", null);
        exception.Data["RequestId"] = "req-123";

        ErrorLine.For(exception).Should().Be("error: Too many requests. (status 429, code TooManyRequests, request id req-123)");
        ErrorLine.For(new RequestFailedException("Connection refused (127.0.0.1:1)")).Should().Be("error: Connection refused (127.0.0.1:1)");
    }
}
