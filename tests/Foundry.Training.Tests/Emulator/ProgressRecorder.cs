namespace Foundry.Training.Tests.Emulator;

/// <summary>Records progress reports as they happen (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
internal sealed class ProgressRecorder : IProgress<long>
{
    private readonly List<long> _reports = new();

    public IReadOnlyList<long> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToArray();
            }
        }
    }

    public void Report(long value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}
