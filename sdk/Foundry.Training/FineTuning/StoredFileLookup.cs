using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Finds the file that a create (upload or import) may have stored although its response was lost: a file with the
/// same name and purpose (and size, when known) created since the create began. The services have no idempotency key
/// for files, so this lookup is what keeps a lost response from turning into a second copy.
/// </summary>
/// <remarks>
/// <c>created_at</c> is the service's clock in whole seconds, so the window opens <see cref="ClockSkew"/> before the
/// create began by the client's clock. Files are listed with the purpose filter only (Azure OpenAI returns them all in
/// one page; the OpenAI platform pages newest first), and the listing stops at the first page that reaches back past the
/// window, after <see cref="MaxPages"/> pages at most.
/// </remarks>
internal static class StoredFileLookup
{
    /// <summary>How far the service's clock may lag behind the client's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>The most list pages read, so that a service that pages forever cannot hold the call.</summary>
    public const int MaxPages = 10;

    /// <summary>Lists files and returns every one that the create may have stored, oldest first (by id for equal times).</summary>
    /// <param name="listFiles">Lists the files of <paramref name="purpose"/>.</param>
    /// <param name="fileName">The name the create sent.</param>
    /// <param name="purpose">The purpose the create sent.</param>
    /// <param name="size">The number of bytes sent, or null when the service learns the size itself (an import).</param>
    /// <param name="started">When the create began, by the client's clock.</param>
    /// <param name="async">Whether to list asynchronously.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async ValueTask<IReadOnlyList<FineTuningFile>> FindAsync(
        PageFetcher<FineTuningFile> listFiles, string fileName, string purpose, long? size, DateTimeOffset started, bool async, CancellationToken cancellationToken)
    {
        DateTimeOffset windowStart = started - ClockSkew;
        var candidates = new List<FineTuningFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? continuation = null;
        for (int page = 0; page < MaxPages; page++)
        {
            Page<FineTuningFile> files = await listFiles(continuation, null, async, cancellationToken).ConfigureAwait(false);
            bool reachedPastWindow = false;
            foreach (FineTuningFile file in files.Values)
            {
                if (file.CreatedAt < windowStart)
                {
                    reachedPastWindow = true;
                }
                else if (IsCandidate(file, fileName, purpose, size, windowStart) && seen.Add(file.Id))
                {
                    candidates.Add(file);
                }
            }

            continuation = files.ContinuationToken;
            if (reachedPastWindow || continuation is null)
            {
                break;
            }
        }

        candidates.Sort((a, b) => a.CreatedAt == b.CreatedAt ? string.CompareOrdinal(a.Id, b.Id) : Nullable.Compare(a.CreatedAt, b.CreatedAt));
        return candidates;
    }

    /// <remarks>
    /// A file whose id cannot be a path segment (none, <c>..</c>, a control character, ...) is no candidate: it could not
    /// be read back, and the service's id must not reach the argument checks meant for a caller's.
    /// </remarks>
    private static bool IsCandidate(FineTuningFile file, string fileName, string purpose, long? size, DateTimeOffset windowStart) =>
        PathSegment.Problem(file.Id) is null &&
        file.CreatedAt >= windowStart &&
        string.Equals(file.FileName, fileName, StringComparison.Ordinal) &&
        string.Equals(file.Purpose?.ToString(), purpose, StringComparison.Ordinal) &&
        (size is null || file.Bytes is null || file.Bytes == size) &&
        file.Status != FileState.Deleting && file.Status != FileState.Deleted;
}
