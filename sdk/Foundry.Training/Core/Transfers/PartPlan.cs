using System;
using System.Collections.Generic;

namespace Foundry.Training;

/// <summary>
/// A file cut into parts of a fixed size for a parallel transfer (ranged downloads now, block uploads alike): part
/// <c>i</c> covers bytes <c>[i * partSize, min((i + 1) * partSize, length))</c>.
/// </summary>
internal readonly struct PartPlan
{
    public PartPlan(long length, long partSize)
    {
        if (length < 0 || partSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        Length = length;
        PartSize = partSize;
    }

    public long Length { get; }

    public long PartSize { get; }

    public int Count => (int)((Length + PartSize - 1) / PartSize);

    public long StartOf(int part) => part * PartSize;

    public long LengthOf(int part) => Math.Min(PartSize, Length - StartOf(part));

    public IEnumerable<int> Parts(int first = 0)
    {
        for (int i = first; i < Count; i++)
        {
            yield return i;
        }
    }
}
