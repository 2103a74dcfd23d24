using System;
using System.Collections.Generic;
using System.Linq;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

/// <summary>
/// A fine-tuning service — Azure OpenAI (<c>2024-05-01-preview</c>, <c>api-key</c> or bearer token) or the OpenAI
/// platform (bearer API key) — with its files, jobs (events, checkpoints), models and (Azure OpenAI) ingestion jobs.
/// All state lives in memory behind one lock; each flavor has its own state, as two separate services would.
/// </summary>
/// <remarks>The routes are split by concern across the partial files of this class.</remarks>
internal sealed partial class FineTuningService : IEmulatedService
{
    public const string AzureApiVersion = "2024-05-01-preview";

    private readonly object _gate = new();
    private readonly EmulatorContext _context;
    private readonly FineTuningFlavor _flavor;
    private readonly Dictionary<string, EmulatedFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatedFineTuningJob> _jobs = new(StringComparer.Ordinal);
    private readonly List<EmulatedModel> _models = new();
    private readonly Action<Foundry.Training.FineTuning.FineTuningWebhookEvent>? _webhooks;
    private readonly OperationRouter _router;
    private long _sequence;

    /// <param name="context">What the services share.</param>
    /// <param name="flavor">Azure OpenAI or the OpenAI platform.</param>
    /// <param name="now">The time the base models appear in the catalog.</param>
    /// <param name="webhooks">Receives the webhook event of each job that ends; null for none.</param>
    public FineTuningService(EmulatorContext context, FineTuningFlavor flavor, DateTimeOffset now, Action<Foundry.Training.FineTuning.FineTuningWebhookEvent>? webhooks = null)
    {
        _context = context;
        _flavor = flavor;
        _webhooks = webhooks;
        _router = CreateRouter();
        foreach (string model in context.BaseModels)
        {
            _models.Add(new EmulatedModel(model, null, null, now));
        }
    }

    public ServiceResponse Handle(ServiceRequest request)
    {
        ServiceResponse? rejection = CheckProtocol(request);
        if (rejection is not null)
        {
            return rejection;
        }

        lock (_gate)
        {
            AdvanceTo(request.Now);
            return Route(request);
        }
    }

    /// <summary>Routes by the flavor's table; a method the table lacks is a 405 on Azure OpenAI and, as the OpenAI platform answers it, an unrecognized URL (404) there.</summary>
    private ServiceResponse Route(ServiceRequest request) => _router.Serve(request);

    /// <summary>One handler per operation of the flavor's table in <see cref="FineTuningOperations"/>; the handlers live in the resource's partial file.</summary>
    private OperationRouter CreateRouter()
    {
        var handlers = new Dictionary<ServiceOperation, OperationRouter.Handler>();
        MapJobs(handlers);
        MapFiles(handlers);
        MapModels(handlers);
        MapIngestion(handlers);
        MapUploads(handlers);
        MapPermissions(handlers);
        MapGraders(handlers);
        return new OperationRouter(_flavor.Service, _flavor.IsAzure ? FineTuningOperations.AzureOpenAI : FineTuningOperations.OpenAIPlatform, handlers);
    }

    /// <summary>Azure OpenAI: <c>api-key</c> or a bearer token, and the api-version; OpenAI: a bearer API key.</summary>
    private ServiceResponse? CheckProtocol(ServiceRequest request)
    {
        string? authorization = request.Header("Authorization");
        bool bearer = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > "Bearer ".Length;
        if (_flavor.IsAzure)
        {
            if (!bearer && string.IsNullOrEmpty(request.Header("api-key")))
            {
                return ServiceErrors.AzureOpenAI(401, "unauthorized", "Access denied due to a missing subscription key or token. Provide a valid key in the api-key header or a bearer token.");
            }

            string? version = request.QueryValue("api-version");
            if (version is null)
            {
                return ServiceErrors.AzureOpenAI(400, "invalidPayload", "The api-version query parameter (?api-version=) is required for all requests.");
            }

            if (version != AzureApiVersion)
            {
                return ServiceErrors.AzureOpenAI(400, "invalidPayload", $"API version '{version}' is not supported; this emulator serves {AzureApiVersion}.");
            }
        }
        else if (!bearer)
        {
            return ServiceErrors.OpenAI(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "invalid_request_error");
        }

        return null;
    }

    /// <summary>Plays files and jobs forward; a job that just succeeded leaves its result file and its model.</summary>
    private void AdvanceTo(DateTimeOffset now)
    {
        foreach (EmulatedFile file in _files.Values)
        {
            file.AdvanceTo(now);
        }

        foreach (EmulatedUpload upload in _uploads.Values)
        {
            upload.AdvanceTo(now);
        }

        foreach (EmulatedFineTuningJob job in _jobs.Values)
        {
            job.AdvanceTo(now);
            if (job.Status == Foundry.Training.FineTuning.FineTuningState.Succeeded && !job.Published)
            {
                Publish(job);
            }

            AnnounceIfEnded(job);
        }

        AdvanceIngestionTo(now);
    }

    private void Publish(EmulatedFineTuningJob job)
    {
        job.Published = true;
        DateTimeOffset finished = job.FinishedAt!.Value;
        byte[] csv = job.ResultCsv();
        var result = new EmulatedFile(_flavor, _flavor.NewFileId(), ++_sequence, _flavor.ResultFileName, "fine-tune-results", csv.LongLength, csv, truncated: false, finished, _context.StepInterval, processed: true);
        _files[result.Id] = result;
        job.ResultFiles.Add(result.Id);
        _models.Add(new EmulatedModel(job.FineTunedModel!, job.Request.Model, job.Id, finished));
    }
}
