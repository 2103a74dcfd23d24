using System;

namespace Foundry.Training;

/// <summary>Gives every page fetch of a list operation its own <see cref="OperationScope"/> span.</summary>
internal static class TracedPageFetcher
{
    public static PageFetcher<T> Wrap<T>(PageFetcher<T> fetch, string operationName, string? jobName)
        where T : notnull =>
        async (token, pageSizeHint, async, cancellationToken) =>
        {
            using OperationScope scope = OperationScope.Start(operationName, jobName);
            try
            {
                return await fetch(token, pageSizeHint, async, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                scope.Failed(ex);
                throw;
            }
        };
}
