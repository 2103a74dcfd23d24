using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Foundry.Training.Conformance;

/// <summary>Runs <c>foundry-typespec/compile.mjs</c>, which writes the Foundry OpenAPI document the Foundry Prisms load.</summary>
internal static class FoundrySpecCompiler
{
    /// <summary>Returns the compiler's report.</summary>
    /// <exception cref="InvalidOperationException">The compile failed.</exception>
    public static async Task<string> CompileAsync(ConformanceSettings settings)
    {
        var start = new ProcessStartInfo(settings.Node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = settings.ConformanceDirectory,
        };
        start.ArgumentList.Add(Path.Combine(settings.ConformanceDirectory, "foundry-typespec", "compile.mjs"));
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(Path.GetDirectoryName(settings.FoundrySpec)!);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + settings.Node);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        string report = ((await output.ConfigureAwait(false)) + (await errors.ConfigureAwait(false))).TrimEnd();
        return process.ExitCode == 0
            ? report
            : throw new InvalidOperationException($"compiling the Foundry TypeSpec failed (exit code {process.ExitCode}):{Environment.NewLine}{report}");
    }
}
