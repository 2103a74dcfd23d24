using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>The source-generated JSON contexts and polymorphic families of every area of the SDK.</summary>
internal static class ModelContexts
{
    public static IJsonTypeInfoResolver[] All { get; } =
    {
        CoreJsonContext.Default,
        Jobs.JobsJsonContext.Default,
        FineTuning.FineTuningJsonContext.Default,
        Datasets.DatasetsJsonContext.Default,
    };

    public static IPolymorphicFamily[] Families { get; } =
    {
        new PolymorphicFamily<Jobs.JobProperties, Jobs.UnknownJobProperties>(),
        new PolymorphicFamily<Jobs.TrainingConfiguration, Jobs.UnknownTrainingConfiguration>(),
        new PolymorphicFamily<Jobs.TrainingRewardConfiguration, Jobs.UnknownTrainingRewardConfiguration>(),
        new PolymorphicFamily<Jobs.DistributionConfiguration, Jobs.UnknownDistributionConfiguration>(),
        new PolymorphicFamily<Jobs.NodeCollection, Jobs.UnknownNodeCollection>(),
        new PolymorphicFamily<Datasets.DatasetVersion, Datasets.UnknownDatasetVersion>(),
        new PolymorphicFamily<FineTuning.IngestionJob, FineTuning.UnknownIngestionJob>(),
        new PolymorphicFamily<FineTuning.IngestionJobCompute, FineTuning.UnknownIngestionJobCompute>(),
        new PolymorphicFamily<FineTuning.IngestionTargetIndex, FineTuning.UnknownIngestionTargetIndex>(),
        new PolymorphicFamily<FineTuning.UserComputeDatasource, FineTuning.UnknownUserComputeDatasource>(),
        new PolymorphicFamily<FineTuning.SystemComputeDatasource, FineTuning.UnknownSystemComputeDatasource>(),
        new PolymorphicFamily<FineTuning.IngestionConnection, FineTuning.UnknownIngestionConnection>(),
        new PolymorphicFamily<FineTuning.FineTuningGrader, FineTuning.UnknownFineTuningGrader>(),
        new PolymorphicFamily<FineTuning.FineTuningWebhookEvent, FineTuning.UnknownFineTuningWebhookEvent>(),
    };
}
