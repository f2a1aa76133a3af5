using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Testing;
using Mfa.Testing.Logging;
using Mfa.Totp.Codes;
using Mfa.Totp.CounterBased;
using Mfa.Totp.Encoding;
using Mfa.Totp.KeyUri;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Totp.Tests.CounterBased;

[TestFixture]
public sealed class HotpFactorTests
{
    private const int RaceWidth = 32;
    private static readonly MfaUser s_alice = new("alice-id", "Alice");
    private static readonly byte[] s_rfcSecret = "12345678901234567890"u8.ToArray();

    private FakeTimeProvider _time = null!;
    private CapturingLoggerProvider _logs = null!;
    private ServiceProvider _provider = null!;

    private IMfaService Service => _provider.GetRequiredService<IMfaService>();

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 10, TimeSpan.Zero));
        _logs = new CapturingLoggerProvider();
        _provider = Build();
    }

    [TearDown]
    public void TearDown()
    {
        _provider.Dispose();
        _logs.Dispose();
    }

    private ServiceProvider Build(Action<HotpOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddMfa(o =>
        {
            o.SecretKey = TestKeys.SecretKey;
            o.ThrottleMaxFailures = 1000;
            o.HardLockThreshold = 100;
        }).UseInMemoryStores().AddHotp(configure);
        return services.BuildServiceProvider();
    }

    private static string Code(byte[] secret, long counter, int digits = 6, TotpAlgorithm algorithm = TotpAlgorithm.Sha1) =>
        Hotp.Format(Hotp.ComputeCode(secret, counter, algorithm, digits), digits);

    /// <summary>Enrolls a new soft token with the code of counter 0.</summary>
    private async Task<(string AuthenticatorId, byte[] Secret)> EnrollAsync()
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice.JustVerified(_time), new HotpEnrollmentRequest { Name = "Token" });
        Assert.That(begun.Succeeded, Is.True, begun.Message);
        Assert.That(Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _), Is.True);
        var completed = await Service.CompleteEnrollmentAsync(s_alice.JustVerified(_time), begun.EnrollmentId!, new HotpEnrollmentResponse(Code(secret!, 0)));
        Assert.That(completed.Succeeded, Is.True, completed.Message);
        return (completed.Authenticator!.Id, secret!);
    }

    private async Task<string> ImportAsync(long counter)
    {
        var imported = await Service.ImportAuthenticatorAsync(s_alice.JustVerified(_time), new HotpImport(s_rfcSecret, counter) { Name = "Bank token" });
        Assert.That(imported.Succeeded, Is.True, imported.Message);
        return imported.Authenticator!.Id;
    }

    private async Task<MfaVerificationResult> SignInAsync(string code)
    {
        var challenge = await Service.BeginChallengeAsync(s_alice, new ChallengeRequest(FactorKinds.Hotp, MfaPurpose.SignIn));
        Assert.That(challenge.Succeeded, Is.True, challenge.Message);
        return await Service.CompleteChallengeAsync(s_alice, challenge.ChallengeId!, MfaPurpose.SignIn, new HotpChallengeResponse(code));
    }

    private async Task<MfaVerificationResult> ResynchronizeAsync(string first, string second)
    {
        var challenge = await Service.BeginChallengeAsync(s_alice, new HotpResynchronizationRequest(MfaPurpose.SignIn));
        Assert.That(challenge.Succeeded, Is.True, challenge.Message);
        return await Service.CompleteChallengeAsync(s_alice, challenge.ChallengeId!, MfaPurpose.SignIn, new HotpResynchronizationResponse(first, second));
    }

    private async Task<long?> LastCounterAsync(string authenticatorId) =>
        await _provider.GetRequiredService<IReplayGuardStore>().GetLastStepAsync(authenticatorId);

    // --- enrollment ------------------------------------------------------------------------------------------------

    [Test]
    public async Task BeginEnrollmentAsync_NewSecret_PromptsAnHotpUriAtCounterZero()
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice.JustVerified(_time), new HotpEnrollmentRequest());

        var prompt = begun.Prompt!;
        Assert.That(OtpAuthUri.TryParse(prompt.Uri, out var uri, out _), Is.True);
        Assert.That(Base32.TryDecode(prompt.SecretBase32, out var secret, out _), Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(uri!.Type, Is.EqualTo("hotp"));
            Assert.That(uri.Counter, Is.Zero);
            Assert.That(prompt.Counter, Is.Zero);
            Assert.That(uri.GetSecret(), Is.EqualTo(secret));
            Assert.That(secret, Has.Length.EqualTo(20));
            Assert.That(uri.Issuer, Is.EqualTo("Mfa.Sdk"));
            Assert.That(prompt.ToString(), Does.Not.Contain(prompt.SecretBase32));
        }
    }

    [Test]
    public async Task CompleteEnrollmentAsync_FirstCode_RecordsItsCounterAsUsed()
    {
        var (id, secret) = await EnrollAsync();

        Assert.That(await LastCounterAsync(id), Is.Zero);
        var replay = await SignInAsync(Code(secret, 0));
        Assert.That(replay.FailureReason, Is.EqualTo(MfaFailureReason.Replayed));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_CodeAFewCountersAhead_RecordsThatCounter()
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice.JustVerified(_time), new HotpEnrollmentRequest());
        Assert.That(Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _), Is.True);

        var completed = await Service.CompleteEnrollmentAsync(s_alice.JustVerified(_time), begun.EnrollmentId!, new HotpEnrollmentResponse(Code(secret!, 3)));

        Assert.That(completed.Succeeded, Is.True, completed.Message);
        Assert.That(await LastCounterAsync(completed.Authenticator!.Id), Is.EqualTo(3));
    }

    [Test]
    public async Task BeginEnrollmentAsync_ImportUriWithCounter_StartsAtThatCounter()
    {
        var uri = OtpAuthUri.ForHotp(s_rfcSecret, "Bank", "alice", TotpAlgorithm.Sha1, 6, 7).ToUriString();
        var begun = await Service.BeginEnrollmentAsync(s_alice.JustVerified(_time), new HotpEnrollmentRequest { ImportUri = uri });
        Assert.That(begun.Prompt!.Counter, Is.EqualTo(7));

        var early = await Service.CompleteEnrollmentAsync(s_alice.JustVerified(_time), begun.EnrollmentId!, new HotpEnrollmentResponse(Code(s_rfcSecret, 6)));
        var completed = await Service.CompleteEnrollmentAsync(s_alice.JustVerified(_time), begun.EnrollmentId!, new HotpEnrollmentResponse(Code(s_rfcSecret, 7)));

        Assert.That(early.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
        Assert.That(completed.Succeeded, Is.True, completed.Message);
        Assert.That((await SignInAsync(Code(s_rfcSecret, 8))).Succeeded, Is.True);
    }

    [TestCase("otpauth://totp/Bank:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", MfaFailureReason.MalformedInput)]
    [TestCase("otpauth://hotp/Bank:alice?secret=GEZDGNBVGY3TQOJQ", MfaFailureReason.MalformedInput)]
    [TestCase("otpauth://hotp/Bank:alice?secret=GEZDGNBVGY3TQOJQ&counter=0", MfaFailureReason.PolicyViolation)]
    [TestCase("otpauth://hotp/Bank:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=9223372036854775807", MfaFailureReason.PolicyViolation)]
    [TestCase("otpauth://hotp/Bank:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=-1", MfaFailureReason.MalformedInput)]
    public async Task BeginEnrollmentAsync_UnacceptableImportUri_FailsTyped(string uri, MfaFailureReason reason)
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice.JustVerified(_time), new HotpEnrollmentRequest { ImportUri = uri });

        Assert.That(begun.FailureReason, Is.EqualTo(reason), begun.Message);
    }

    // --- challenges --------------------------------------------------------------------------------------------------

    [Test]
    public async Task CompleteChallengeAsync_NextCode_SucceedsAndAdvancesTheCounter()
    {
        var (id, secret) = await EnrollAsync();

        var result = await SignInAsync(Code(secret, 1));

        Assert.That(result.Succeeded, Is.True, result.Message);
        var details = (HotpVerificationDetails)result.Details!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(details.Counter, Is.EqualTo(1));
            Assert.That(details.Skipped, Is.Zero);
            Assert.That(details.Resynchronized, Is.False);
            Assert.That(await LastCounterAsync(id), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task CompleteChallengeAsync_SameCodeTwice_SecondIsReplayed()
    {
        var (_, secret) = await EnrollAsync();
        await SignInAsync(Code(secret, 1));

        var second = await SignInAsync(Code(secret, 1));

        Assert.That(second.FailureReason, Is.EqualTo(MfaFailureReason.Replayed));
    }

    [Test]
    public async Task CompleteChallengeAsync_CodeAtTheEndOfTheLookAhead_SucceedsAndEarlierCodesAreRefused()
    {
        var (id, secret) = await EnrollAsync();

        var ahead = await SignInAsync(Code(secret, 11));
        var skipped = await SignInAsync(Code(secret, 5));
        var next = await SignInAsync(Code(secret, 12));

        Assert.That(ahead.Succeeded, Is.True, ahead.Message);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((HotpVerificationDetails)ahead.Details!).Skipped, Is.EqualTo(10));
            Assert.That(skipped.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
            Assert.That(next.Succeeded, Is.True, next.Message);
            Assert.That(await LastCounterAsync(id), Is.EqualTo(12));
        }
    }

    [Test]
    public async Task CompleteChallengeAsync_CodePastTheLookAhead_FailsInvalidCodeAndMovesNothing()
    {
        var (id, secret) = await EnrollAsync();

        var result = await SignInAsync(Code(secret, 12));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
        Assert.That(await LastCounterAsync(id), Is.Zero);
    }

    [Test]
    public async Task CompleteChallengeAsync_LookAheadConfigured_IsHonoured()
    {
        _provider.Dispose();
        _provider = Build(o => o.LookAhead = 2);
        var (_, secret) = await EnrollAsync();

        var past = await SignInAsync(Code(secret, 4));
        var within = await SignInAsync(Code(secret, 3));

        Assert.That(past.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
        Assert.That(within.Succeeded, Is.True, within.Message);
    }

    [Test]
    public async Task CompleteChallengeAsync_ShortCode_FailsMalformedInput()
    {
        await EnrollAsync();

        var result = await SignInAsync("12345");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteChallengeAsync_SecondTokensCode_SignsInWithThatToken()
    {
        await EnrollAsync();
        var imported = await ImportAsync(counter: 40);

        var result = await SignInAsync(Code(s_rfcSecret, 41));

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.AuthenticatorId, Is.EqualTo(imported));
    }

    [Test]
    public async Task CompleteChallengeAsync_SameCodeRacing32Ways_ExactlyOneSucceeds()
    {
        var (id, secret) = await EnrollAsync();
        var code = Code(secret, 1);
        var challenges = new List<string>();
        for (var i = 0; i < RaceWidth; i++)
        {
            challenges.Add((await Service.BeginChallengeAsync(s_alice, new ChallengeRequest(FactorKinds.Hotp, MfaPurpose.SignIn))).ChallengeId!);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = challenges.Select(c => Task.Run(async () =>
        {
            await start.Task;
            return await Service.CompleteChallengeAsync(s_alice, c, MfaPurpose.SignIn, new HotpChallengeResponse(code));
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(results.Where(r => !r.Succeeded).Select(r => r.FailureReason), Is.All.EqualTo(MfaFailureReason.Replayed));
        Assert.That(await LastCounterAsync(id), Is.EqualTo(1));
    }

    // --- resynchronisation --------------------------------------------------------------------------------------------

    [Test]
    public async Task ResynchronizeAsync_TwoConsecutiveCodesFarAhead_SucceedsAndMovesTheCounter()
    {
        var (id, secret) = await EnrollAsync();
        Assert.That((await SignInAsync(Code(secret, 50))).FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));

        var result = await ResynchronizeAsync(Code(secret, 50), Code(secret, 51));

        Assert.That(result.Succeeded, Is.True, result.Message);
        var details = (HotpVerificationDetails)result.Details!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(details.Resynchronized, Is.True);
            Assert.That(details.Counter, Is.EqualTo(51));
            Assert.That(details.Skipped, Is.EqualTo(49));
            Assert.That(await LastCounterAsync(id), Is.EqualTo(51));
            Assert.That((await SignInAsync(Code(secret, 51))).FailureReason, Is.EqualTo(MfaFailureReason.Replayed));
            Assert.That((await SignInAsync(Code(secret, 52))).Succeeded, Is.True);
            Assert.That(_logs.Entries.Count(e => e.EventId.Id == HotpEventIds.Resynchronized), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task ResynchronizeAsync_CodesNotConsecutive_FailsAndMovesNothing()
    {
        var (id, secret) = await EnrollAsync();

        var result = await ResynchronizeAsync(Code(secret, 50), Code(secret, 52));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
        Assert.That(await LastCounterAsync(id), Is.Zero);
        Assert.That(_logs.Entries.Count(e => e.EventId.Id == HotpEventIds.ResynchronizationRefused), Is.EqualTo(1));
    }

    [Test]
    public async Task ResynchronizeAsync_PastTheResynchronizationWindow_Fails()
    {
        var (_, secret) = await EnrollAsync();

        var result = await ResynchronizeAsync(Code(secret, 102), Code(secret, 103));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public async Task ResynchronizeAsync_CodesAlreadyUsed_AreRefused()
    {
        var (_, secret) = await EnrollAsync();
        await SignInAsync(Code(secret, 1));
        await SignInAsync(Code(secret, 2));

        var result = await ResynchronizeAsync(Code(secret, 1), Code(secret, 2));

        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public async Task CompleteChallengeAsync_ResynchronizationResponseToACodeChallenge_FailsMalformedInput()
    {
        var (_, secret) = await EnrollAsync();
        var challenge = await Service.BeginChallengeAsync(s_alice, new ChallengeRequest(FactorKinds.Hotp, MfaPurpose.SignIn));

        var result = await Service.CompleteChallengeAsync(s_alice, challenge.ChallengeId!, MfaPurpose.SignIn, new HotpResynchronizationResponse(Code(secret, 1), Code(secret, 2)));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteChallengeAsync_SingleCodeToAResynchronization_FailsMalformedInput()
    {
        var (_, secret) = await EnrollAsync();
        var challenge = await Service.BeginChallengeAsync(s_alice, new HotpResynchronizationRequest(MfaPurpose.SignIn));

        var result = await Service.CompleteChallengeAsync(s_alice, challenge.ChallengeId!, MfaPurpose.SignIn, new HotpChallengeResponse(Code(secret, 1)));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    // --- hardware-token import --------------------------------------------------------------------------------------

    [Test]
    public async Task ImportAuthenticatorAsync_HardwareToken_SignsInFromItsCounter()
    {
        var id = await ImportAsync(counter: 5);

        var before = await SignInAsync(Code(s_rfcSecret, 4));
        var at = await SignInAsync(Code(s_rfcSecret, 5));

        Assert.That(before.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
        Assert.That(at.Succeeded, Is.True, at.Message);
        Assert.That(await LastCounterAsync(id), Is.EqualTo(5));
    }

    [Test]
    public async Task ImportAuthenticatorAsync_Rfc4226Token_AcceptsAppendixDCodesInOrder()
    {
        await ImportAsync(counter: 0);
        string[] appendixD = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];

        var results = new List<bool>();
        foreach (var code in appendixD)
        {
            results.Add((await SignInAsync(code)).Succeeded);
        }

        Assert.That(results, Is.All.True);
    }

    [TestCase(10, 0, 6, TotpAlgorithm.Sha1, MfaFailureReason.PolicyViolation, Description = "80-bit secret")]
    [TestCase(20, -1, 6, TotpAlgorithm.Sha1, MfaFailureReason.MalformedInput)]
    [TestCase(20, 0, 9, TotpAlgorithm.Sha1, MfaFailureReason.MalformedInput)]
    [TestCase(20, 0, 6, (TotpAlgorithm)7, MfaFailureReason.MalformedInput)]
    [TestCase(0, 0, 6, TotpAlgorithm.Sha1, MfaFailureReason.MalformedInput)]
    [TestCase(65, 0, 6, TotpAlgorithm.Sha1, MfaFailureReason.MalformedInput)]
    public async Task ImportAuthenticatorAsync_OutOfRangeOrPolicy_FailsTypedAndStoresNothing(int secretBytes, long counter, int digits, TotpAlgorithm algorithm, MfaFailureReason reason)
    {
        var imported = await Service.ImportAuthenticatorAsync(s_alice.JustVerified(_time), new HotpImport(new byte[secretBytes], counter) { Digits = digits, Algorithm = algorithm });

        Assert.That(imported.FailureReason, Is.EqualTo(reason), imported.Message);
        Assert.That(await Service.ListAuthenticatorsAsync(s_alice.Id), Is.Empty);
    }

    [Test]
    public async Task ImportAuthenticatorAsync_AlgorithmNotAllowed_FailsPolicyViolation()
    {
        _provider.Dispose();
        _provider = Build(o => o.AllowedAlgorithms.Remove(TotpAlgorithm.Sha1));

        var imported = await Service.ImportAuthenticatorAsync(s_alice.JustVerified(_time), new HotpImport(s_rfcSecret, 0));

        Assert.That(imported.FailureReason, Is.EqualTo(MfaFailureReason.PolicyViolation));
    }

    [Test]
    public void HotpImport_ToString_HidesTheSecret()
    {
        var import = new HotpImport(s_rfcSecret, 3) { Name = "Bank" };

        Assert.That(import.ToString(), Does.Not.Contain("1234567890").And.Not.Contain(Base32.Encode(s_rfcSecret)));
    }

    // --- options -----------------------------------------------------------------------------------------------------

    [TestCase(-1, 100)]
    [TestCase(101, 1000)]
    [TestCase(10, 9)]
    [TestCase(10, 1001)]
    public void Options_OutOfRangeWindows_FailValidation(int lookAhead, int resynchronizationWindow)
    {
        using var provider = Build(o =>
        {
            o.LookAhead = lookAhead;
            o.ResynchronizationWindow = resynchronizationWindow;
        });

        Assert.That(() => provider.GetRequiredService<IOptions<HotpOptions>>().Value, Throws.InstanceOf<OptionsValidationException>());
    }

    [Test]
    public void AddHotp_WithTotp_RegistersBothFactors()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores().AddTotp().AddHotp().AddHotp();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetServices<IFactor>().Select(f => f.Kind), Is.EquivalentTo(new[] { FactorKinds.Totp, FactorKinds.Hotp }));
    }
}
