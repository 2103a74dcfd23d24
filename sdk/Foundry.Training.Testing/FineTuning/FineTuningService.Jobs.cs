using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

internal sealed partial class FineTuningService
{
    /// <summary>The fine-tuning jobs' operations.</summary>
    private void MapJobs(Dictionary<ServiceOperation, OperationRouter.Handler> routes)
    {
        routes[FineTuningOperations.CreateJob] = (r, _) => CreateJob(r);
        routes[FineTuningOperations.GetJobs] = (r, _) => ListJobs(r);
        routes[FineTuningOperations.GetJob] = OfJob((job, _) => GetJob(job));
        routes[FineTuningOperations.DeleteJob] = OfJob((job, _) => DeleteJob(job));
        routes[FineTuningOperations.CancelJob] = OfJob((job, r) => CancelJob(job, r.Now));
        routes[FineTuningOperations.PauseJob] = OfJob((job, r) => PauseJob(job, r.Now));
        routes[FineTuningOperations.ResumeJob] = OfJob((job, r) => ResumeJob(job, r.Now));
        routes[FineTuningOperations.GetJobEvents] = OfJob((job, r) => ListEvents(job, r));
        routes[FineTuningOperations.GetJobCheckpoints] = OfJob((job, r) => ListCheckpoints(job, r));
    }

    private OperationRouter.Handler OfJob(Func<EmulatedFineTuningJob, ServiceRequest, ServiceResponse> handle) =>
        (request, values) => _jobs.TryGetValue(values["jobId"], out EmulatedFineTuningJob? job) ? handle(job, request) : _flavor.NotFound($"Fine-tuning job {values["jobId"]} not found.");

    /// <summary>
    /// <c>POST /fine_tuning/jobs</c>: checks the request as the service would (the SDK's own rules, a known base model, a
    /// training file that exists with purpose <c>fine-tune</c> and did not fail processing), then starts the job.
    /// </summary>
    private ServiceResponse CreateJob(ServiceRequest request)
    {
        FineTuningJobCreateOptions? options;
        try
        {
            options = FoundryTrainingSerializer.Deserialize<FineTuningJobCreateOptions>(BinaryData.FromBytes(request.Body));
        }
        catch (JsonException ex)
        {
            return _flavor.BadRequest("The request body is not a valid fine-tuning job: " + ex.Message);
        }

        if (options is null)
        {
            return _flavor.BadRequest("The request body must be a JSON object.");
        }

        if (FineTuningFlavor.IsMissing(options.Model))
        {
            return _flavor.BadRequest("Missing required parameter: 'model'.", "model", "missing_required_parameter");
        }

        if (FineTuningFlavor.IsMissing(options.TrainingFile))
        {
            return _flavor.BadRequest("Missing required parameter: 'training_file'.", "training_file", "missing_required_parameter");
        }

        ModelValidationResult validation = options.Validate(azureOpenAI: _flavor.IsAzure);
        if (!validation.IsValid)
        {
            ValidationProblem first = validation.Problems[0];
            return _flavor.BadRequest(string.Join(" ", validation.Problems.Select(p => p.ToString())), first.Path.TrimStart('$', '.'));
        }

        if (!_models.Any(m => m.Id == options.Model))
        {
            return _flavor.IsAzure
                ? _flavor.BadRequest($"The specified base model '{options.Model}' does not support fine-tuning.", "model")
                : _flavor.BadRequest($"Model {options.Model} is not available for fine-tuning or does not exist.", "model", "model_not_available");
        }

        ServiceResponse? fileProblem = CheckTrainingFile(options.TrainingFile!, "training_file") ??
            (options.ValidationFile is null ? null : CheckTrainingFile(options.ValidationFile, "validation_file"));
        if (fileProblem is not null)
        {
            return fileProblem;
        }

        string id = _flavor.NewJobId();
        var info = new EmulatedJobInfo(_flavor.Service, id, options.Model, options.Suffix, new Dictionary<string, string>(options.Metadata, StringComparer.Ordinal));
        var job = new EmulatedFineTuningJob(_flavor, id, ++_sequence, options, _files[options.TrainingFile!].Bytes, request.Now, _context.StepInterval, _context.TrainingSteps, _context.ShouldFail(info));
        _jobs[id] = job;
        ServiceResponse response = ServiceResponse.Json(_flavor.CreatedStatus, JsonBodies.Model(job.ToModel(), _flavor.JobNulls));
        return _flavor.IsAzure ? response.WithHeader("Location", _context.Endpoint.AbsoluteUri + "/openai/fine_tuning/jobs/" + id) : response;
    }

    private ServiceResponse? CheckTrainingFile(string fileId, string parameter)
    {
        if (!_files.TryGetValue(fileId, out EmulatedFile? file))
        {
            return _flavor.BadRequest($"Invalid file id '{fileId}' for '{parameter}': no such file.", parameter, "invalid_file_id");
        }

        if (file.Purpose != "fine-tune")
        {
            return _flavor.BadRequest($"File {fileId} has purpose '{file.Purpose}'; '{parameter}' needs a file with purpose 'fine-tune'.", parameter, "invalid_file_purpose");
        }

        if (file.Status == FileState.Error)
        {
            return _flavor.BadRequest($"File {fileId} failed processing: {file.StatusDetails}", parameter, "invalid_training_file");
        }

        return null;
    }

