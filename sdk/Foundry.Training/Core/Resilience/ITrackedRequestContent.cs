namespace Foundry.Training;

/// <summary>
/// A request body that tells <see cref="RetrySafety"/> what became of its last send: whether it can be sent again at
/// all, and whether the last attempt wrote all of it. A body cut off while it was being sent never reached the service
/// whole, so the service cannot have acted on it and the request may be sent again even when it is not idempotent.
/// </summary>
internal interface ITrackedRequestContent
{
    /// <summary>Whether the body can be sent again (a seekable stream is rewound; a forward-only one cannot be).</summary>
    bool IsReplayable { get; }

    /// <summary>Whether the last attempt wrote the body to its end (false before the first attempt).</summary>
    bool WasSentWhole { get; }
}
