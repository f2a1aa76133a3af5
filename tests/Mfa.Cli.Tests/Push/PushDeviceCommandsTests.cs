using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mfa.Cli.Push;
using Mfa.Push;
using Mfa.Push.Challenges;
using Mfa.Push.Enrollment;
using Mfa.Push.Responses;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Cli.Tests.Push;

/// <summary>The phone simulator against an in-memory verifier serving the device endpoints over HTTP.</summary>
[TestFixture]
public sealed class PushDeviceCommandsTests
{
    private const long Now = 1767225600;
    private string _dir = null!;
    private FakeVerifier _verifier = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("mfa-push-cli").FullName;
        _verifier = new FakeVerifier();
    }

    [TearDown]
    public void TearDown()
    {
        _verifier.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Keys => Path.Combine(_dir, "device.json");

    private async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PushDeviceCommands.RunAsync([.. args, "--now", Now.ToString(System.Globalization.CultureInfo.InvariantCulture)], output, error, _verifier);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    [Test]
    public async Task EnrollPullAnswer_OverHttp_ApprovesTheChallenge()
    {
        var enroll = await RunAsync("enroll", "--url", _verifier.BeginEnrollment(), "--keys", Keys, "--push", "fcm:token-1");
        Assert.That(enroll.ExitCode, Is.Zero, enroll.Out + enroll.Error);
        Assert.That(enroll.Json["credentialId"]!.GetValue<string>(), Is.EqualTo(_verifier.Credential!.CredentialId));
        Assert.That(File.ReadAllText(Keys), Does.Contain("\"d\""));

        var challenge = _verifier.CreateChallenge();
        var pull = await RunAsync("pull", "--keys", Keys);
        Assert.That(pull.ExitCode, Is.Zero, pull.Out + pull.Error);
        var pulled = pull.Json["challenges"]!.AsArray();
        Assert.That(pulled, Has.Count.EqualTo(1));
        Assert.That(pulled[0]!["numberMode"]!.GetValue<string>(), Is.EqualTo("enter"));
        var file = Path.Combine(_dir, "challenge.jws");
        await File.WriteAllTextAsync(file, pulled[0]!["token"]!.GetValue<string>());

        var answer = await RunAsync("answer", "--challenge", file, "--approve", "--number", challenge.DisplayNumber!, "--keys", Keys, "--send");
        Assert.That(answer.ExitCode, Is.Zero, answer.Out + answer.Error);
        Assert.That(answer.Json["server"]!["status"]!.GetValue<string>(), Is.EqualTo("approved"));
        Assert.That(_verifier.Answer!.Status, Is.EqualTo(PushChallengeStatus.Approved));
    }

    [TestCase("--deny", PushChallengeStatus.Denied)]
    [TestCase("--fraud", PushChallengeStatus.FraudReported)]
    public async Task Answer_DenyOrFraud_IsRecorded(string flag, PushChallengeStatus status)
    {
        await RunAsync("enroll", "--url", _verifier.BeginEnrollment(), "--keys", Keys);
        var challenge = _verifier.CreateChallenge();
        var file = Path.Combine(_dir, "challenge.json");
        await File.WriteAllTextAsync(file, PushDeviceApi.ChallengeJson(challenge.Targets[0].Token));
        var answer = await RunAsync("answer", "--challenge", file, flag, "--keys", Keys, "--send");
        Assert.That(answer.ExitCode, Is.Zero, answer.Out);
        Assert.That(_verifier.Answer!.Status, Is.EqualTo(status));
    }

    [Test]
    public async Task Answer_WrongNumber_IsRejectedByTheVerifier()
    {
        await RunAsync("enroll", "--url", _verifier.BeginEnrollment(), "--keys", Keys);
        var challenge = _verifier.CreateChallenge();
        var file = Path.Combine(_dir, "challenge.jws");
        await File.WriteAllTextAsync(file, challenge.Targets[0].Token);
        var wrong = challenge.DisplayNumber == "10" ? "11" : "10";
        var answer = await RunAsync("answer", "--challenge", file, "--approve", "--number", wrong, "--keys", Keys, "--send");
        Assert.That(answer.ExitCode, Is.EqualTo(1));
        Assert.That(answer.Json["server"]!["error"]!.GetValue<string>(), Is.EqualTo("number_mismatch"));
    }

    [Test]
    public async Task Answer_WithoutSend_PrintsTheSignedResponseOnly()
    {
        await RunAsync("enroll", "--url", _verifier.BeginEnrollment(), "--keys", Keys);
        var challenge = _verifier.CreateChallenge();
        var file = Path.Combine(_dir, "challenge.jws");
        await File.WriteAllTextAsync(file, challenge.Targets[0].Token);
        var answer = await RunAsync("answer", "--challenge", file, "--deny", "--reason", "cancelled", "--keys", Keys);
        Assert.That(answer.ExitCode, Is.Zero);
        Assert.That(answer.Json["response"]!.GetValue<string>().Split('.'), Has.Length.EqualTo(3));
        Assert.That(_verifier.Answer, Is.Null);
    }

    [Test]
    public async Task Answer_ApproveWithoutNumber_Exit1()
    {
        await RunAsync("enroll", "--url", _verifier.BeginEnrollment(), "--keys", Keys);
        var file = Path.Combine(_dir, "challenge.jws");
        await File.WriteAllTextAsync(file, _verifier.CreateChallenge().Targets[0].Token);
        var answer = await RunAsync("answer", "--challenge", file, "--approve", "--keys", Keys);
        Assert.That(answer.ExitCode, Is.EqualTo(1));
        Assert.That(answer.Json["failure"]!.GetValue<string>(), Is.EqualTo("NumberRequired"));
    }

    [Test]
    public async Task Enroll_OfflineThenResponseFile_EnrollsWithTheSameKeys()
    {
        var uri = _verifier.BeginEnrollment();
        var offline = await RunAsync("enroll", "--url", uri, "--keys", Keys, "--offline");
        Assert.That(offline.ExitCode, Is.Zero);
        var request = offline.Json["body"]!["enroll"]!.GetValue<string>();
        var response = Path.Combine(_dir, "response.json");
        await File.WriteAllTextAsync(response, _verifier.VerifyEnrollment(request));
        var done = await RunAsync("enroll", "--url", uri, "--keys", Keys, "--response", response);
        Assert.That(done.ExitCode, Is.Zero, done.Out);
        Assert.That(done.Json["credentialId"]!.GetValue<string>(), Is.EqualTo(_verifier.Credential!.CredentialId));
    }

    [TestCase("mfapush://enroll?v=1&url=http%3A%2F%2Fevil.example&eid=e&t=t&skh=K9G7DESol8MKeqCZHN442AYv5EHeUNoPRoJTRPYC6Cc", "Unsupported")]
    [TestCase("not-a-uri", "Malformed")]
    public async Task Enroll_BadUri_Exit1(string uri, string failure)
    {
        var run = await RunAsync("enroll", "--url", uri, "--keys", Keys);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Json["failure"]!.GetValue<string>(), Is.EqualTo(failure));
    }

    [Test]
    public async Task Answer_TwoActions_Exit2() =>
        Assert.That((await CliRun.RunAsync("push", "device", "answer", "--challenge", "x", "--approve", "--deny")).ExitCode, Is.EqualTo(2));

    [Test]
    public async Task Cli_PushDeviceGroup_IsRegistered()
    {
        var run = await CliRun.RunAsync("push", "device", "pull", "--keys", Keys);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("No key file"));
    }

    /// <summary>A verifier serving POST /enroll, GET /challenges[/cid] and POST /challenges/{cid}/response with Mfa.Push.</summary>
    private sealed class FakeVerifier : HttpMessageHandler
    {
        private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(Now));
        private readonly PushOptions _options;
        private PushEnrollmentState? _enrollment;
        private PushChallengeState? _challenge;

        public FakeVerifier() => _options = new PushOptions { VerifierId = "https://login.example.com", IssuerLabel = "Test", ChallengeSigningKey = _key, ChallengeSigningKeyId = "k1" };

        public PushDeviceCredential? Credential { get; private set; }

        public PushAnswer? Answer { get; private set; }

        public string BeginEnrollment()
        {
            var start = new PushEnrollment(_options, _time).Begin("alice");
            _enrollment = start.State;
            return start.Uri;
        }

        public string VerifyEnrollment(string token)
        {
            var result = new PushEnrollment(_options, _time).Verify(token, _enrollment!, 0);
            Assert.That(result.Succeeded, Is.True, result.Message);
            Credential = result.Credential;
            return result.ResponseJson!;
        }

        public PushChallengeState CreateChallenge()
        {
            _challenge = new PushChallengeIssuer(_options, _time).Create(null, [Credential!], new PushContext { Application = "Portal" }).State!;
            return _challenge;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
            if (request.Method == HttpMethod.Post && path == "/mfa/push/v1/enroll")
            {
                return Json(HttpStatusCode.Created, VerifyEnrollment(body!["enroll"]!.GetValue<string>()));
            }

            if (request.Method == HttpMethod.Get && path.StartsWith("/mfa/push/v1/challenges", StringComparison.Ordinal))
            {
                var proof = request.Headers.GetValues(PushRequestProofVerifier.HeaderName).Single();
                var verified = new PushRequestProofVerifier(_options, _time).Verify(proof, "GET", request.RequestUri, Credential!);
                if (!verified.Succeeded)
                {
                    return new HttpResponseMessage(HttpStatusCode.Unauthorized);
                }

                var token = _challenge is null ? null : PushDeviceApi.PendingToken(_challenge, Answer, Credential!.CredentialId, _time.GetUtcNow());
                return Json(HttpStatusCode.OK, PushDeviceApi.ChallengesJson(token is null ? [] : [token]));
            }

            if (request.Method == HttpMethod.Post && path == $"/mfa/push/v1/challenges/{_challenge?.ChallengeId}/response")
            {
                var result = new PushResponseVerifier(_options, _time).Verify(body!["response"]!.GetValue<string>(), _challenge!, [Credential!], Answer);
                if (result.Answer is not null && !result.IsRepeat)
                {
                    Answer = result.Answer;
                }

                return Json((HttpStatusCode)result.DeviceStatusCode, result.DeviceResponseJson);
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        protected override void Dispose(bool disposing)
        {
            _key.Dispose();
            base.Dispose(disposing);
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
