using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Testing;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Mfa.Totp.KeyUri;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Totp.Tests;

[TestFixture]
public sealed class TotpFactorTests
{
    private static readonly MfaUser s_alice = new("alice-id", "Alice");
    private static readonly MfaUser s_bob = new("bob-id", "Bob");

    private FakeTimeProvider _time = null!;
    private ServiceProvider _provider = null!;

    private IMfaService Service => _provider.GetRequiredService<IMfaService>();

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 10, TimeSpan.Zero));
        _provider = Build();
    }

    [TearDown]
    public void TearDown() => _provider.Dispose();

    private ServiceProvider Build(Action<TotpOptions>? configure = null, Action<MfaOptions>? configureMfa = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddMfa(o =>
        {
            o.SecretKey = TestKeys.SecretKey;
            o.ThrottleMaxFailures = 1000;
            configureMfa?.Invoke(o);
        }).UseInMemoryStores().AddTotp(configure);
        return services.BuildServiceProvider();
    }

    private async Task<(string AuthenticatorId, byte[] Secret)> EnrollAsync(MfaUser user)
    {
        // A further authenticator only for a user who just verified (a first one needs no proof).
        user = user.JustVerified(_time);
        var begun = await Service.BeginEnrollmentAsync(user, new TotpEnrollmentRequest { Name = "Phone" });
        Assert.That(begun.Succeeded, Is.True, begun.Message);
        var details = begun.Prompt!;
        Assert.That(Base32.TryDecode(details.SecretBase32, out var secret, out _), Is.True);
        var completed = await Service.CompleteEnrollmentAsync(user, begun.EnrollmentId!, new TotpEnrollmentResponse(TotpCode.Generate(secret!, _time.GetUtcNow(), TotpParameters.Default)));
        Assert.That(completed.Succeeded, Is.True, completed.Message);
        return (completed.Authenticator!.Id, secret!);
    }

    private async Task<MfaVerificationResult> SignInAsync(MfaUser user, string code, MfaPurpose? purpose = null)
    {
        var p = purpose ?? MfaPurpose.SignIn;
        var challenge = await Service.BeginChallengeAsync(user, new ChallengeRequest(FactorKinds.Totp, p));
        Assert.That(challenge.Succeeded, Is.True, challenge.Message);
        return await Service.CompleteChallengeAsync(user, challenge.ChallengeId!, p, new TotpChallengeResponse(code));
    }

    private string CodeNow(byte[] secret) => TotpCode.Generate(secret, _time.GetUtcNow(), TotpParameters.Default);

    [Test]
    public async Task BeginEnrollmentAsync_NewSecret_Is160BitsWithMatchingUri()
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest());
        var details = begun.Prompt!;
        Assert.That(OtpAuthUri.TryParse(details.Uri, out var uri, out _), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(Base32.TryDecode(details.SecretBase32, out var secret, out _), Is.True);
            Assert.That(secret, Has.Length.EqualTo(20));
            Assert.That(uri!.GetSecret(), Is.EqualTo(secret));
            Assert.That(uri.Issuer, Is.EqualTo("Mfa.Sdk"));
            Assert.That(uri.AccountName, Is.EqualTo("Alice"));
            Assert.That(details.GetQrPng(), Is.Not.Empty);
            Assert.That(details.ToString(), Does.Not.Contain(details.SecretBase32));
        });
    }

    [Test]
    public async Task BeginEnrollmentAsync_TwoUsers_GetDifferentSecrets()
    {
        var first = (await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest())).Prompt!;
        var second = (await Service.BeginEnrollmentAsync(s_bob, new TotpEnrollmentRequest())).Prompt!;
        Assert.That(first.SecretBase32, Is.Not.EqualTo(second.SecretBase32));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_ValidCode_AppearsInStatus()
    {
        var (id, _) = await EnrollAsync(s_alice);
        var status = await Service.GetStatusAsync(s_alice);
        Assert.Multiple(() =>
        {
            Assert.That(status.EnrolledFactors, Is.EqualTo(new[] { FactorKinds.Totp }));
            Assert.That(status.Authenticators.Single().Id, Is.EqualTo(id));
            Assert.That(status.Authenticators.Single().Name, Is.EqualTo("Phone"));
            Assert.That(status.State, Is.EqualTo(MfaUserState.Enrolled));
        });
    }

    [Test]
    public async Task CompleteEnrollmentAsync_WrongCode_FailsAndCanBeRetried()
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest());
        var details = begun.Prompt!;
        Base32.TryDecode(details.SecretBase32, out var secret, out _);
        var good = CodeNow(secret!);
        var wrong = good == "000000" ? "111111" : "000000";

        var first = await Service.CompleteEnrollmentAsync(s_alice, begun.EnrollmentId!, new TotpEnrollmentResponse(wrong));
        var second = await Service.CompleteEnrollmentAsync(s_alice, begun.EnrollmentId!, new TotpEnrollmentResponse(good));
        Assert.Multiple(() =>
        {
            Assert.That(first.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
            Assert.That(second.Succeeded, Is.True);
        });
    }

    [Test]
    public async Task CompleteEnrollmentAsync_MalformedCode_IsMalformedInput()
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest());
        var result = await Service.CompleteEnrollmentAsync(s_alice, begun.EnrollmentId!, new TotpEnrollmentResponse("12ab56"));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_Expired_Fails()
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest());
        Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _);
        _time.Advance(TimeSpan.FromMinutes(11));
        var result = await Service.CompleteEnrollmentAsync(s_alice, begun.EnrollmentId!, new TotpEnrollmentResponse(CodeNow(secret!)));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_TwiceWithValidCodes_SecondReturnsTheStoredAuthenticatorOnly()
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest());
        Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _);
        var first = await Service.CompleteEnrollmentAsync(s_alice, begun.EnrollmentId!, new TotpEnrollmentResponse(CodeNow(secret!)));
        var second = await Service.CompleteEnrollmentAsync(s_alice, begun.EnrollmentId!, new TotpEnrollmentResponse(CodeNow(secret!)));
        Assert.Multiple(async () =>
        {
            // Idempotent: a caller whose first reply was lost to a fault hears what is stored; nothing new is stored.
            Assert.That(second.Authenticator?.Id, Is.EqualTo(first.Authenticator!.Id));
            Assert.That(await Service.ListAuthenticatorsAsync(s_alice.Id), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task CompleteEnrollmentAsync_OtherUser_IsChallengeMismatch()
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest());
        Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _);
        var result = await Service.CompleteEnrollmentAsync(s_bob, begun.EnrollmentId!, new TotpEnrollmentResponse(CodeNow(secret!)));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
    }

    [Test]
    public async Task CompleteChallengeAsync_FirstEnrollmentCode_IsReplayed()
    {
        var (_, secret) = await EnrollAsync(s_alice);
        var result = await SignInAsync(s_alice, CodeNow(secret));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Replayed));
    }

    [Test]
    public async Task CompleteChallengeAsync_NextStepCode_SucceedsWithStepAndDrift()
    {
        var (id, secret) = await EnrollAsync(s_alice);
        _time.Advance(TimeSpan.FromSeconds(30));
        var result = await SignInAsync(s_alice, CodeNow(secret));
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.Message);
            Assert.That(result.AuthenticatorId, Is.EqualTo(id));
            Assert.That(result.Proves(s_alice.Id, MfaPurpose.SignIn), Is.True);
            var details = result.GetDetails<TotpVerificationDetails>()!;
            Assert.That(details.Drift, Is.Zero);
            Assert.That(details.TimeStep, Is.EqualTo(TotpParameters.Default.TimeStepAt(_time.GetUtcNow().ToUnixTimeSeconds())));
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_SameCodeTwice_SecondIsReplayed()
    {
        var (_, secret) = await EnrollAsync(s_alice);
        _time.Advance(TimeSpan.FromSeconds(30));
        var code = CodeNow(secret);
        var first = await SignInAsync(s_alice, code);
        var second = await SignInAsync(s_alice, code);
        Assert.Multiple(() =>
        {
            Assert.That(first.Succeeded, Is.True);
            Assert.That(second.FailureReason, Is.EqualTo(MfaFailureReason.Replayed));
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_OlderStepAfterNewerAccepted_IsReplayed()
    {
        var (_, secret) = await EnrollAsync(s_alice);
        _time.Advance(TimeSpan.FromSeconds(60));
        var older = TotpCode.Generate(secret, _time.GetUtcNow().AddSeconds(-30), TotpParameters.Default);
        Assert.That((await SignInAsync(s_alice, CodeNow(secret))).Succeeded, Is.True);
        Assert.That((await SignInAsync(s_alice, older)).FailureReason, Is.EqualTo(MfaFailureReason.Replayed));
    }

    [Test]
    public async Task CompleteChallengeAsync_ThirtyTwoConcurrentSameCode_ExactlyOneSucceeds()
    {
        var (_, secret) = await EnrollAsync(s_alice);
        _time.Advance(TimeSpan.FromSeconds(30));
        var code = CodeNow(secret);
        var challenges = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Service.BeginChallengeAsync(s_alice, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn))));
        using var start = new ManualResetEventSlim();
        var attempts = challenges.Select(c => Task.Run(async () =>
        {
            start.Wait();
            return await Service.CompleteChallengeAsync(s_alice, c.ChallengeId!, MfaPurpose.SignIn, new TotpChallengeResponse(code));
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(attempts);
        Assert.Multiple(() =>
        {
            Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
            Assert.That(results.Where(r => !r.Succeeded).Select(r => r.FailureReason), Is.All.EqualTo(MfaFailureReason.Replayed));
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_ClockSkewedRequest_UsesServerTime()
    {
        var (_, secret) = await EnrollAsync(s_alice);
        var future = TotpCode.Generate(secret, _time.GetUtcNow().AddMinutes(10), TotpParameters.Default);
        Assert.That((await SignInAsync(s_alice, future)).FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public async Task CompleteChallengeAsync_WrongLengthCode_IsMalformedInput()
    {
        await EnrollAsync(s_alice);
        Assert.That((await SignInAsync(s_alice, "1234567")).FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteChallengeAsync_OtherUsersCode_IsInvalid()
    {
        await EnrollAsync(s_alice);
        var (_, bobSecret) = await EnrollAsync(s_bob);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.That((await SignInAsync(s_alice, CodeNow(bobSecret))).FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
    }

    [Test]
    public async Task CompleteChallengeAsync_TwoAuthenticators_EitherWorks()
    {
        var (firstId, first) = await EnrollAsync(s_alice);
        var (secondId, second) = await EnrollAsync(s_alice);
        _time.Advance(TimeSpan.FromSeconds(30));
        var viaSecond = await SignInAsync(s_alice, CodeNow(second));
        var viaFirst = await SignInAsync(s_alice, CodeNow(first));
        Assert.Multiple(() =>
        {
            Assert.That(viaSecond.AuthenticatorId, Is.EqualTo(secondId));
            Assert.That(viaFirst.AuthenticatorId, Is.EqualTo(firstId));
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_WrongCodesAgainstTwoApps_HardLocksBoth()
    {
        _provider.Dispose();
        _provider = Build(configureMfa: o => o.HardLockThreshold = 3);
        var (firstId, first) = await EnrollAsync(s_alice);
        var (secondId, second) = await EnrollAsync(s_alice);
        _time.Advance(TimeSpan.FromSeconds(30));
        var codes = new[] { CodeNow(first), CodeNow(second) };
        var wrong = Enumerable.Range(0, 1_000_000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !codes.Contains(c));

        for (var i = 0; i < 3; i++)
        {
            Assert.That((await SignInAsync(s_alice, wrong)).FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
        }

        var status = await Service.GetStatusAsync(s_alice);
        var next = await Service.BeginChallengeAsync(s_alice, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn));
        Assert.Multiple(() =>
        {
            Assert.That(status.HardLockedAuthenticators, Is.EquivalentTo(new[] { firstId, secondId }));
            Assert.That(next.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
            Assert.That(next.RetryAfter, Is.Null);
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_WrongCodesThenRightCode_ResetsOnlyTheAppThatAnswered()
    {
        _provider.Dispose();
        _provider = Build(configureMfa: o => o.HardLockThreshold = 3);
        var (_, first) = await EnrollAsync(s_alice);
        var (secondId, second) = await EnrollAsync(s_alice);
        _time.Advance(TimeSpan.FromSeconds(30));
        var codes = new[] { CodeNow(first), CodeNow(second) };
        var wrong = Enumerable.Range(0, 1_000_000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !codes.Contains(c));
        await SignInAsync(s_alice, wrong);
        await SignInAsync(s_alice, wrong);

        Assert.That((await SignInAsync(s_alice, CodeNow(first))).Succeeded, Is.True);
        _time.Advance(TimeSpan.FromSeconds(30));
        await SignInAsync(s_alice, wrong);

        // The first app's run of failures ended with its success; the second app's did not (2 + 1 = 3).
        var status = await Service.GetStatusAsync(s_alice);
        Assert.That(status.HardLockedAuthenticators, Is.EqualTo(new[] { secondId }));
    }

    [Test]
    public async Task Record_StoresSecretOnlyProtected()
    {
        var (id, secret) = await EnrollAsync(s_alice);
        var record = await _provider.GetRequiredService<IAuthenticatorStore>().FindByIdAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(record!.Data, Does.Not.Contain(Base32.Encode(secret)));
            Assert.That(record.Data, Does.Not.Contain(Convert.ToHexString(secret)).IgnoreCase);
            Assert.That(record.Data, Does.Not.Contain(Convert.ToBase64String(secret)));
            Assert.That(record.ToString(), Does.Not.Contain(record.Data));
        });
    }

    [Test]
    public async Task BeginEnrollmentAsync_ImportedStrongSecret_EnrollsWithItsParameters()
    {
        var secret = TotpSecret.Generate(32);
        var uri = new OtpAuthUri(secret, "Old IdP", "alice", new TotpParameters(TotpAlgorithm.Sha256, 8, 60)).ToUriString();
        var begun = await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest { ImportUri = uri });
        var parameters = new TotpParameters(TotpAlgorithm.Sha256, 8, 60);
        var completed = await Service.CompleteEnrollmentAsync(s_alice, begun.EnrollmentId!, new TotpEnrollmentResponse(TotpCode.Generate(secret, _time.GetUtcNow(), parameters)));
        Assert.That(completed.Succeeded, Is.True, completed.Message);
    }

    [Test]
    public async Task BeginEnrollmentAsync_ImportedSecretUnder128Bits_IsPolicyViolation()
    {
        // The wiki's first example has an 80-bit secret.
        var begun = await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest { ImportUri = "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example" });
        Assert.That(begun.FailureReason, Is.EqualTo(MfaFailureReason.PolicyViolation));
    }

    [TestCase("&algorithm=SHA512", nameof(TotpOptions.AllowedAlgorithms))]
    [TestCase("&digits=7", nameof(TotpOptions.AllowedDigits))]
    [TestCase("&period=45", nameof(TotpOptions.AllowedPeriods))]
    public async Task BeginEnrollmentAsync_ImportedParametersOutsidePolicy_IsPolicyViolation(string parameter, string restricted)
    {
        _provider.Dispose();
        _provider = Build(o =>
        {
            o.AllowedAlgorithms.Remove(TotpAlgorithm.Sha512);
            o.AllowedDigits.Remove(7);
        });
        var uri = "otpauth://totp/alice?secret=" + Base32.Encode(TotpSecret.Generate()) + parameter;
        var begun = await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest { ImportUri = uri });
        Assert.That(begun.FailureReason, Is.EqualTo(MfaFailureReason.PolicyViolation), restricted);
    }

    [TestCase("not a uri")]
    [TestCase("otpauth://hotp/alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=1")]
    public async Task BeginEnrollmentAsync_BadImportUri_IsMalformedInput(string uri)
    {
        var begun = await Service.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest { ImportUri = uri });
        Assert.That(begun.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_AfterRemoval_CodesNoLongerWork()
    {
        var (id, _) = await EnrollAsync(s_alice);
        await Service.Administration.RemoveAuthenticatorAsync(s_alice.Id, id, force: true);
        _time.Advance(TimeSpan.FromSeconds(30));
        var begun = await Service.BeginChallengeAsync(s_alice, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn));
        Assert.That(begun.FailureReason, Is.EqualTo(MfaFailureReason.NotEnrolled));
    }

    [TestCase(-1, nameof(TotpOptions.AllowedDriftSteps))]
    [TestCase(11, nameof(TotpOptions.AllowedDriftSteps))]
    public void Options_DriftOutOfRange_FailsValidation(int drift, string property)
    {
        using var provider = Build(o => o.AllowedDriftSteps = drift);
        Assert.That(() => provider.GetRequiredService<IOptions<TotpOptions>>().Value, Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(property));
    }

    [Test]
    public void Options_InvalidValues_EachFailValidation()
    {
        var invalid = new Action<TotpOptions>[]
        {
            o => o.Issuer = "",
            o => o.Issuer = "A:B",
            o => o.Digits = 5,
            o => o.Digits = 9,
            o => o.PeriodSeconds = 10,
            o => o.SecretBytes = 16,
            o => o.MinImportedSecretBytes = 8,
            o => o.T0 = -1,
            o => o.AllowedAlgorithms.Clear(),
            o => o.AllowedDigits.Add(4),
            o => o.AllowedPeriods.Add(1),
        };
        Assert.Multiple(() =>
        {
            foreach (var configure in invalid)
            {
                using var provider = Build(configure);
                Assert.That(() => provider.GetRequiredService<IOptions<TotpOptions>>().Value, Throws.InstanceOf<OptionsValidationException>());
            }
        });
    }

    [Test]
    public void AddTotp_Twice_RegistersOneFactor()
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores().AddTotp().AddTotp();
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetServices<IFactor>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void ResponsesAndRequests_ToString_HideCodes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new TotpChallengeResponse("123456").ToString(), Does.Not.Contain("123456"));
            Assert.That(new TotpEnrollmentResponse("123456").ToString(), Does.Not.Contain("123456"));
            Assert.That(new TotpEnrollmentRequest { ImportUri = "otpauth://totp/a?secret=GEZDGNBV" }.ToString(), Does.Not.Contain("GEZDGNBV"));
        });
    }
}
