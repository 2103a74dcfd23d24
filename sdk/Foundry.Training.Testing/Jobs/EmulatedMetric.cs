using System;
using System.Collections.Generic;

namespace Foundry.Training.Testing;

/// <summary>One scalar metric of an emulated attempt and the points it has logged so far.</summary>
internal sealed class EmulatedMetric
{
    public EmulatedMetric(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public List<(long Step, DateTimeOffset CreatedAt, double Value)> Points { get; } = new();
}
