using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training;

/// <summary>Sets a fixed header on every request, such as <c>Foundry-Features</c> or <c>OpenAI-Organization</c>.</summary>
internal sealed class HeaderPolicy : HttpPipelineSynchronousPolicy
{
    private readonly string _name;
    private readonly string _value;

    public HeaderPolicy(string name, string value)
    {
        _name = name;
        _value = value;
    }

    public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue(_name, _value);
}
