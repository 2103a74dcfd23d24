using System;
using Azure.Core;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Classifies like the default (4xx and 5xx are errors) but never retries: for a request whose body cannot be sent
/// twice, such as an upload from a stream that cannot seek.
/// </summary>
internal sealed class NonRetriableClassifier : ResponseClassifier
{
    public static NonRetriableClassifier Instance { get; } = new();

    public override bool IsRetriableResponse(HttpMessage message) => false;

    public override bool IsRetriableException(Exception exception) => false;

    public override bool IsRetriable(HttpMessage message, Exception exception) => false;
}
