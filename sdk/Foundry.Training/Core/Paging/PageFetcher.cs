using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Foundry.Training;

/// <summary>
/// Fetches one page: from the start when <paramref name="continuationToken"/> is null, otherwise from where that
/// token points. The same delegate serves sync (<paramref name="async"/> false, completes synchronously) and async callers.
/// </summary>
internal delegate ValueTask<Page<T>> PageFetcher<T>(string? continuationToken, int? pageSizeHint, bool async, CancellationToken cancellationToken)
    where T : notnull;
