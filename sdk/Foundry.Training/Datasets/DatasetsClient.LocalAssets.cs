using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Training.Jobs;

namespace Foundry.Training.Datasets;

public partial class DatasetsClient
{
    /// <summary>
    /// Returns a copy of <paramref name="job"/> whose local paths are uploaded as dataset versions and replaced by their
    /// <c>azureai://datasets/{name}/versions/{version}</c> references: <c>training.dataset.train</c> and <c>eval</c>,
    /// each input's <c>uri</c>, a local code folder in <c>code_id</c>, and the files of function rewards
    /// (<c>entry_point</c> <c>path/to/rewards.py:score</c>), which must lie in the code folder or, without one, become
    /// the code folder themselves. Every upload is named by its content hash, so an unchanged file is not sent again.
    /// Values that are URIs (<c>azureai://</c>, <c>https://</c>, ...) are left as they are; <paramref name="job"/> is not
    /// changed.
    /// </summary>
    /// <param name="job">The job to submit.</param>
    /// <param name="options">The base directory, dataset name prefix and progress; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the uploads.</param>
    /// <returns>The job to pass to <c>TrainingJobsClient.CreateAsync</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is null.</exception>
    /// <exception cref="ArgumentException">A local path does not exist (the message names the property), or a reward file lies outside the code folder.</exception>
    /// <exception cref="Azure.RequestFailedException">An upload failed (a local file that changed meanwhile fails it with <c>LocalFileChanged</c>).</exception>
    public virtual Task<CommandJob> ResolveLocalPathsAsync(CommandJob job, LocalAssetOptions? options = null, CancellationToken cancellationToken = default) =>
        ResolveLocalPathsCoreAsync(job, options ?? new LocalAssetOptions(), async: true, cancellationToken).AsTask();

    /// <inheritdoc cref="ResolveLocalPathsAsync"/>
    public virtual CommandJob ResolveLocalPaths(CommandJob job, LocalAssetOptions? options = null, CancellationToken cancellationToken = default) =>
        ResolveLocalPathsCoreAsync(job, options ?? new LocalAssetOptions(), async: false, cancellationToken).EnsureCompleted();

