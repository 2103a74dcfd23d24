using Azure;
using Polly;

namespace Foundry.Training;

/// <summary>Client options that can carry a user's Polly pipeline; <see cref="ServicePipeline.Build"/> reads it.</summary>
internal interface IResilienceOptions
{
    /// <summary>The user's strategies applied to each call, or null for none.</summary>
    ResiliencePipeline<Response>? ResiliencePipeline { get; }
}
