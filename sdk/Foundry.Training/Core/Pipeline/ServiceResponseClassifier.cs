using Azure.Core;

namespace Foundry.Training;

/// <summary>
/// The classifier of every pipeline: Azure.Core's, plus one rule — a redirect (3xx) is an error. No client follows
/// redirects, because a redirect to another origin would carry the credential there, so a 3xx is never an answer to read
/// a model from; <see cref="ServiceErrorParser"/> says where it pointed.
/// </summary>
internal sealed class ServiceResponseClassifier : ResponseClassifier
{
    public static ServiceResponseClassifier Shared { get; } = new();

    public override bool IsErrorResponse(HttpMessage message) =>
        message.Response.Status is >= 300 and < 400 || base.IsErrorResponse(message);
}
