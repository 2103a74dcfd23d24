using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Foundry.Training.Tests.Infrastructure;

/// <summary>
/// Scripts a WireMock path to answer with the given responses in turn, the last one from then on (a scenario with one
/// state per step). WireMock moves to the next state once a response is sent, so a delayed step holds the state.
/// </summary>
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

            // The last response keeps answering: a scenario mapping without a next state would restart the scenario.
            mapping.WillSetStateTo($"step {Math.Min(step + 1, responses.Length - 1)}").RespondWith(responses[step]);
        }
    }
}