    /// <summary>A job that is still changing asks to be polled again after one step (<c>retry-after-ms</c>).</summary>
    private ServiceResponse GetJob(EmulatedFineTuningJob job)
    {
        ServiceResponse response = ServiceResponse.Json(200, JsonBodies.Model(job.ToModel(), _flavor.JobNulls));
        return job.IsTerminal ? response : response.WithHeader("retry-after-ms", FineTuningFlavor.Milliseconds(_context.StepInterval));
    }

    /// <summary>Newest first, with the <c>after</c> cursor; OpenAI also filters by <c>metadata[key]=value</c>.</summary>
    private ServiceResponse ListJobs(ServiceRequest request)
    {
        int? limit = Paging.ReadLimit(request.QueryValue("limit"), 20, 100);
        if (limit is null)
        {
            return _flavor.BadRequest("'limit' must be an integer from 1 to 100.", "limit");
        }

        IEnumerable<EmulatedFineTuningJob> jobs = _jobs.Values.OrderByDescending(j => j.Sequence);
        foreach (KeyValuePair<string, string> filter in request.Query)
        {
            if (filter.Key.StartsWith("metadata[", StringComparison.Ordinal) && filter.Key.EndsWith("]", StringComparison.Ordinal))
            {
                string key = filter.Key.Substring("metadata[".Length, filter.Key.Length - "metadata[".Length - 1);
                jobs = jobs.Where(j => j.Request.Metadata.TryGetValue(key, out string? value) && value == filter.Value);
            }
        }

        PageSlice<EmulatedFineTuningJob> page = Paging.Cut(jobs.ToList(), j => j.Id, request.QueryValue("after"), null, limit.Value);
        var models = new PageSlice<FineTuningJob>(page.Items.Select(j => j.ToModel()).ToList(), page.HasMore, page.FirstId, page.LastId);
        return ServiceResponse.Json(200, JsonBodies.Page(models, listObject: true, ids: false, nulls: _flavor.JobNulls));
    }

    private ServiceResponse CancelJob(EmulatedFineTuningJob job, DateTimeOffset now)
    {
        if (job.Status == FineTuningState.Cancelled)
        {
            return ServiceResponse.Json(200, JsonBodies.Model(job.ToModel(), _flavor.JobNulls));
        }

        if (job.IsTerminal)
        {
            return NotInState(job, "cancelled", "it has already finished");
        }

        job.Cancel(now);
        AnnounceIfEnded(job);
        return ServiceResponse.Json(200, JsonBodies.Model(job.ToModel(), _flavor.JobNulls));
    }

    /// <summary>Azure OpenAI only: <c>204</c> for a finished job; a job that is still active must be cancelled first.</summary>
    private ServiceResponse DeleteJob(EmulatedFineTuningJob job)
    {
        if (!job.IsTerminal)
        {
            return NotInState(job, "deleted", "it is still active; cancel it first");
        }

        _jobs.Remove(job.Id);
        return ServiceResponse.Empty(204);
    }

    /// <summary>OpenAI only: a running job pauses; nothing advances until it is resumed.</summary>
    private ServiceResponse PauseJob(EmulatedFineTuningJob job, DateTimeOffset now)
    {
        if (job.Status != FineTuningState.Running)
        {
            return NotInState(job, "paused", "only a running job can be paused");
        }

        job.Pause(now);
        return ServiceResponse.Json(200, JsonBodies.Model(job.ToModel(), _flavor.JobNulls));
    }

    private ServiceResponse ResumeJob(EmulatedFineTuningJob job, DateTimeOffset now)
    {
        if (job.Status != FineTuningState.Paused)
        {
            return NotInState(job, "resumed", "only a paused job can be resumed");
        }

        job.Resume(now);
        return ServiceResponse.Json(200, JsonBodies.Model(job.ToModel(), _flavor.JobNulls));
    }

    private ServiceResponse ListEvents(EmulatedFineTuningJob job, ServiceRequest request)
    {
        int? limit = Paging.ReadLimit(request.QueryValue("limit"), 20, int.MaxValue);
        if (limit is null)
        {
            return _flavor.BadRequest("'limit' must be a positive integer.", "limit");
        }

        PageSlice<FineTuningJobEvent> page = Paging.Cut(job.EventsNewestFirst(), e => e.Id!, request.QueryValue("after"), null, limit.Value);
        return ServiceResponse.Json(200, JsonBodies.Page(page, listObject: true, ids: false));
    }

    private ServiceResponse ListCheckpoints(EmulatedFineTuningJob job, ServiceRequest request)
    {
        int? limit = Paging.ReadLimit(request.QueryValue("limit"), 10, int.MaxValue);
        if (limit is null)
        {
            return _flavor.BadRequest("'limit' must be a positive integer.", "limit");
        }

        PageSlice<FineTuningJobCheckpoint> page = Paging.Cut(job.CheckpointsNewestFirst(), c => c.Id!, request.QueryValue("after"), null, limit.Value);
        return ServiceResponse.Json(200, JsonBodies.Page(page, listObject: true, ids: !_flavor.IsAzure));
    }

    private ServiceResponse NotInState(EmulatedFineTuningJob job, string action, string reason) =>
        _flavor.IsAzure
            ? ServiceErrors.AzureOpenAI(409, "unexpectedEntityState", $"The job {job.Id} is in state '{job.Status}' and cannot be {action}: {reason}.")
            : ServiceErrors.OpenAI(400, $"Job {job.Id} is {job.Status} and cannot be {action}: {reason}.", "invalid_request_error");
}
