using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>Scripts a WireMock path to answer with the given responses in turn (a scenario with one state per step).</summary>
public static class ResponseSequence
{
    public static void RespondInTurn(this WireMockServer server, string path, params IResponseBuilder[] responses)
    {
        if (responses.Length == 1)
        {
            server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(responses[0]);
            return;
        }

        for (int step = 0; step < responses.Length; step++)
        {
            var mapping = server.Given(Request.Create().WithPath(path).UsingAnyMethod()).InScenario(path);
            if (step > 0)
            {
                mapping = mapping.WhenStateIs($"step {step}");
            }

            // The last response keeps answering.
            if (step < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"step {step + 1}");
            }

            mapping.RespondWith(responses[step]);
        }
    }
}
