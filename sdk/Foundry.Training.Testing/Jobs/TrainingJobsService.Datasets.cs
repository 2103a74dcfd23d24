using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Foundry.Training.Jobs;

namespace Foundry.Training.Testing;

internal sealed partial class TrainingJobsService
{
    private const string DatasetPrefix = "azureai://datasets/";

    /// <summary>
    /// A job may only refer to dataset versions that exist (<c>training.dataset.train</c>/<c>eval</c>, input URIs,
    /// <c>code_id</c>): otherwise the create fails, as the service fails it, before the job exists.
    /// </summary>
    private ServiceResponse? MissingDataset(CommandJob spec)
    {
        if (_datasets is null || !_context.ValidateDatasetReferences)
        {
            return null;
        }

        foreach ((string path, string? reference) in References(spec))
        {
            if (reference is null || !reference.StartsWith(DatasetPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (!TryParse(reference, out string name, out string version) || !_datasets.Exists(name, version))
            {
                return ServiceErrors.Foundry(400, "DatasetNotFound", $"The dataset '{reference}' referenced by '{path}' was not found in this project. Upload it first (DatasetsClient.UploadFileAsync).");
            }
        }

        return null;
    }

    /// <summary>What the job reads of an uploaded training file: the number of JSONL examples, for its log.</summary>
    private string? DescribeTrainingData(CommandJob spec)
    {
        string? train = spec.Training?.Dataset?.Train;
        if (_datasets is null || train is null || !TryParse(train, out string name, out string version) || _datasets.ReadData(name, version) is not byte[] data)
        {
            return null;
        }

        int examples = 0;
        foreach (string line in Encoding.UTF8.GetString(data).Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                examples++;
            }
        }

        return "Read " + examples.ToString(CultureInfo.InvariantCulture) + " training examples (" + data.Length.ToString(CultureInfo.InvariantCulture) + " bytes) from " + train + ".";
    }

    private static IEnumerable<(string Path, string? Reference)> References(CommandJob spec)
    {
        yield return ("code_id", spec.CodeId);
        if (spec.Training?.Dataset is TrainingDatasetConfiguration dataset)
        {
            yield return ("training.dataset.train", dataset.Train);
            yield return ("training.dataset.eval", dataset.Eval);
        }

        foreach (KeyValuePair<string, JobInput> input in spec.Inputs)
        {
            yield return ("inputs." + input.Key + ".uri", input.Value?.Uri);
        }
    }

    private static bool TryParse(string reference, out string name, out string version)
    {
        name = version = string.Empty;
        if (!reference.StartsWith(DatasetPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = reference.Substring(DatasetPrefix.Length).Split('/');
        if (parts.Length != 3 || parts[1] != "versions" || parts[0].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        name = parts[0];
        version = parts[2];
        return true;
    }
}
