using Mfa.Core;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Push.Challenges;
using Mfa.Push.Device;
using Mfa.Push.Enrollment;
using Mfa.Push.Factor;
using Mfa.Push.Keys;
using Mfa.Push.Transports.InProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Security.Cryptography;

namespace Mfa.RandomInput.Tests;

/// <summary>
/// Issue #9: the push factor's remote input through IMfaService (the device's enrollment token, its signed answer) and
/// the push package's public token readers, given seeded random input: only typed outcomes, nothing stored on failure.
/// </summary>
[TestFixture]
public sealed class PushRandomInputTests
{
    private static readonly MfaUser s_alice = new("alice", "Alice");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1767225600));
    private ECDsa _serverKey = null!;
    private ServiceProvider _provider = null!;
    private PushDevice _phone = null!;
    private IMfaService Mfa => _provider.GetRequiredService<IMfaService>();

    [SetUp]
    public async Task SetUp()
    {
        _serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey)
            .UseInMemoryStores()
            .AddPush(o =>
            {
                o.VerifierId = "https://login.example.com";
                o.IssuerLabel = "Contoso";
                o.ChallengeSigningKey = _serverKey;
                o.ChallengeSigningKeyId = "srv-test";
                o.AllowInProcessAddresses = true;
            })
            .AddInProcess(new InProcessPushTransport());
        services.Replace(ServiceDescriptor.Singleton<IAttemptCounterStore, UncountedAttempts>());
        _provider = services.BuildServiceProvider();
        _phone = PushDevice.Create(withUvKey: true, _time);
        var (enrollmentId, token, link) = await DeviceEnrollmentAsync(_phone);
        var response = new PushEnrollmentResponse(token);
        var completed = await Mfa.CompleteEnrollmentAsync(Verified, enrollmentId, response);
        Assert.That(completed.Succeeded, Is.True, completed.Message);
        Assert.That(_phone.CompleteEnrollment(link, response.DeviceResponseJson!), Is.EqualTo(PushDeviceError.None));
    }

    [TearDown]
    public void TearDown()
    {
        _phone.Dispose();
        _provider.Dispose();
        _serverKey.Dispose();
    }

    [Test]
    public Task CompleteEnrollmentAsync_RandomEnrollToken_OnlyTypedOutcomesAndNoStateChange() =>
        Outcomes.OnlyTypedAsync(9301, async (random, _) =>
        {
            var (enrollmentId, token, _) = await DeviceEnrollmentAsync(_phone);
            var mutated = random.Current = random.Chance(80) ? random.Mutate(token) : random.Text(256);
            var before = await StoreSnapshot.TakeAsync(_provider, s_alice.Id);
            var result = await Mfa.CompleteEnrollmentAsync(Verified, random.Chance(90) ? enrollmentId : random.Text(), new PushEnrollmentResponse(mutated));
            if (!result.Succeeded)
            {
                Assert.That(await StoreSnapshot.TakeAsync(_provider, s_alice.Id), Is.EqualTo(before));
            }
        }, cases: 400);

    [Test]
    public Task AnswerChallengeAsync_RandomResponseToken_OnlyTypedOutcomesAndNoStateChange() =>
        Outcomes.OnlyTypedAsync(9302, async (random, i) =>
        {
            var begun = await Mfa.BeginChallengeAsync(s_alice, new PushChallengeRequest(MfaPurpose.SignIn));
            Assert.That(begun.Succeeded, Is.True, begun.Message);
            var sample = random.Chance(50) ? _phone.CreateProof("POST", new Uri("https://login.example.com/mfa/push/answer")) : _phone.CreatePushAddressUpdate(DevicePushAddress.InProcess("inbox-" + i));
            var token = random.Current = random.Chance(80) ? random.Mutate(sample) : random.Text(256);
            var before = await StoreSnapshot.TakeAsync(_provider, s_alice.Id);
            var answered = await Mfa.AnswerChallengeAsync(random.Chance(90) ? begun.ChallengeId! : random.Text(), new PushChallengeAnswer(token));
            var polled = await Mfa.CompleteChallengeAsync(s_alice, begun.ChallengeId!, MfaPurpose.SignIn, PushPollResponse.Instance);
            Assert.That(answered.Succeeded || polled.Succeeded, Is.False, "a random token was accepted");
            Assert.That(await StoreSnapshot.TakeAsync(_provider, s_alice.Id), Is.EqualTo(before));
        }, cases: 400);

    [Test]
    public void TokenReaders_RandomText_OnlyTypedOutcomes()
    {
        var samples = new[] { _phone.CreateProof("GET", new Uri("https://login.example.com/x")), _phone.CreatePushAddressUpdate(DevicePushAddress.InProcess("x")) };
        Outcomes.OnlyTyped(9303, (random, n) =>
        {
            var text = random.Current = random.Any(samples);
            _ = PushEnrollmentResponse.TryReadEnrollmentId(text, out _);
            _ = PushEnrollment.TryReadEnrollmentId(text, out _);
            _ = PushRequestProofVerifier.TryReadCredentialId(text, out _);
            _ = PushAddressUpdateVerifier.TryReadCredentialId(text, out _);
            _ = PushPublicKey.TryParseJwk(random.Any("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}"), out _);
        });
    }

    /// <summary>Alice with a fresh proof: a second factor's enrollment needs one.</summary>
    private MfaUser Verified => s_alice with { LastVerifiedAt = _time.GetUtcNow() };

    private async Task<(string EnrollmentId, string Token, PushEnrollmentLink Link)> DeviceEnrollmentAsync(PushDevice device)
    {
        var start = await Mfa.BeginEnrollmentAsync(Verified, new PushEnrollmentRequest { AccountLabel = "alice@example.com" });
        Assert.That(PushEnrollmentLink.TryParse(start.Prompt!.EnrollmentUri, out var link, out _), Is.True);
        var token = device.CreateEnrollmentRequest(link!, new PushDeviceInfo("android", "Test phone", "1.0", "16"), DevicePushAddress.InProcess("phone"));
        return (start.EnrollmentId!, token, link!);
    }
}
