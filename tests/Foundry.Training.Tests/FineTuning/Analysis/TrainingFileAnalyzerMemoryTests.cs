using System.Text;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.FineTuning.Analysis;

/// <summary>The analyzer streams: memory stays bounded by its limits, never by the size of the file or its number of examples.</summary>
[Collection(nameof(MemoryMeasurementCollection))]
public sealed class TrainingFileAnalyzerMemoryTests
{
    [Fact]
    public void A128MegabyteStreamIsAnalyzedInBoundedMemory()
    {
        // 500 different examples (so the histograms have 500 counts), repeated to 128 MiB without holding the file.
        byte[][] variants = Enumerable.Range(0, 500)
            .Select(i => Encoding.UTF8.GetBytes($$"""{"messages":[{"role":"user","content":"{{new string('q', i + 1)}}"},{"role":"assistant","content":"{{new string('a', 1 + (i % 7))}}"}]}""" + "\n"))
            .ToArray();
        using var content = new RepeatedLinesStream(variants, 128L * 1024 * 1024);
        var analyzer = new TrainingFileAnalyzer(new CharacterCounter(record: false), new TrainingFileAnalysisOptions { MaxTokensPerExample = 300, MaxListedExamples = 1000 });
        TrainingFileAnalysis analysis = null!;
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        analysis = analyzer.Analyze(content);

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        allocated.Should().BeLessThan(4L * 1024 * 1024, "an example allocates nothing unless a list keeps it");
        heapGrowth.Should().BeLessThan(2L * 1024 * 1024);
        analysis.ExampleCount.Should().Be(content.LineCount);
        analysis.Examples.Should().HaveCount(1000);
        analysis.ExamplesOverLimitCount.Should().BeGreaterThan(100_000);
        analysis.ExamplesOverLimit.Should().HaveCount(1000);
        analysis.TokenDistribution!.Count.Should().Be(content.LineCount);
        analysis.Validation.IsValid.Should().BeTrue();
    }

    /// <summary>The given lines, in turn, until about <paramref name="size"/> bytes; generated as read.</summary>
    private sealed class RepeatedLinesStream(byte[][] lines, long size) : Stream
    {
        private int _line;
        private int _offset;
        private long _read;

        public long LineCount { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count && (_read < size || _offset > 0))
            {
                byte[] line = lines[_line];
                int take = Math.Min(count - written, line.Length - _offset);
                Buffer.BlockCopy(line, _offset, buffer, offset + written, take);
                written += take;
                _offset += take;
                _read += take;
                if (_offset == line.Length)
                {
                    _offset = 0;
                    _line = (_line + 1) % lines.Length;
                    LineCount++;
                }
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
