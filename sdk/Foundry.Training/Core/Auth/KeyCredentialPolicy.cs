using System;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Foundry.Training;

/// <summary>
/// Puts a key into a request header: <c>api-key: {key}</c> for Azure OpenAI, <c>Authorization: Bearer {key}</c> for OpenAI.
/// The key is read on every request so <c>AzureKeyCredential.Update</c> rotates it, and it is only sent to the
/// client's own endpoint: a next link or polling URL on another host gets no key, and a request that something
/// re-pointed at another origin after the key was set (a redirect followed inside the pipeline) has it removed.
/// </summary>
internal sealed class KeyCredentialPolicy : HttpPipelineSynchronousPolicy
{
    private readonly AzureKeyCredential _credential;
    private readonly string _headerName;
    private readonly string? _prefix;
    private readonly Uri _endpoint;
    private KeyHeader? _cached;

    public KeyCredentialPolicy(AzureKeyCredential credential, Uri endpoint, string headerName, string? prefix = null)
    {
        _endpoint = endpoint;
        _credential = credential;
        _headerName = headerName;
        _prefix = prefix;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        if (!TransportSecurity.IsOwnService(message.Request.Uri, _endpoint))
        {
            message.Request.Headers.Remove(_headerName);
            return;
        }

        message.Request.Headers.SetValue(_headerName, HeaderValue(_credential.Key));
    }

    /// <summary>The header for <paramref name="key"/>, built again only when the key was rotated.</summary>
    private string HeaderValue(string key)
    {
        if (_prefix is null)
        {
            return key;
        }

        KeyHeader? cached = _cached;
        if (cached is null || !ReferenceEquals(cached.Key, key))
        {
            cached = new KeyHeader(key, _prefix + " " + key);
            _cached = cached;
        }

        return cached.Value;
    }

    private sealed class KeyHeader
    {
        public KeyHeader(string key, string value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; }

        public string Value { get; }
    }
}
