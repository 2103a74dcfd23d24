using System.Text;
using Foundry.Training.FineTuning;
using Foundry.Training.Tests.Infrastructure;

namespace Foundry.Training.Tests.FineTuning.Validation;

/// <summary>The validator streams: memory stays bounded by its limits, never by the size of the file or of a line.</summary>
[Collection(nameof(MemoryMeasurementCollection))]
public sealed class TrainingFileValidatorMemoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "foundry-training-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(_path);

    /// <summary>Bytes allocated by <paramref name="action"/> on this thread (the validation runs synchronously on it).</summary>
    private static long AllocatedBy(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void A200MegabyteFileValidatesWithConstantMemory()
    {
        byte[] line = Encoding.UTF8.GetBytes(TrainingFileValidatorTests.Chat + "\n");
        const long targetSize = 200L * 1024 * 1024;
        long lines = targetSize / line.Length;
        const long emptyLine = 400_000;
        using (var file = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (long i = 1; i <= lines; i++)
            {
                if (i == emptyLine)
                {
                    file.WriteByte((byte)'\n');
                }
                else
                {
                    file.Write(line, 0, line.Length);
                }
            }

            file.Write(Encoding.UTF8.GetBytes("""{"messages":[{"role":"user","content":"no answer"}]}"""));
        }

        long fileSize = new FileInfo(_path).Length;
        fileSize.Should().BeGreaterThan(190L * 1024 * 1024);
        var validator = new TrainingFileValidator();
        TrainingFileValidationResult result = null!;
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        long allocated = AllocatedBy(() => result = validator.Validate(_path));

        long heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        allocated.Should().BeLessThan(2L * 1024 * 1024, "a valid line allocates nothing; only the read buffer and the result are allocated");
        heapGrowth.Should().BeLessThan(1L * 1024 * 1024);
        result.LineCount.Should().Be(lines + 1);
        result.ExampleCount.Should().Be(lines);
        result.ValidExampleCount.Should().Be(lines - 1);
        result.Problems.Select(p => (p.LineNumber, p.Kind)).Should().Equal(
            (emptyLine, TrainingFileProblemKind.EmptyLine),
            (lines + 1, TrainingFileProblemKind.NoAssistantMessage));
    }

    [Fact]
    public async Task A50MegabyteLineIsReportedWithoutBeingHeld()
    {
        const int contentLength = 50 * 1024 * 1024;
        using (var file = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            file.Write(Encoding.UTF8.GetBytes(TrainingFileValidatorTests.Chat + "\n"));
            file.Write(Encoding.UTF8.GetBytes("""{"messages":[{"role":"user","content":" """));
            byte[] block = Encoding.UTF8.GetBytes(new string('x', 1024 * 1024));
            for (int i = 0; i < contentLength / block.Length; i++)
            {
                file.Write(block, 0, block.Length);
            }

            file.Write(Encoding.UTF8.GetBytes("\"},{\"role\":\"assistant\",\"content\":\"a\"}]}\n"));
            file.Write(Encoding.UTF8.GetBytes("[]\n"));
        }

        long longLineLength = new FileInfo(_path).Length - Encoding.UTF8.GetByteCount(TrainingFileValidatorTests.Chat + "\n") - "\n[]\n".Length;
        const int limit = 1024 * 1024;
        var validator = new TrainingFileValidator(new TrainingFileValidationOptions { MaxLineBytes = limit });
        TrainingFileValidationResult result = null!;

        long allocated = AllocatedBy(() => result = validator.Validate(_path));

        allocated.Should().BeLessThan(4L * limit, "at most the line limit is buffered, however long the line");
        result.Problems.Select(p => (p.LineNumber, p.Kind)).Should().Equal(
            (2L, TrainingFileProblemKind.LineTooLong),
            (3L, TrainingFileProblemKind.NotAnObject));
        result.Problems[0].Message.Should().Contain(longLineLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        result.ValidExampleCount.Should().Be(1);

        // The same through the async path and with the default limit, which the line also exceeds.
        TrainingFileValidationResult byDefault = await new TrainingFileValidator().ValidateAsync(_path);
        byDefault.Problems.Select(p => (p.LineNumber, p.Kind)).Should().Equal(
            (2L, TrainingFileProblemKind.LineTooLong),
            (3L, TrainingFileProblemKind.NotAnObject));
    }

    [Fact]
    public void AFileOfOnlyBrokenLinesKeepsAtMostMaxProblems()
    {
        byte[] broken = Encoding.UTF8.GetBytes("{\"messages\":\n");
        using (var file = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (int i = 0; i < 20_000; i++)
            {
                file.Write(broken, 0, broken.Length);
            }
        }

        TrainingFileValidationResult result = new TrainingFileValidator(new TrainingFileValidationOptions { MaxProblems = 50 }).Validate(_path);

        result.ProblemCount.Should().Be(20_000);
        result.Problems.Should().HaveCount(50);
        result.Problems.Should().OnlyContain(p => p.Kind == TrainingFileProblemKind.InvalidJson);
        result.IsComplete.Should().BeTrue();
    }
}
