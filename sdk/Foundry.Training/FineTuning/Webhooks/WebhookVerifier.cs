using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Checks that a webhook request was sent by the OpenAI platform, and reads its event. Works in any host: give it the
/// request's headers and its body bytes as received, and get a typed <see cref="FineTuningWebhookEvent"/> or a
/// <see cref="WebhookVerificationException"/> that says what is wrong.
/// </summary>
/// <remarks>
/// <para>
/// The platform signs webhooks as <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> do: the
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (unix seconds) and <c>webhook-signature</c> headers, the signature being
/// the base64 HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{body}</c> under the endpoint's secret. The signature
/// header holds one or more space-separated signatures (several while a secret is being rotated), each prefixed with
/// its version: a request is genuine when any <c>v1,</c> signature matches; other versions are ignored. Signatures are
/// compared in constant time. A timestamp further than <see cref="Tolerance"/> (5 minutes by default) in the past or
/// the future is rejected, so a captured request cannot be replayed later.
/// </para>
/// <para>
/// Verify the body exactly as it arrived, before any parsing or re-encoding: a single changed byte (whitespace
/// included) fails the check. Header names are matched without regard to case. The platform retries a delivery until
/// your endpoint answers with a 2xx status, with the same <c>webhook-id</c> and event <see cref="FineTuningWebhookEvent.Id"/>:
/// answer quickly, and handle each event id once.
/// </para>
/// <para>Thread-safe: create one verifier per secret and share it.</para>
/// </remarks>
public class WebhookVerifier
{
    /// <summary>The header with the unique id of the delivered message, the same on every retry: <c>webhook-id</c>.</summary>
    public const string IdHeaderName = "webhook-id";

    /// <summary>The header with the unix time (in seconds) the delivery was signed: <c>webhook-timestamp</c>.</summary>
    public const string TimestampHeaderName = "webhook-timestamp";

    /// <summary>The header with the space-separated, versioned signatures (<c>v1,{base64}</c>): <c>webhook-signature</c>.</summary>
    public const string SignatureHeaderName = "webhook-signature";

    private const string SecretPrefix = "whsec_";
    private const string SignaturePrefix = "v1,";
    private const int MinimumKeyBytes = 16;
    private const int SignatureBase64Length = 44; // 32 bytes of HMAC-SHA256, padded base64

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier for mocking.</summary>
    protected WebhookVerifier()
    {
        _key = Array.Empty<byte>();
        _timeProvider = TimeProvider.System;
        Tolerance = DefaultTolerance;
    }

