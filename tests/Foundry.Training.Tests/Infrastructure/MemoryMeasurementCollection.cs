namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// Tests that measure the process's heap (forced collections, heap growth) run alone: other tests running alongside
/// would allocate into the same heap and make the measurement depend on scheduling.
/// </summary>
[CollectionDefinition(nameof(MemoryMeasurementCollection), DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
}
