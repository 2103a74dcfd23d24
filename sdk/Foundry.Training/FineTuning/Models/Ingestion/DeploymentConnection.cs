namespace Foundry.Training.FineTuning;

/// <summary>
/// A deployment of the Azure OpenAI resource that runs the job (<c>kind</c> <c>RelativeConnection</c>), for example the
/// embedding deployment named by <see cref="ConnectionEmbeddingSettings.DeploymentName"/>.
/// </summary>
public sealed class DeploymentConnection : IngestionConnection
{
    private protected override string KindValue => "RelativeConnection";
}