    /// <summary>Creates a verifier for the endpoint whose signing secret is <paramref name="secret"/>.</summary>
    /// <param name="secret">
    /// The endpoint's signing secret as the platform shows it: <c>whsec_</c> followed by base64. The prefix is optional,
    /// as in the Standard Webhooks libraries; what follows it is always read as base64 (unlike openai-node, which reads
    /// a secret without the prefix as UTF-8 text).
    /// </param>
    /// <param name="tolerance">How far a request's timestamp may be from now, either way; <see cref="DefaultTolerance"/> (5 minutes) when null.</param>
    /// <param name="timeProvider">The clock timestamps are compared with; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty, not base64 after its prefix, or shorter than 16 bytes once decoded.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is not positive.</exception>
    public WebhookVerifier(string secret, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        _key = DecodeSecret(secret);
        if (tolerance is TimeSpan given)
        {
            Argument.AssertPositive(given, nameof(tolerance));
        }

        Tolerance = tolerance ?? DefaultTolerance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The tolerance used when none is given: 5 minutes, as the OpenAI libraries and Standard Webhooks use.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>How far a request's <c>webhook-timestamp</c> may be from now, in the past or the future.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Verifies a webhook request (see <see cref="Verify(Func{string, string?}, BinaryData)"/>) and reads its event.</summary>
    /// <param name="headers">The request headers, by name (any case); a name that appears twice is rejected.</param>
    /// <param name="body">The request body exactly as received.</param>
    /// <returns>
    /// The event: <see cref="FineTuningJobSucceededEvent"/>, <see cref="FineTuningJobFailedEvent"/>,
    /// <see cref="FineTuningJobCancelledEvent"/>, or <see cref="UnknownFineTuningWebhookEvent"/> for any other type.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="WebhookVerificationException">The request is not a genuine, current webhook, or its body is not an event.</exception>
    public virtual FineTuningWebhookEvent Unwrap(IEnumerable<KeyValuePair<string, string>> headers, BinaryData body)
    {
        Argument.AssertNotNull(headers, nameof(headers));
        return Unwrap(Lookup(headers), body);
    }

    /// <summary>Verifies a webhook request (see <see cref="Verify(Func{string, string?}, BinaryData)"/>) and reads its event.</summary>
    /// <param name="getHeader">
    /// Returns the value of the header with the given name, or null when the request has none; for example
    /// <c>name => request.Headers[name]</c> in ASP.NET Core.
    /// </param>
    /// <param name="body">The request body exactly as received.</param>
    /// <returns>
    /// The event: <see cref="FineTuningJobSucceededEvent"/>, <see cref="FineTuningJobFailedEvent"/>,
    /// <see cref="FineTuningJobCancelledEvent"/>, or <see cref="UnknownFineTuningWebhookEvent"/> for any other type.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="getHeader"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="WebhookVerificationException">The request is not a genuine, current webhook, or its body is not an event.</exception>
    public virtual FineTuningWebhookEvent Unwrap(Func<string, string?> getHeader, BinaryData body)
    {
        Verify(getHeader, body);
        FineTuningWebhookEvent? webhookEvent;
        try
        {
            webhookEvent = FoundryTrainingSerializer.Deserialize<FineTuningWebhookEvent>(body);
        }
        catch (JsonException ex)
        {
            throw new WebhookVerificationException("The webhook is signed, but its body is not an event: " + ex.Message, ex);
        }

        return webhookEvent ?? throw new WebhookVerificationException("The webhook is signed, but its body is not an event: it is the JSON literal null.");
    }

    /// <summary>Checks that a webhook request was signed with this verifier's secret, recently, without reading its body.</summary>
    /// <param name="headers">The request headers, by name (any case); a name that appears twice is rejected.</param>
    /// <param name="body">The request body exactly as received.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="WebhookVerificationException">The request is not a genuine, current webhook.</exception>
    public virtual void Verify(IEnumerable<KeyValuePair<string, string>> headers, BinaryData body)
    {
        Argument.AssertNotNull(headers, nameof(headers));
        Verify(Lookup(headers), body);
    }

    /// <summary>Checks that a webhook request was signed with this verifier's secret, recently, without reading its body.</summary>
    /// <param name="getHeader">
    /// Returns the value of the header with the given name, or null when the request has none; for example
    /// <c>name => request.Headers[name]</c> in ASP.NET Core.
    /// </param>
    /// <param name="body">The request body exactly as received.</param>
    /// <exception cref="ArgumentNullException"><paramref name="getHeader"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="WebhookVerificationException">
    /// A <c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c> header is missing or malformed, the
    /// timestamp is further than <see cref="Tolerance"/> from now, or no <c>v1</c> signature matches.
    /// </exception>
    public virtual void Verify(Func<string, string?> getHeader, BinaryData body)
    {
        Argument.AssertNotNull(getHeader, nameof(getHeader));
        Argument.AssertNotNull(body, nameof(body));

        string id = RequiredHeader(getHeader, IdHeaderName);
        string timestamp = RequiredHeader(getHeader, TimestampHeaderName);
        string signatures = RequiredHeader(getHeader, SignatureHeaderName);
        CheckTimestamp(timestamp);

        byte[] expected = Sign(id, timestamp, body);
        bool anyVersion1 = false;
        foreach (string signature in signatures.Split(' '))
        {
            if (!signature.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                continue; // another scheme (v1a, v2, ...) or stray whitespace
            }

            anyVersion1 = true;
            if (DecodeSignature(signature.Substring(SignaturePrefix.Length)) is byte[] candidate && ConstantTime.AreEqual(candidate, expected))
            {
                return;
            }
        }

        throw new WebhookVerificationException(anyVersion1
            ? "No signature in the webhook-signature header matches the request: it was not signed with this secret, or its body or headers were changed on the way (verify the body exactly as received)."
            : "The webhook-signature header has no v1 signature (expected 'v1,' followed by a base64 HMAC-SHA256).");
    }

    private static byte[] DecodeSecret(string secret)
    {
        Argument.AssertNotNullOrWhiteSpace(secret, nameof(secret));
        string encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret.Substring(SecretPrefix.Length) : secret;
        byte[] key;
        try
        {
            key = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            // Never the secret itself in a message.
            throw new ArgumentException("The webhook secret is not valid: after its 'whsec_' prefix it must be base64, as the platform shows it.", nameof(secret));
        }

        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException(
                $"The webhook secret decodes to {key.Length.ToString(CultureInfo.InvariantCulture)} bytes; at least {MinimumKeyBytes.ToString(CultureInfo.InvariantCulture)} are needed. Use the secret exactly as the platform shows it ('whsec_...').",
                nameof(secret));
        }

        return key;
    }

