using System.Globalization;
using Azure;
using Foundry.Training.Cli.Output;

namespace Foundry.Training.Cli.Hosting;

/// <summary>
/// A failure as one readable line: <c>error: The job 'x' was not found. (status 404, code NotFound, request id 7f3c...)</c>.
/// The code and request id are what a support ticket needs; the rest of the exception comes with <c>--verbose</c>.
/// </summary>
internal static class ErrorLine
{
    public static string For(RequestFailedException exception)
    {
        var details = new List<string>();
        if (exception.Status != 0)
        {
            details.Add(string.Create(CultureInfo.InvariantCulture, $"status {exception.Status}"));
        }

        if (!string.IsNullOrEmpty(exception.ErrorCode))
        {
            details.Add("code " + Display.Safe(exception.ErrorCode));
        }

        if (exception.Data["RequestId"] is string requestId && requestId.Length > 0)
        {
            details.Add("request id " + Display.Safe(requestId));
        }

        string message = FirstLine(exception.Message);
        return details.Count == 0 ? $"error: {message}" : $"error: {message} ({string.Join(", ", details)})";
    }

    public static string For(string message) => "error: " + FirstLine(message);

    /// <summary>The first line of a message (Azure.Core appends status, headers and content below it), made safe to print.</summary>
    public static string FirstLine(string message)
    {
        string line = message.Split('\n', 2)[0].TrimEnd('\r', ' ');
        return Display.Safe(line.Length > 0 ? line : "Request failed.");
    }
}
