namespace Foundry.Training.Jobs;

/// <summary>The service runs on all of the nodes of the job (<c>nodes_value_type</c> <c>all</c>).</summary>
public sealed class AllNodes : NodeCollection
{
    private protected override string NodesValueTypeValue => "all";
}