    /// <summary>Header lookup over a list of name/value pairs: names in any case, a repeated name rejected.</summary>
    private static Func<string, string?> Lookup(IEnumerable<KeyValuePair<string, string>> headers) => name =>
    {
        string? found = null;
        bool seen = false;
        foreach (KeyValuePair<string, string> header in headers)
        {
            if (header.Key is not null && string.Equals(header.Key.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                if (seen)
                {
                    throw new WebhookVerificationException($"The {name} header appears more than once.");
                }

                seen = true;
                found = header.Value;
            }
        }

        return found;
    };

    private static string RequiredHeader(Func<string, string?> getHeader, string name)
    {
        string? value = getHeader(name)?.Trim();
        return string.IsNullOrEmpty(value)
            ? throw new WebhookVerificationException($"The {name} header is missing or empty: this is not a webhook request, or a proxy removed the header.")
            : value!;
    }

    private void CheckTimestamp(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new WebhookVerificationException("The webhook-timestamp header is not a unix time in whole seconds.");
        }

        DateTimeOffset signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (now - signedAt > Tolerance)
        {
            throw new WebhookVerificationException(
                $"The webhook was signed at {Format(signedAt)}, {Format(now - signedAt)} ago, longer than the {Format(Tolerance)} tolerance: a replay, a late delivery or a clock out of sync.");
        }

        if (signedAt - now > Tolerance)
        {
            throw new WebhookVerificationException(
                $"The webhook was signed at {Format(signedAt)}, {Format(signedAt - now)} in the future, more than the {Format(Tolerance)} tolerance: a clock out of sync.");
        }
    }

    /// <summary>HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, with the body hashed in place.</summary>
    private byte[] Sign(string id, string timestamp, BinaryData body)
    {
        using IncrementalHash hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes(id + "." + timestamp + "."));
        ReadOnlyMemory<byte> content = body.ToMemory();
#if NET8_0_OR_GREATER
        hmac.AppendData(content.Span);
#else
        if (MemoryMarshal.TryGetArray(content, out ArraySegment<byte> segment))
        {
            hmac.AppendData(segment.Array!, segment.Offset, segment.Count);
        }
        else
        {
            hmac.AppendData(content.ToArray());
        }
#endif
        return hmac.GetHashAndReset();
    }

    /// <summary>
    /// The bytes of one signature: 32 bytes in standard base64, padded or not. Anything else is not a signature of
    /// this scheme (null), found without exceptions so that a header full of junk costs nothing.
    /// </summary>
    private static byte[]? DecodeSignature(string encoded)
    {
        if (encoded.Length == SignatureBase64Length - 1)
        {
            encoded += "=";
        }

        if (encoded.Length != SignatureBase64Length || encoded[SignatureBase64Length - 1] != '=')
        {
            return null;
        }

        for (int i = 0; i < SignatureBase64Length - 1; i++)
        {
            char c = encoded[i];
            if (!(c is >= 'A' and <= 'Z' || c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '+' || c == '/'))
            {
                return null;
            }
        }

        return Convert.FromBase64String(encoded);
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Format(TimeSpan value) => value.ToString(value.TotalDays >= 1 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
