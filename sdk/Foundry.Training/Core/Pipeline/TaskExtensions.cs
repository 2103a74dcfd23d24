using System.Diagnostics;
using System.Threading.Tasks;

namespace Foundry.Training;

/// <summary>Completes the value tasks of code paths that ran with <c>async: false</c> (and so finished synchronously).</summary>
internal static class TaskExtensions
{
    public static T EnsureCompleted<T>(this ValueTask<T> task)
    {
        Debug.Assert(task.IsCompleted, "A synchronous code path returned an incomplete task.");
        return task.GetAwaiter().GetResult();
    }

    public static void EnsureCompleted(this ValueTask task)
    {
        Debug.Assert(task.IsCompleted, "A synchronous code path returned an incomplete task.");
        task.GetAwaiter().GetResult();
    }
}
