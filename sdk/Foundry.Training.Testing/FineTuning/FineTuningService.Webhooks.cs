using System;
using Foundry.Training.FineTuning;

namespace Foundry.Training.Testing;

internal sealed partial class FineTuningService
{
    /// <summary>Plays jobs forward to <paramref name="now"/> without a request, so that jobs end (and announce it) on their own.</summary>
    public void Advance(DateTimeOffset now)
    {
        lock (_gate)
        {
            AdvanceTo(now);
        }
    }

    /// <summary>
    /// Raises, once, the webhook event of a job that has ended — <c>fine_tuning.job.succeeded</c>, <c>.failed</c> or
    /// <c>.cancelled</c>, dated when it ended — as the OpenAI platform does.
    /// </summary>
    private void AnnounceIfEnded(EmulatedFineTuningJob job)
    {
        if (_webhooks is null || job.Announced || !job.IsTerminal)
        {
            return;
        }

        job.Announced = true;
        string id = Ids.Hex("evt_");
        FineTuningWebhookEvent ended = job.Status == FineTuningState.Succeeded ? FineTuningModelFactory.FineTuningJobSucceededEvent(id, job.FinishedAt, job.Id)
            : job.Status == FineTuningState.Failed ? FineTuningModelFactory.FineTuningJobFailedEvent(id, job.FinishedAt, job.Id)
            : FineTuningModelFactory.FineTuningJobCancelledEvent(id, job.FinishedAt, job.Id);
        _webhooks(ended);
    }
}
