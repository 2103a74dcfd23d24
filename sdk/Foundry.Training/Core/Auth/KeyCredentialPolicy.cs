using System;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training;

/// <summary>
/// Puts a key into a request header: <c>api-key: {key}</c> for Azure OpenAI, <c>Authorization: Bearer {key}</c> for OpenAI.
/// The key is read on every request so <c>AzureKeyCredential.Update</c> rotates it.
/// </summary>
internal sealed class KeyCredentialPolicy : HttpPipelineSynchronousPolicy
{
    private readonly AzureKeyCredential _credential;
    private readonly string _headerName;
    private readonly string? _prefix;

    public KeyCredentialPolicy(AzureKeyCredential credential, string headerName, string? prefix = null)
    {
        _credential = credential;
        _headerName = headerName;
        _prefix = prefix;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        TransportSecurity.RequireSecureRequest(message.Request.Uri);
        string key = _credential.Key;
        message.Request.Headers.SetValue(_headerName, _prefix is null ? key : _prefix + " " + key);
    }
}
