using System.Security.Cryptography;
using System.Text;
using Foundry.Training.FineTuning;
using Moq;

namespace Foundry.Training.Tests.FineTuning.Webhooks;

/// <summary>
/// <see cref="WebhookVerifier"/> against signatures computed without the code under test: the vectors below were
/// computed once with Python's hmac, hashlib and base64 (the snippet is next to them), and the first is Standard
/// Webhooks' published test vector. <see cref="Sign"/> signs further cases with .NET's HMACSHA256 directly; it is
/// checked against those vectors first.
/// </summary>
public sealed class WebhookVerifierTests
{
    // Python 3, run once:
    //   import base64, hashlib, hmac
    //   def sign(secret, msg_id, ts, body: bytes):
    //       key = base64.b64decode(secret.removeprefix("whsec_"))
    //       return "v1," + base64.b64encode(hmac.new(key, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()

    // Standard Webhooks' published vector (https://github.com/standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts,
    // "sign function works"); sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, b'{"test": 2432232314}').
    private const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string StandardId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long StandardTimestamp = 1614265330;
    private const string StandardBody = """{"test": 2432232314}""";
    private const string StandardSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    // secret = "whsec_" + base64.b64encode(bytes(range(32))).decode(); sign(secret, EventId, EventTimestamp, EventBody.encode())
    private const string Secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private const string EventId = "wh_685342e6c53c8190a1be43f081506c52";
    private const long EventTimestamp = 1750287078;
    private const string EventBody = """{"id":"evt_685343a1381c819085d44c354e1b330e","object":"event","created_at":1750287018,"type":"fine_tuning.job.succeeded","data":{"id":"ftjob-abc123"}}""";
    private const string EventSignature = "v1,x2KCabHOUjl6vFFCacJ0v530wXMLBwyWbORMbaQ6l28=";

    // sign(Secret, "wh_unicode", EventTimestamp, UnicodeBody.encode()): pretty-printed, non-ASCII UTF-8, a trailing newline.
    private const string UnicodeBody = "{\n  \"id\": \"evt_ünïcødé\",\n  \"type\": \"fine_tuning.job.failed\",\n  \"created_at\": 1750287018,\n  \"data\": { \"id\": \"ftjob-😀\" }\n}\n";
    private const string UnicodeSignature = "v1,QAKW26hrpjOLjPJLuGziQ3xUCNiR9g7453LAmCBVl4c=";

    private static readonly string s_otherSecret = "whsec_" + Convert.ToBase64String(Enumerable.Range(100, 32).Select(b => (byte)b).ToArray());

    [Fact]
    public void TheTestSigner_ReproducesThePythonVectors()
    {
        Sign(StandardSecret, StandardId, StandardTimestamp, StandardBody).Should().Be(StandardSignature);
        Sign(Secret, EventId, EventTimestamp, EventBody).Should().Be(EventSignature);
        Sign(Secret, "wh_unicode", EventTimestamp, UnicodeBody).Should().Be(UnicodeSignature);
    }

