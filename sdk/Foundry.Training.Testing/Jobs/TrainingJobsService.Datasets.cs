using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// Reads the uploaded training file a job names (<c>training.dataset.train</c>), as a trainer would before it starts:
    /// <paramref name="note"/> says how many JSONL examples it holds, for the job's log (null when the data is not in the
    /// emulator's storage). With <see cref="EmulatorContext.ValidateDatasetReferences"/>, a <c>uri_file</c> whose
    /// non-empty line is not a JSON object fails the create (400 <c>InvalidTrainingData</c>, naming the line).
    /// </summary>
    private ServiceResponse? ReadTrainingData(CommandJob spec, out string? note)
    {
        note = null;
        string? train = spec.Training?.Dataset?.Train;
        if (_datasets is null || train is null || !TryParse(train, out string name, out string version) || _datasets.ReadData(name, version, out bool folder) is not byte[] data)
        {
            return null;
        }

        int examples = 0;
        string[] lines = Encoding.UTF8.GetString(data).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            examples++;
            if (_context.ValidateDatasetReferences && !folder && !IsJsonObject(lines[i]))
            {
                return ServiceErrors.Foundry(400, "InvalidTrainingData", $"Line {i + 1} of the training data '{train}' (training.dataset.train) is not a JSON object; the training file must be JSONL, one example per line.");
            }
        }

        note = "Read " + examples.ToString(CultureInfo.InvariantCulture) + " training examples (" + data.Length.ToString(CultureInfo.InvariantCulture) + " bytes) from " + train + ".";
        return null;
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
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
