using System.Text;
using Foundry.Training.Jobs;

namespace Foundry.Training.Tests.Jobs.Logs;

/// <summary>The splitter cuts the same lines whatever the sizes of the reads, and never holds more than its bound.</summary>
public sealed class LogLineSplitterTests
{
    private static List<SplitLine> Split(byte[] bytes, int readSize, int bound, bool flush = true)
    {
        var splitter = new LogLineSplitter(bound);
        var lines = new List<SplitLine>();
        for (int at = 0; at < bytes.Length; at += readSize)
        {
            splitter.Push(bytes, at, Math.Min(readSize, bytes.Length - at), lines);
        }

        if (flush && splitter.Flush() is SplitLine last)
        {
            lines.Add(last);
        }

        return lines;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public void EveryReadSize_GivesTheSameLines_WithMultiByteCharactersWhole(int readSize)
    {
        byte[] bytes = Encoding.UTF8.GetBytes("\uFEFFprem ière\r\n日本語\n\n𝄞 clef\ntail");

        List<SplitLine> lines = Split(bytes, readSize, bound: 1024);

        lines.Select(l => l.Text).Should().Equal("prem ière", "日本語", "", "𝄞 clef", "tail");
        lines.Select(l => l.Offset).Should().Equal(0L, 15L, 25L, 26L, 36L);
        lines.Zip(lines.Skip(1)).Should().OnlyContain(pair => pair.First.Next == pair.Second.Offset);
        lines[^1].Next.Should().Be(bytes.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    public void AnOverLongLine_IsCutAtTheBound_NeverInsideACharacter(int readSize)
    {
        string text = "ab€cd€ef€gh€";
        byte[] bytes = Encoding.UTF8.GetBytes(text + "\n");

        List<SplitLine> lines = Split(bytes, readSize, bound: 4);

        lines.Should().OnlyContain(l => Encoding.UTF8.GetByteCount(l.Text) <= 4 && !l.Text.Contains('\uFFFD'));
        string.Concat(lines.Select(l => l.Text)).Should().Be(text);
        lines.Take(lines.Count - 1).Should().OnlyContain(l => l.Cut);
        lines[^1].Cut.Should().BeFalse();
    }

    [Fact]
    public void ALineOfExactlyTheBound_IsOneLine()
    {
        List<SplitLine> lines = Split(Encoding.UTF8.GetBytes("abcd\nefgh"), 3, bound: 4);

        lines.Select(l => (l.Text, l.Cut)).Should().Equal(("abcd", false), ("efgh", false));
    }

    [Fact]
    public void APartialLine_IsHeldBack_UntilFlushed()
    {
        Split(Encoding.UTF8.GetBytes("whole\npart"), 4, bound: 1024, flush: false).Select(l => l.Text).Should().Equal("whole");
    }
}
