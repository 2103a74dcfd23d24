using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Foundry.Training.Testing;

/// <summary>What every emulated service shares: the settings (copied when the emulator started), the addresses and the URL signer.</summary>
internal sealed class EmulatorContext
{
    public const string ProjectPath = "/api/projects/emulator";

    public const string StoragePath = "/_emulator/storage";

    /// <summary>The root of the emulated blob containers dataset uploads write into.</summary>
    public const string BlobsPath = "/_emulator/blobs";

    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly Func<EmulatedJobInfo, bool>? _failWhen;
    private readonly Func<EmulatedJobInfo, EmulatedJobScenario>? _scenarioWhen;
    private long _requestIds;

    public EmulatorContext(FoundryTrainingEmulatorOptions options, Uri serverRoot)
    {
        StepInterval = options.StepInterval;
        TrainingSteps = options.TrainingSteps;
        MaxStoredFileBytes = options.MaxStoredFileBytes;
        WeightsFileBytes = options.WeightsFileBytes;
        ValidateDatasetReferences = options.ValidateDatasetReferences;
        BaseModels = new List<string>(options.BaseModels);
        _failWhen = options.FailWhen;
        _scenarioWhen = options.ScenarioWhen;
        ServerRoot = serverRoot;
        Endpoint = new Uri(serverRoot, ProjectPath);
    }

    public TimeSpan StepInterval { get; }

    public int TrainingSteps { get; }

    public long MaxStoredFileBytes { get; }

    public long WeightsFileBytes { get; }
    public bool ValidateDatasetReferences { get; }

    public IReadOnlyList<string> BaseModels { get; }

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public Uri ServerRoot { get; }

    /// <summary><c>http://127.0.0.1:{port}/api/projects/emulator</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Whether a new job fails: by convention (<see cref="EmulatedJobInfo.AsksToFail"/>) or by <see cref="FoundryTrainingEmulatorOptions.FailWhen"/>.</summary>
    public bool ShouldFail(EmulatedJobInfo job) => job.AsksToFail || (_failWhen?.Invoke(job) ?? false);

    /// <summary>
    /// What happens to a new Foundry job's first attempt: as its <see cref="FoundryTrainingEmulatorOptions.ScenarioTag"/>
    /// tag says, else as <see cref="FoundryTrainingEmulatorOptions.ScenarioWhen"/> says; null with
    /// <paramref name="invalid"/> set when the tag names no scenario.
    /// </summary>
    public EmulatedJobScenario? ScenarioOf(EmulatedJobInfo job, out string? invalid) =>
        job.TaggedScenario(out invalid) ?? (invalid is null ? _scenarioWhen?.Invoke(job) ?? EmulatedJobScenario.None : null);

    /// <summary>A fresh request id for response headers.</summary>
    public string NextRequestId() =>
        "emulator-" + System.Threading.Interlocked.Increment(ref _requestIds).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>An HMAC signature over <paramref name="resource"/>, like a SAS <c>sig</c>.</summary>
    public string Sign(string resource)
    {
        using var hmac = new HMACSHA256(_signingKey);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(resource))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Whether <paramref name="signature"/> is the signature of <paramref name="resource"/> (constant time).</summary>
    public bool Verify(string resource, string? signature) =>
        signature is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(resource)), Encoding.ASCII.GetBytes(signature));
}
