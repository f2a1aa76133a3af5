using System.Net;
using System.Text;
using Mfa.Duo.AuthApi;
using Mfa.Duo.Http;
using Mfa.Duo.Jwt;
using Mfa.Duo.UniversalPrompt;

namespace Mfa.Duo.Tests.Http;

/// <summary>Every remote fault maps to a typed failure, never an exception (issue #12, Failure behaviour).</summary>
[TestFixture]
public sealed class TransportFailureTests
{
    private const string Secret = "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
    private const string ClientId = "DIXXXXXXXXXXXXXXXXXX";

    [Test]
    public async Task CheckAsync_MalformedJson_MalformedResponse()
    {
        await using var host = DuoTestHost.WithStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, "{\"stat\":\"OK\",")));
        Assert.That((await host.AuthApi.CheckAsync()).Failure, Is.EqualTo(DuoFailureKind.MalformedResponse));
    }

    [Test]
    public async Task CheckAsync_OkWithoutResponseTime_MalformedResponse()
    {
        await using var host = DuoTestHost.WithStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, "{\"stat\":\"OK\",\"response\":{}}")));
        Assert.That((await host.AuthApi.CheckAsync()).Failure, Is.EqualTo(DuoFailureKind.MalformedResponse));
    }

    [Test]
    public async Task CheckAsync_HtmlBody_WrongContentType()
    {
        await using var host = DuoTestHost.WithStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, "<html>captive portal</html>", "text/html")));
        Assert.That((await host.AuthApi.CheckAsync()).Failure, Is.EqualTo(DuoFailureKind.WrongContentType));
    }

    [Test]
    public async Task HealthCheckAsync_HtmlBody_RejectedNotUnreachable()
    {
        await using var host = DuoTestHost.WithStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, "<html/>", "text/html")));
        var health = await host.Universal.HealthCheckAsync();
        Assert.Multiple(() =>
        {
            Assert.That(health.Failure, Is.EqualTo(DuoFailureKind.WrongContentType));
            Assert.That(health.Status, Is.EqualTo(DuoHealthStatus.Rejected));
        });
    }

    [Test]
    public async Task CheckAsync_DeclaredLengthOverLimit_ResponseTooLarge()
    {
        var body = "{\"stat\":\"OK\",\"response\":{\"time\":1,\"pad\":\"" + new string('x', 2000) + "\"}}";
        await using var host = DuoTestHost.WithStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, body)), o => o.MaxResponseBytes = 1024);
        Assert.That((await host.AuthApi.CheckAsync()).Failure, Is.EqualTo(DuoFailureKind.ResponseTooLarge));
    }

    [Test]
    public async Task CheckAsync_UndeclaredLengthOverLimit_ResponseTooLargeWithoutReadingItAll()
    {
        var stream = new EndlessStream();
        await using var host = DuoTestHost.WithStub(
            new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(stream) { Headers = { ContentType = new("application/json") } },
            }),
            o => o.MaxResponseBytes = 1024);
        var result = await host.AuthApi.CheckAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(DuoFailureKind.ResponseTooLarge));
            Assert.That(stream.Served, Is.LessThan(64 * 1024));
        });
    }

    [TestCase(HttpStatusCode.InternalServerError, DuoFailureKind.ServerError)]
    [TestCase(HttpStatusCode.BadGateway, DuoFailureKind.ServerError)]
    [TestCase(HttpStatusCode.TooManyRequests, DuoFailureKind.RateLimited)]
    [TestCase(HttpStatusCode.Found, DuoFailureKind.Rejected)]
    public async Task CheckAsync_Status_MapsToFailure(HttpStatusCode status, DuoFailureKind expected)
    {
        await using var host = DuoTestHost.WithStub(new StubHandler(_ => new HttpResponseMessage(status)));
        Assert.That((await host.AuthApi.CheckAsync()).Failure, Is.EqualTo(expected));
    }

    [Test]
    public async Task CheckAsync_TransportThrows_Unreachable()
    {
        await using var host = DuoTestHost.WithStub(new StubHandler(_ => throw new HttpRequestException("no route")));
        Assert.That((await host.AuthApi.CheckAsync()).Failure, Is.EqualTo(DuoFailureKind.Unreachable));
    }

    [Test]
    public async Task CheckAsync_ServerErrorThenOk_RetriedAndSucceeds()
    {
        var calls = 0;
        var stub = new StubHandler(_ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : StubHandler.Json(HttpStatusCode.OK, "{\"stat\":\"OK\",\"response\":{\"time\":1700000000}}"));
        await using var host = DuoTestHost.WithStub(stub, o => o.MaxRetries = 2);
        var result = await host.AuthApi.CheckAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(stub.Calls, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task AuthAsync_ServerError_NeverRetried()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        await using var host = DuoTestHost.WithStub(stub, o => o.MaxRetries = 3);
        var result = await host.AuthApi.AuthAsync(new DuoAuthRequest { Username = "alice", Factor = DuoAuthFactor.Push, Async = true });
        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(DuoFailureKind.ServerError));
            Assert.That(stub.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task HealthCheckAsync_ServerErrorEveryTime_RetriedThenUnreachable()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        await using var host = DuoTestHost.WithStub(stub, o => o.MaxRetries = 2);
        var health = await host.Universal.HealthCheckAsync();
        Assert.Multiple(() =>
        {
            Assert.That(health.Status, Is.EqualTo(DuoHealthStatus.Unreachable));
            Assert.That(stub.Calls, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task CheckAsync_V5_SendsSignedXDuoDateAndJsonFreeGet()
    {
        HttpRequestMessage? seen = null;
        await using var host = DuoTestHost.WithStub(new StubHandler(r =>
        {
            seen = r;
            return StubHandler.Json(HttpStatusCode.OK, "{\"stat\":\"OK\",\"response\":{\"time\":1}}");
        }));
        await host.AuthApi.CheckAsync();
        Assert.Multiple(() =>
        {
            Assert.That(seen!.Headers.GetValues("X-Duo-Date").Single(), Is.EqualTo("Wed, 04 Mar 2026 05:06:07 -0000"));
            Assert.That(seen.Headers.Authorization!.Scheme, Is.EqualTo("Basic"));
            Assert.That(seen.RequestUri!.ToString(), Is.EqualTo("https://api-xxxxxxxx.duosecurity.com/auth/v2/check"));
        });
    }

    // Token endpoint: what Duo (or something pretending to be it) may send back.
    private static IEnumerable<TestCaseData> TokenAnswers()
    {
        var now = DuoTestHost.Start.ToUnixTimeSeconds();
        string Token(string claims, string secret = Secret) => DuoJwt.Sign(Encoding.UTF8.GetBytes(claims), secret);
        string Claims(long iat, long exp, string user = "alice", string result = "allow") =>
            $$$"""{"iss":"https://api-xxxxxxxx.duosecurity.com/oauth/v1/token","aud":"{{{ClientId}}}","iat":{{{iat}}},"exp":{{{exp}}},"preferred_username":"{{{user}}}","auth_result":{"result":"{{{result}}}"}}""";
        string Body(string token) => $$"""{"id_token":"{{token}}","access_token":"x","token_type":"Bearer","expires_in":300}""";
        var valid = Token(Claims(now, now + 300));
        var tampered = valid[..^4] + (valid[^4] == 'A' ? "B" : "A") + valid[^3..];
        yield return new TestCaseData(Body(valid), DuoFailureKind.None, DuoIdTokenFailure.None).SetName("Token_Valid_Succeeds");
        yield return new TestCaseData(Body(tampered), DuoFailureKind.InvalidIdToken, DuoIdTokenFailure.Signature).SetName("Token_Tampered_Signature");
        yield return new TestCaseData(Body(Token(Claims(now, now + 300), new string('b', 40))), DuoFailureKind.InvalidIdToken, DuoIdTokenFailure.Signature).SetName("Token_OtherKey_Signature");
        yield return new TestCaseData(Body(Token(Claims(now - 1000, now - 400))), DuoFailureKind.InvalidIdToken, DuoIdTokenFailure.Expired).SetName("Token_Expired_Expired");
        yield return new TestCaseData(Body(Token(Claims(now, now + 300, "bob"))), DuoFailureKind.InvalidIdToken, DuoIdTokenFailure.UsernameMismatch).SetName("Token_OtherUser_UsernameMismatch");
        yield return new TestCaseData(Body(Token(Claims(now, now + 300, "alice", "deny"))), DuoFailureKind.InvalidIdToken, DuoIdTokenFailure.Denied).SetName("Token_AuthResultDeny_Denied");
        yield return new TestCaseData(Body("not.a.jwt"), DuoFailureKind.InvalidIdToken, DuoIdTokenFailure.Malformed).SetName("Token_Garbage_Malformed");
        yield return new TestCaseData($$"""{"id_token":"{{valid}}","token_type":"MAC"}""", DuoFailureKind.MalformedResponse, DuoIdTokenFailure.None).SetName("Token_NotBearer_MalformedResponse");
        yield return new TestCaseData("""{"access_token":"x","token_type":"Bearer"}""", DuoFailureKind.MalformedResponse, DuoIdTokenFailure.None).SetName("Token_NoIdToken_MalformedResponse");
        yield return new TestCaseData("[1,2]", DuoFailureKind.MalformedResponse, DuoIdTokenFailure.None).SetName("Token_NotAnObject_MalformedResponse");
    }

    [TestCaseSource(nameof(TokenAnswers))]
    public async Task ExchangeCodeAsync_TokenAnswer_TypedOutcome(string body, DuoFailureKind failure, DuoIdTokenFailure idTokenFailure)
    {
        await using var host = DuoTestHost.WithStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, body)));
        var result = await host.Universal.ExchangeCodeAsync("code", null, "alice");
        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(failure));
            Assert.That(result.IdTokenFailure, Is.EqualTo(idTokenFailure));
            Assert.That(result.Succeeded, Is.EqualTo(failure == DuoFailureKind.None));
        });
    }

    /// <summary>A JSON-typed body that never ends.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, 512);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            Served += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