    [Theory]
    [InlineData(StandardSecret)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")] // the whsec_ prefix is optional, as in the Standard Webhooks libraries
    public void StandardWebhooksPublishedVector_Verifies(string secret)
    {
        var verifier = new WebhookVerifier(secret, timeProvider: At(StandardTimestamp));

        verifier.Invoking(v => v.Verify(Headers(StandardId, StandardTimestamp, StandardSignature), BinaryData.FromString(StandardBody))).Should().NotThrow();
    }

    [Fact]
    public void FineTuningEvent_UnwrapsToItsTypedEvent()
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));

        FineTuningWebhookEvent webhookEvent = verifier.Unwrap(Headers(EventId, EventTimestamp, EventSignature), BinaryData.FromString(EventBody));

        FineTuningJobSucceededEvent succeeded = webhookEvent.Should().BeOfType<FineTuningJobSucceededEvent>().Subject;
        succeeded.Id.Should().Be("evt_685343a1381c819085d44c354e1b330e");
        succeeded.Type.Should().Be(FineTuningWebhookEventType.FineTuningJobSucceeded);
        succeeded.Object.Should().Be(TypeDiscriminator.Event);
        succeeded.CreatedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1750287018));
        succeeded.JobId.Should().Be("ftjob-abc123");
        succeeded.Data!.Id.Should().Be("ftjob-abc123");
        succeeded.AdditionalProperties.Should().BeEmpty();
    }

    [Fact]
    public void BodyBytes_AreHashedAsReceived_NonAsciiWhitespaceAndAll()
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));

        FineTuningWebhookEvent webhookEvent = verifier.Unwrap(Headers("wh_unicode", EventTimestamp, UnicodeSignature), BinaryData.FromBytes(Encoding.UTF8.GetBytes(UnicodeBody)));

        webhookEvent.Should().BeOfType<FineTuningJobFailedEvent>().Which.JobId.Should().Be("ftjob-😀");
        webhookEvent.Id.Should().Be("evt_ünïcødé");
    }

    [Fact]
    public void BodyFromASlice_IsHashedWithoutCopyingTheRest()
    {
        // A body that is a window on a larger buffer (as a pooled request buffer would be) hashes only its own bytes.
        byte[] buffer = Encoding.UTF8.GetBytes("XXXX" + EventBody + "YYYY");
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));

        verifier.Unwrap(Headers(EventId, EventTimestamp, EventSignature), new BinaryData(new ReadOnlyMemory<byte>(buffer, 4, buffer.Length - 8)))
            .Should().BeOfType<FineTuningJobSucceededEvent>();
    }

    public static TheoryData<string, string> TamperedBodies => new()
    {
        { "a changed job id", EventBody.Replace("ftjob-abc123", "ftjob-abc124", StringComparison.Ordinal) },
        { "a changed type", EventBody.Replace("succeeded", "cancelled", StringComparison.Ordinal) },
        { "a trailing newline", EventBody + "\n" },
        { "re-serialized with spaces", EventBody.Replace(",", ", ", StringComparison.Ordinal) },
        { "empty", string.Empty },
    };

    [Theory]
    [MemberData(nameof(TamperedBodies))]
    public void TamperedBody_IsRejected(string change, string body)
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));

        verifier.Invoking(v => v.Unwrap(Headers(EventId, EventTimestamp, EventSignature), BinaryData.FromString(body)))
            .Should().Throw<WebhookVerificationException>(change).WithMessage("No signature in the webhook-signature header matches the request*");
    }

    [Fact]
    public void ChangedIdOrTimestampHeader_IsRejected_BothAreSigned()
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));

        verifier.Invoking(v => v.Verify(Headers("wh_another", EventTimestamp, EventSignature), BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage("No signature*matches*");
        verifier.Invoking(v => v.Verify(Headers(EventId, EventTimestamp + 1, EventSignature), BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage("No signature*matches*");
    }

    [Fact]
    public void WrongSecret_IsRejected()
    {
        var verifier = new WebhookVerifier(s_otherSecret, timeProvider: At(EventTimestamp));

        verifier.Invoking(v => v.Unwrap(Headers(EventId, EventTimestamp, EventSignature), BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage("*not signed with this secret*");
    }

    [Theory]
    [InlineData(300, true)]     // exactly the tolerance: accepted
    [InlineData(301, false)]    // a second older: a replay or a late delivery
    [InlineData(-300, true)]
    [InlineData(-301, false)]   // a second further in the future than the tolerance: a clock out of sync
    [InlineData(86_400 * 365, false)]
    public void Timestamp_MustBeWithinFiveMinutesOfNow_EitherWay(long nowMinusSigned, bool accepted)
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp + nowMinusSigned));

        Action verify = () => verifier.Verify(Headers(EventId, EventTimestamp, EventSignature), BinaryData.FromString(EventBody));

        verifier.Tolerance.Should().Be(TimeSpan.FromMinutes(5)).And.Be(WebhookVerifier.DefaultTolerance);
        if (accepted)
        {
            verify.Should().NotThrow();
        }
        else
        {
            verify.Should().Throw<WebhookVerificationException>()
                .WithMessage(nowMinusSigned > 0 ? "The webhook was signed at 2025-06-18T22:51:18Z, * ago, longer than the 00:05:00 tolerance*" : "*in the future, more than the 00:05:00 tolerance*");
        }
    }

    [Fact]
    public void Tolerance_CanBeChanged()
    {
        var strict = new WebhookVerifier(Secret, TimeSpan.FromSeconds(30), At(EventTimestamp + 31));
        var lenient = new WebhookVerifier(Secret, TimeSpan.FromHours(1), At(EventTimestamp + 3599));

        strict.Invoking(v => v.Verify(Headers(EventId, EventTimestamp, EventSignature), BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage("*00:00:31 ago, longer than the 00:00:30 tolerance*");
        lenient.Invoking(v => v.Verify(Headers(EventId, EventTimestamp, EventSignature), BinaryData.FromString(EventBody))).Should().NotThrow();
    }

    [Theory]
    [InlineData(WebhookVerifier.IdHeaderName)]
    [InlineData(WebhookVerifier.TimestampHeaderName)]
    [InlineData(WebhookVerifier.SignatureHeaderName)]
    public void MissingOrEmptyHeader_IsRejected_ByName(string name)
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));
        Dictionary<string, string> headers = Headers(EventId, EventTimestamp, EventSignature);

        headers.Remove(name);
        verifier.Invoking(v => v.Unwrap(headers, BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage($"The {name} header is missing or empty*");

        headers[name] = "  ";
        verifier.Invoking(v => v.Unwrap(headers, BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage($"The {name} header is missing or empty*");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1750287078")]
    [InlineData("+1750287078")]
    [InlineData("1750287078.0")]
    [InlineData("1.750287078e9")]
    [InlineData("0x6852E4E6")]
    [InlineData("1 750 287 078")]
    [InlineData("99999999999999999999")]   // beyond long
    [InlineData("253402300800")]           // beyond year 9999
    public void MalformedTimestamp_IsRejected(string timestamp)
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));
        Dictionary<string, string> headers = Headers(EventId, EventTimestamp, EventSignature);
        headers[WebhookVerifier.TimestampHeaderName] = timestamp;

        verifier.Invoking(v => v.Verify(headers, BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage("The webhook-timestamp header is not a unix time in whole seconds.");
    }

    [Fact]
    public void HeaderValues_AreTrimmed_AsHttpServersDo()
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));
        var headers = new Dictionary<string, string>
        {
            [WebhookVerifier.IdHeaderName] = " " + EventId + " ",
            [WebhookVerifier.TimestampHeaderName] = EventTimestamp + " ",
            [WebhookVerifier.SignatureHeaderName] = " " + EventSignature,
        };

        verifier.Invoking(v => v.Verify(headers, BinaryData.FromString(EventBody))).Should().NotThrow();
    }

    public static TheoryData<string> SignatureHeadersWithOneValid => new()
    {
        $"{EventSignature} v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
        $"v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= {EventSignature}",
        $"v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= {EventSignature} v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
        $"v1a,bm9wZQ==   {EventSignature}", // another scheme and repeated spaces
        $"v1,not-base64!! v1, v1 ,, {EventSignature}", // junk before the valid one
        $"{Sign(s_otherSecret, EventId, EventTimestamp, EventBody)} {EventSignature}", // a rotated secret: the old one's signature first
        EventSignature.TrimEnd('='), // unpadded base64
    };

    [Theory]
    [MemberData(nameof(SignatureHeadersWithOneValid))]
    public void SeveralSignatures_OneValid_IsAccepted(string signatureHeader)
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));

        verifier.Unwrap(Headers(EventId, EventTimestamp, signatureHeader), BinaryData.FromString(EventBody)).Should().BeOfType<FineTuningJobSucceededEvent>();
    }

    [Fact]
    public void OtherSignatureVersions_AreIgnored_EvenWhenTheirValueMatches()
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));
        string value = EventSignature.Substring("v1,".Length);

        verifier.Invoking(v => v.Verify(Headers(EventId, EventTimestamp, $"v1a,{value} v2,{value} V1,{value} {value}"), BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage("The webhook-signature header has no v1 signature*");
        verifier.Invoking(v => v.Verify(Headers(EventId, EventTimestamp, $"v1a,{value} v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="), BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage("No signature*matches*");
    }

    [Theory]
    [InlineData("v1,")]
    [InlineData("v1,x2KCabHOUjl6vFFCacJ0v530wXMLBwyWbORMbaQ6l2")]          // truncated
    [InlineData("v1,x2KCabHOUjl6vFFCacJ0v530wXMLBwyWbORMbaQ6l28=x")]       // too long
    [InlineData("v1,x2KCabHOUjl6vFFCacJ0v530wXMLBwyWbORMbaQ6l2-=")]        // URL-safe alphabet
    [InlineData("v1,y2KCabHOUjl6vFFCacJ0v530wXMLBwyWbORMbaQ6l28=")]       // one bit off
    [InlineData("v1,eDJLQ2FiSE9Vamw2dkZGQ2FjSjB2NTMwd1hNTEJ3eVc=")]       // 32 bytes: the signature's own text, base64-encoded
    public void MalformedOrWrongSignature_IsRejected(string signature)
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));

        verifier.Invoking(v => v.Verify(Headers(EventId, EventTimestamp, signature), BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage("No signature*matches*");
    }

    [Fact]
    public void HeaderNames_AreMatchedInAnyCase()
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", "application/json"),
            new("Webhook-Id", EventId),
            new("WEBHOOK-TIMESTAMP", EventTimestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("webhook-Signature", EventSignature),
        };

        verifier.Unwrap(headers, BinaryData.FromString(EventBody)).Should().BeOfType<FineTuningJobSucceededEvent>();

        // A lookup (ASP.NET Core's request.Headers[name], say) gets the lower-case names the scheme defines.
        var asked = new List<string>();
        var lookup = new Dictionary<string, string>(headers.ToDictionary(h => h.Key, h => h.Value), StringComparer.OrdinalIgnoreCase);
        verifier.Unwrap(name => { asked.Add(name); return lookup.TryGetValue(name, out string? value) ? value : null; }, BinaryData.FromString(EventBody))
            .Should().BeOfType<FineTuningJobSucceededEvent>();
        asked.Should().BeEquivalentTo(WebhookVerifier.IdHeaderName, WebhookVerifier.TimestampHeaderName, WebhookVerifier.SignatureHeaderName);
    }

    [Fact]
    public void RepeatedHeader_IsRejected_RatherThanGuessingWhichOneCounts()
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));
        var headers = Headers(EventId, EventTimestamp, EventSignature).ToList();
        headers.Add(new("Webhook-Id", "wh_other"));

        verifier.Invoking(v => v.Verify(headers, BinaryData.FromString(EventBody)))
            .Should().Throw<WebhookVerificationException>().WithMessage("The webhook-id header appears more than once.");
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"event\"")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"fine_tuning.job.succeeded\"")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"fine_tuning.job.succeeded\",\"data\":[\"ftjob-1\"]}")]
    [InlineData("null")]
    public void SignedBodyThatIsNotAnEvent_IsRejected_Clearly(string body)
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));

        WebhookVerificationException thrown = verifier.Invoking(v => v.Unwrap(Headers(EventId, EventTimestamp, Sign(Secret, EventId, EventTimestamp, body)), BinaryData.FromString(body)))
            .Should().Throw<WebhookVerificationException>().WithMessage("The webhook is signed, but its body is not an event*").Which;
        if (body != "null")
        {
            thrown.InnerException.Should().BeOfType<System.Text.Json.JsonException>();
        }
    }

    [Fact]
    public void VerifyAlone_DoesNotReadTheBody()
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));
        const string NotJson = "<xml/>";

        verifier.Invoking(v => v.Verify(Headers(EventId, EventTimestamp, Sign(Secret, EventId, EventTimestamp, NotJson)), BinaryData.FromString(NotJson))).Should().NotThrow();
    }

    [Fact]
    public void AnEventOfAnotherType_IsKept_Whole()
    {
        const string Body = """{"id":"evt_b1","object":"event","created_at":1750287018,"type":"batch.completed","data":{"id":"batch_1","extra":[1]}}""";
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));

        FineTuningWebhookEvent webhookEvent = verifier.Unwrap(Headers(EventId, EventTimestamp, Sign(Secret, EventId, EventTimestamp, Body)), BinaryData.FromString(Body));

        webhookEvent.Should().BeOfType<UnknownFineTuningWebhookEvent>();
        webhookEvent.Type.Should().Be(new FineTuningWebhookEventType("batch.completed"));
        webhookEvent.Id.Should().Be("evt_b1");
        Infrastructure.JsonAssert.Equivalent(Body, FoundryTrainingSerializer.Serialize(webhookEvent));
    }

    [Fact]
    public void Secret_IsChecked_WhenTheVerifierIsCreated_WithoutShowingIt()
    {
        FluentActions.Invoking(() => new WebhookVerifier(null!)).Should().Throw<ArgumentNullException>().WithParameterName("secret");
        FluentActions.Invoking(() => new WebhookVerifier(string.Empty)).Should().Throw<ArgumentException>().WithParameterName("secret");
        FluentActions.Invoking(() => new WebhookVerifier("   ")).Should().Throw<ArgumentException>().WithParameterName("secret");

        const string NotBase64 = "whsec_th!s-is-n0t-base64";
        FluentActions.Invoking(() => new WebhookVerifier(NotBase64)).Should().Throw<ArgumentException>().WithParameterName("secret")
            .WithMessage("The webhook secret is not valid: after its 'whsec_' prefix it must be base64*")
            .Which.ToString().Should().NotContain("th!s-is-n0t-base64");

        // 12 bytes: below HMAC-SHA256's 128-bit minimum effective key length, as openai-node also refuses.
        const string Short = "whsec_c2hvcnQtc2VjcmV0";
        FluentActions.Invoking(() => new WebhookVerifier(Short)).Should().Throw<ArgumentException>().WithParameterName("secret")
            .WithMessage("The webhook secret decodes to 12 bytes; at least 16 are needed*")
            .Which.ToString().Should().NotContain("c2hvcnQtc2VjcmV0");

        FluentActions.Invoking(() => new WebhookVerifier(Secret, TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tolerance");
        FluentActions.Invoking(() => new WebhookVerifier(Secret, TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tolerance");
    }

    [Fact]
    public void NullArguments_AreNamed()
    {
        var verifier = new WebhookVerifier(Secret, timeProvider: At(EventTimestamp));
        BinaryData body = BinaryData.FromString(EventBody);

        verifier.Invoking(v => v.Unwrap((IEnumerable<KeyValuePair<string, string>>)null!, body)).Should().Throw<ArgumentNullException>().WithParameterName("headers");
        verifier.Invoking(v => v.Unwrap((Func<string, string?>)null!, body)).Should().Throw<ArgumentNullException>().WithParameterName("getHeader");
        verifier.Invoking(v => v.Verify(Headers(EventId, EventTimestamp, EventSignature), null!)).Should().Throw<ArgumentNullException>().WithParameterName("body");
        verifier.Invoking(v => v.Unwrap(Headers(EventId, EventTimestamp, EventSignature), null!)).Should().Throw<ArgumentNullException>().WithParameterName("body");
    }

    [Fact]
    public void NoFailure_ShowsTheSecretOrASignature()
    {
        var failures = new List<Exception>();
        void Collect(WebhookVerifier verifier, string signatureHeader, string body)
        {
            try
            {
                verifier.Unwrap(Headers(EventId, EventTimestamp, signatureHeader), BinaryData.FromString(body));
            }
            catch (WebhookVerificationException ex)
            {
                failures.Add(ex);
            }
        }

        Collect(new WebhookVerifier(s_otherSecret, timeProvider: At(EventTimestamp)), EventSignature, EventBody);
        Collect(new WebhookVerifier(Secret, timeProvider: At(EventTimestamp)), EventSignature, EventBody + " ");
        Collect(new WebhookVerifier(Secret, timeProvider: At(EventTimestamp + 3600)), EventSignature, EventBody);
        Collect(new WebhookVerifier(Secret, timeProvider: At(EventTimestamp)), "v1a," + EventSignature.Substring(3), EventBody);
        Collect(new WebhookVerifier(Secret, timeProvider: At(EventTimestamp)), Sign(Secret, EventId, EventTimestamp, "[1]"), "[1]");

        failures.Should().HaveCount(5);
        foreach (Exception failure in failures)
        {
            string text = failure.ToString();
            text.Should().NotContain(Secret.Substring("whsec_".Length)).And.NotContain(s_otherSecret.Substring("whsec_".Length));
            text.Should().NotContain(EventSignature.Substring(3)).And.NotContain(EventSignature.Substring(3, 20));
        }
    }

    [Fact]
    public void Verifier_CanBeMocked()
    {
        FineTuningJobSucceededEvent succeeded = FineTuningModelFactory.FineTuningJobSucceededEvent("evt_1", DateTimeOffset.FromUnixTimeSeconds(1750287018), "ftjob-1");
        var verifier = new Mock<WebhookVerifier>();
        verifier.Setup(v => v.Unwrap(It.IsAny<Func<string, string?>>(), It.IsAny<BinaryData>())).Returns(succeeded);

        verifier.Object.Unwrap(_ => null, BinaryData.FromString("{}")).Should().BeSameAs(succeeded);
    }

    /// <summary>Signs as the scheme says, with .NET's HMACSHA256 and nothing of the SDK.</summary>
    private static string Sign(string secret, string id, long timestamp, string body)
    {
        byte[] key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret.Substring(6) : secret);
        byte[] content = Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    private static Dictionary<string, string> Headers(string id, long timestamp, string signature) => new()
    {
        [WebhookVerifier.IdHeaderName] = id,
        [WebhookVerifier.TimestampHeaderName] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [WebhookVerifier.SignatureHeaderName] = signature,
    };

    private static FixedClock At(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