    private async ValueTask<CommandJob> ResolveLocalPathsCoreAsync(CommandJob job, LocalAssetOptions options, bool async, CancellationToken cancellationToken)
    {
        Argument.AssertNotNull(job, nameof(job));
        using OperationScope scope = OperationScope.Start("DatasetsClient.ResolveLocalPaths");
        try
        {
            return await ResolveCoreAsync(job, options, async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }
    }

    private async ValueTask<CommandJob> ResolveCoreAsync(CommandJob job, LocalAssetOptions options, bool async, CancellationToken cancellationToken)
    {
        string baseDirectory = Path.GetFullPath(options.BaseDirectory ?? Directory.GetCurrentDirectory());
        var copy = (CommandJob)ModelSerialization.Deserialize<JobProperties>(ModelSerialization.SerializeToUtf8Bytes<JobProperties>(job, ModelSerialization.Options), ModelSerialization.Options)!;

        // Check every local path once, before anything is uploaded; remember where each goes back.
        string? codeFolder = LocalPath(copy.CodeId, baseDirectory, "job.CodeId", folder: true)?.Path;
        var uploads = new List<(LocalAsset Asset, Action<string> Replace)>();
        if (copy.Training?.Dataset is TrainingDatasetConfiguration dataset)
        {
            AddUpload(uploads, LocalPath(dataset.Train, baseDirectory, "job.Training.Dataset.Train", folder: null), reference => dataset.Train = reference);
            AddUpload(uploads, LocalPath(dataset.Eval, baseDirectory, "job.Training.Dataset.Eval", folder: null), reference => dataset.Eval = reference);
        }

        foreach (KeyValuePair<string, JobInput> input in copy.Inputs)
        {
            if (input.Value is JobInput value)
            {
                AddUpload(uploads, LocalPath(value.Uri, baseDirectory, "job.Inputs[\"" + input.Key + "\"].Uri", folder: null), reference => value.Uri = reference);
            }
        }

        var rewards = new List<TrainingEntryPointReference>();
        if (copy.Training is ReinforcementTrainingConfiguration reinforcement)
        {
            CollectFunctions(reinforcement.Reward, rewards);
        }

        string? rewardFolder = null;
        foreach (TrainingEntryPointReference function in rewards)
        {
            (string file, string callable) = SplitEntryPoint(function.EntryPoint);
            string? local = LocalPath(file, baseDirectory, "job.Training.Reward (entry point " + function.EntryPoint + ")", folder: false, mustExist: false)?.Path;
            if (local is null)
            {
                continue;
            }

            string root = codeFolder ?? rewardFolder ?? Path.GetDirectoryName(local)!;
            string relative = Relative(root, local) ?? throw new ArgumentException(
                $"The reward function file '{file}' lies outside the code folder; put it inside the code folder (job.CodeId).", nameof(job));
            rewardFolder = codeFolder is null ? root : null;
            function.EntryPoint = relative + callable;
        }

        if (codeFolder is null && rewardFolder is not null)
        {
            codeFolder = rewardFolder;
        }

        // Upload (each once: content-hash versions make a repeat a lookup).
        if (codeFolder is not null)
        {
            copy.CodeId = await UploadAsync(codeFolder, isFolder: true, options, async, cancellationToken, codeFolderFilter: codeFolder == rewardFolder ? rewards : null).ConfigureAwait(false);
        }

        foreach ((LocalAsset asset, Action<string> replace) in uploads)
        {
            replace(await UploadAsync(asset.Path, asset.IsFolder, options, async, cancellationToken).ConfigureAwait(false));
        }

        return copy;
    }

    /// <summary>Plans the upload of <paramref name="local"/>, when the value was a local path, and how its reference replaces it.</summary>
    private static void AddUpload(List<(LocalAsset Asset, Action<string> Replace)> uploads, LocalAsset? local, Action<string> replace)
    {
        if (local is LocalAsset asset)
        {
            uploads.Add((asset, replace));
        }
    }

    private async ValueTask<string> UploadAsync(string local, bool isFolder, LocalAssetOptions options, bool async, CancellationToken cancellationToken, List<TrainingEntryPointReference>? codeFolderFilter = null)
    {
        string name = DatasetName(options.NamePrefix, local);
        var uploadOptions = new DatasetUploadOptions { Progress = options.Progress };
        DatasetVersion version;
        if (isFolder)
        {
            Func<string, bool>? filter = null;
            if (codeFolderFilter is not null)
            {
                var files = new HashSet<string>(StringComparer.Ordinal);
                foreach (TrainingEntryPointReference function in codeFolderFilter)
                {
                    files.Add(SplitEntryPoint(function.EntryPoint).File);
                }

                filter = files.Contains; // a folder made of loose reward files: only those files
            }

            version = (await UploadFolderCoreAsync(name, local, null, filter, uploadOptions, async, cancellationToken).ConfigureAwait(false)).Value;
        }
        else
        {
            version = (await UploadFileCoreAsync(name, local, null, uploadOptions, async, cancellationToken).ConfigureAwait(false)).Value;
        }

        return DatasetReference.Format(name, version.Version!); // the upload checked that the service's answer is this version
    }

    /// <summary>
    /// The full path of a local value, and whether it is a folder (null for none or a URI). A value with a scheme of two
    /// or more letters is a URI; <c>file://</c> URIs and everything else are local paths, which must exist (as a folder
    /// when <paramref name="folder"/> says so).
    /// </summary>
    private static LocalAsset? LocalPath(string? value, string baseDirectory, string property, bool? folder, bool mustExist = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string path = value!;
        if (Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && uri.Scheme.Length > 1)
        {
            if (!uri.IsFile)
            {
                return null;
            }

            path = uri.LocalPath;
        }

        string full = Path.GetFullPath(Path.Combine(baseDirectory, path));
        bool isFile = File.Exists(full);
        bool isFolder = Directory.Exists(full);
        if ((folder == true && !isFolder) || (folder == false && !isFile) || (!isFile && !isFolder))
        {
            if (!mustExist)
            {
                return null;
            }

            string kind = folder == true ? "folder" : folder == false ? "file" : "file or folder";
            throw new ArgumentException($"{property} is neither a URI nor an existing local {kind}: '{value}' (read from '{baseDirectory}').", "job");
        }

        return new LocalAsset(full, isFolder);
    }

    private static void CollectFunctions(TrainingRewardConfiguration? reward, List<TrainingEntryPointReference> found)
    {
        switch (reward)
        {
            case TrainingFunctionRewardConfiguration function when function.Function is not null:
                found.Add(function.Function);
                break;
            case TrainingCompositeRewardConfiguration composite:
                foreach (TrainingWeightedRewardConfiguration weighted in composite.Rewards)
                {
                    CollectFunctions(weighted?.Reward, found);
                }

                break;
        }
    }

    /// <summary><c>path/file.py:fn</c> into the file and <c>:fn</c> (a drive letter's colon stays with the file).</summary>
    private static (string File, string Callable) SplitEntryPoint(string entryPoint)
    {
        int colon = entryPoint.LastIndexOf(':');
        return colon > 1 ? (entryPoint.Substring(0, colon), entryPoint.Substring(colon)) : (entryPoint, string.Empty);
    }

    /// <summary>The <c>/</c>-separated path of <paramref name="file"/> below <paramref name="root"/>, or null when it is not below it.</summary>
    private static string? Relative(string root, string file)
    {
        string prefix = root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return file.StartsWith(prefix, StringComparison.Ordinal) ? file.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/') : null;
    }

    /// <summary>A local file or folder a job names, as checked: its full path and which of the two it is.</summary>
    private readonly struct LocalAsset
    {
        public LocalAsset(string path, bool isFolder)
        {
            Path = path;
            IsFolder = isFolder;
        }

        public string Path { get; }

        public bool IsFolder { get; }
    }

    private static string DatasetName(string prefix, string local)
    {
        string leaf = Path.GetFileName(local.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var name = new StringBuilder(prefix);
        foreach (char c in leaf)
        {
            name.Append(char.IsLetterOrDigit(c) && c < 128 || c == '-' || c == '_' ? c : '-');
        }

        return name.ToString();
    }
}
