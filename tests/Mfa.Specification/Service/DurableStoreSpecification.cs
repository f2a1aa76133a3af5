using System.Text.Json.Nodes;
using Mfa.Totp;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Policy;
using Mfa.Core.Service;
using Mfa.Core.Secrets;
using Mfa.Core.Storage;
using Mfa.Testing;
using Mfa.Testing.WebAuthn;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Specification.Service;

/// <summary>
/// What a durable store must guarantee end to end, through <see cref="IMfaService"/>: two app servers (two DI containers,
/// two connection pools) racing over one database let exactly one caller through, lockout counts stay exact, and a
/// restart loses nothing that was written.
/// </summary>
public abstract partial class DurableStoreSpecification
{
    /// <summary>How many callers each race starts at once, split between the two servers.</summary>
    protected const int RaceWidth = 32;

    private static readonly MfaUser s_alice = new("alice-id", "Alice");
    private readonly List<ServiceProvider> _servers = [];
    private IDurableTestStore? _store;

    /// <summary>The clock every server shares.</summary>
    protected FakeTimeProvider Time { get; private set; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [SetUp]
    public async Task CreateDatabaseForTestAsync()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 10, TimeSpan.Zero));
        _store = await CreateStoreAsync();
    }

    [TearDown]
    public async Task DropDatabaseForTestAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _servers.Clear();
        if (_store is not null)
        {
            await _store.ReleaseConnectionsAsync();
            await _store.DisposeAsync();
            _store = null;
        }
    }

    /// <summary>Creates a fresh, empty database of the store under test.</summary>
    /// <returns>The database.</returns>
    protected abstract Task<IDurableTestStore> CreateStoreAsync();

    private IDurableTestStore Store => _store ?? throw new InvalidOperationException("The store is created in SetUp.");

    /// <summary>Starts one app server: its own container, the store under test, TOTP, WebAuthn and the probe factor.</summary>
    /// <param name="configure">Changes the MFA options of this server.</param>
    /// <returns>The server's container.</returns>
    protected ServiceProvider StartServer(Action<MfaOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        var builder = services.AddMfa(o =>
        {
            o.SecretKey = TestKeys.SecretKey;
            o.ThrottleMaxFailures = 1000;
            o.RecoveryCodeHashIterations = 1000;
            configure?.Invoke(o);
        });
        Store.Use(builder, _servers.Count);
        InterleaveSignIns(services);
        builder.AddTotp();
        builder.AddHotp();
        builder.AddWebAuthn(WebAuthnFlow.Configure);
        services.AddSingleton<IFactor, ProbeFactor>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _servers.Add(provider);
        return provider;
    }

    /// <summary>Wraps the server's sign-in store (whatever the store registered) so that a test can interleave callers.</summary>
    private static void InterleaveSignIns(ServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ISignInStore));
        services.Remove(registered);
        services.AddSingleton(sp => new InterleavingSignInStore(registered.ImplementationType is { } type
            ? (ISignInStore)ActivatorUtilities.CreateInstance(sp, type)
            : registered.ImplementationFactory is { } factory ? (ISignInStore)factory(sp) : (ISignInStore)registered.ImplementationInstance!));
        services.AddSingleton<ISignInStore>(sp => sp.GetRequiredService<InterleavingSignInStore>());
    }

    /// <summary>Stops a server as a process exit would: its container is disposed and every pooled connection closed.</summary>
    /// <param name="server">The server.</param>
    /// <returns>A task.</returns>
    protected async Task StopServerAsync(ServiceProvider server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _servers.Remove(server);
        await server.DisposeAsync();
        await Store.ReleaseConnectionsAsync();
    }

    /// <summary>Runs <see cref="RaceWidth"/> callers at once, alternating between two servers, all released together.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="first">The first server.</param>
    /// <param name="second">The second server.</param>
    /// <param name="call">One caller's operation, given its server's service and its index.</param>
    /// <returns>Every caller's result.</returns>
    protected static async Task<T[]> RaceAsync<T>(IMfaService first, IMfaService second, Func<IMfaService, int, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, RaceWidth).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await call(i % 2 == 0 ? first : second, i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    private static IMfaService Mfa(ServiceProvider server) => server.GetRequiredService<IMfaService>();

    private async Task<(string Id, byte[] Secret)> EnrollTotpAsync(IMfaService mfa)
    {
        var begun = await mfa.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest { Name = "Phone" });
        Assert.That(begun.Succeeded, Is.True, begun.Message);
        Assert.That(Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _), Is.True);
        var completed = await mfa.CompleteEnrollmentAsync(s_alice, begun.EnrollmentId!, new TotpEnrollmentResponse(CodeNow(secret!)));
        Assert.That(completed.Succeeded, Is.True, completed.Message);

        // Enrollment used the current step; the tests sign in with the next one.
        Time.Advance(TimeSpan.FromSeconds(30));
        return (completed.Authenticator!.Id, secret!);
    }

    private string CodeNow(byte[] secret) => TotpCode.Generate(secret, Time.GetUtcNow(), TotpParameters.Default);

    private static async Task<MfaVerificationResult> SignInWithTotpAsync(IMfaService mfa, string code)
    {
        var challenge = await mfa.BeginChallengeAsync(s_alice, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn));
        Assert.That(challenge.Succeeded, Is.True, challenge.Message);
        return await mfa.CompleteChallengeAsync(s_alice, challenge.ChallengeId!, MfaPurpose.SignIn, new TotpChallengeResponse(code));
    }

    // --- races between two servers -----------------------------------------------------------------------

    [Test]
    public async Task CompleteChallengeAsync_SameTotpCodeOnTwoServers_ExactlyOneSucceeds()
    {
        var first = Mfa(StartServer());
        var second = Mfa(StartServer());
        var (_, secret) = await EnrollTotpAsync(first);
        var code = CodeNow(secret);

        var results = await RaceAsync(first, second, (mfa, _) => SignInWithTotpAsync(mfa, code));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(results.Where(r => !r.Succeeded).Select(r => r.FailureReason), Is.All.EqualTo(MfaFailureReason.Replayed));
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_SameCodeOnTwoServers_ExactlyOneSucceeds()
    {
        var first = Mfa(StartServer());
        var second = Mfa(StartServer());
        var codes = await first.GenerateRecoveryCodesAsync(s_alice);

        var results = await RaceAsync(first, second, (mfa, _) => mfa.RedeemRecoveryCodeAsync(s_alice, codes.Codes[0], MfaPurpose.SignIn));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(results.Where(r => !r.Succeeded).Select(r => r.FailureReason), Is.All.EqualTo(MfaFailureReason.InvalidRecoveryCode));
        Assert.That((await second.GetStatusAsync(s_alice)).RecoveryCodesRemaining, Is.EqualTo(codes.Codes.Count - 1));
    }

    [Test]
    public async Task CompleteChallengeAsync_OnePendingChallengeOnTwoServers_ExactlyOneSucceeds()
    {
        var first = Mfa(StartServer());
        var second = Mfa(StartServer());
        await ProbeFlow.EnrollAsync(first, s_alice);
        var (challengeId, nonce) = await ProbeFlow.BeginAsync(first, s_alice);

        var results = await RaceAsync(first, second, (mfa, _) => ProbeFlow.AnswerAsync(mfa, s_alice, challengeId, nonce));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(results.Where(r => !r.Succeeded).Select(r => r.FailureReason), Is.All.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
    }

    [Test]
    public async Task CompleteChallengeAsync_OneWebAuthnAssertionOnTwoServers_ExactlyOneSucceeds()
    {
        var firstServer = StartServer();
        var first = Mfa(firstServer);
        var second = Mfa(StartServer());
        using var key = new TestAuthenticator(WebAuthnFlow.Origin);
        var authenticatorId = await WebAuthnFlow.EnrollAsync(first, s_alice, key);
        var (challengeId, assertion) = await WebAuthnFlow.BeginAndAssertAsync(first, s_alice, key, signCount: 7);

        var results = await RaceAsync(first, second, (mfa, _) => WebAuthnFlow.AnswerAsync(mfa, s_alice, challengeId, assertion));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(results.Where(r => !r.Succeeded).Select(r => r.FailureReason), Is.All.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
        Assert.That(await WebAuthnFlow.StoredSignCountAsync(firstServer, authenticatorId), Is.EqualTo(7u));
    }

    [Test]
    public async Task CompleteChallengeAsync_WebAuthnAssertionsWithOneCounterOnTwoServers_ExactlyOneSucceeds()
    {
        // Each caller answers its own challenge, so the challenge store lets all of them through; only the guarded
        // write-back of the counter can stop a cloned key signing twice with one counter value. Failures stay below the
        // hard lock so every loser is turned away by the counter, not by a lock.
        static void BelowHardLock(MfaOptions o) => o.HardLockThreshold = RaceWidth + 1;
        var firstServer = StartServer(BelowHardLock);
        var first = Mfa(firstServer);
        var second = Mfa(StartServer(BelowHardLock));
        using var key = new TestAuthenticator(WebAuthnFlow.Origin);
        var authenticatorId = await WebAuthnFlow.EnrollAsync(first, s_alice, key);
        var answers = new List<(string ChallengeId, string Assertion)>();
        for (var i = 0; i < RaceWidth; i++)
        {
            answers.Add(await WebAuthnFlow.BeginAndAssertAsync(first, s_alice, key, signCount: 7));
        }

        var results = await RaceAsync(first, second, (mfa, i) => WebAuthnFlow.AnswerAsync(mfa, s_alice, answers[i].ChallengeId, answers[i].Assertion));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(
            results.Where(r => !r.Succeeded).Select(r => r.FailureReason),
            Is.All.AnyOf(MfaFailureReason.CounterRollback, MfaFailureReason.ConcurrencyConflict));
        Assert.That(await WebAuthnFlow.StoredSignCountAsync(firstServer, authenticatorId), Is.EqualTo(7u));
    }

    [Test]
    public async Task CompleteChallengeAsync_HigherCounterLosesTheWriteToALowerOne_IsRecheckedAndLands()
    {
        // Issue #9: assertions with counters 101 and 102 for one credential; 102 read the record (counter 100), then 101
        // was written first. 102 must not end as a conflict with the stored counter left at 101: it is re-read and
        // re-checked, and lands.
        var firstServer = StartServer();
        var first = Mfa(firstServer);
        var second = Mfa(StartServer());
        using var key = new TestAuthenticator(WebAuthnFlow.Origin);
        var authenticatorId = await WebAuthnFlow.EnrollAsync(first, s_alice, key);
        var setup = await WebAuthnFlow.BeginAndAssertAsync(first, s_alice, key, signCount: 100);
        Assert.That((await WebAuthnFlow.AnswerAsync(first, s_alice, setup.ChallengeId, setup.AssertionJson)).Succeeded, Is.True);
        var lower = await WebAuthnFlow.BeginAndAssertAsync(second, s_alice, key, signCount: 101);
        var higher = await WebAuthnFlow.BeginAndAssertAsync(first, s_alice, key, signCount: 102);
        MfaVerificationResult? lowerResult = null;
        firstServer.GetRequiredService<InterleavingSignInStore>().BeforeNextWriteBack(async () => lowerResult = await WebAuthnFlow.AnswerAsync(second, s_alice, lower.ChallengeId, lower.AssertionJson));

        var higherResult = await WebAuthnFlow.AnswerAsync(first, s_alice, higher.ChallengeId, higher.AssertionJson);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lowerResult?.Succeeded, Is.True);
            Assert.That(higherResult.Succeeded, Is.True, higherResult.FailureReason.ToString());
            Assert.That(await WebAuthnFlow.StoredSignCountAsync(firstServer, authenticatorId), Is.EqualTo(102u));
        }
    }

    [Test]
    public async Task CompleteChallengeAsync_LowerCounterLosesTheWriteToAHigherOne_IsCounterRollbackAndTheCounterStays()
    {
        var firstServer = StartServer();
        var first = Mfa(firstServer);
        var second = Mfa(StartServer());
        using var key = new TestAuthenticator(WebAuthnFlow.Origin);
        var authenticatorId = await WebAuthnFlow.EnrollAsync(first, s_alice, key);
        var setup = await WebAuthnFlow.BeginAndAssertAsync(first, s_alice, key, signCount: 100);
        Assert.That((await WebAuthnFlow.AnswerAsync(first, s_alice, setup.ChallengeId, setup.AssertionJson)).Succeeded, Is.True);
        var lower = await WebAuthnFlow.BeginAndAssertAsync(first, s_alice, key, signCount: 101);
        var higher = await WebAuthnFlow.BeginAndAssertAsync(second, s_alice, key, signCount: 102);
        MfaVerificationResult? higherResult = null;
        firstServer.GetRequiredService<InterleavingSignInStore>().BeforeNextWriteBack(async () => higherResult = await WebAuthnFlow.AnswerAsync(second, s_alice, higher.ChallengeId, higher.AssertionJson));

        var lowerResult = await WebAuthnFlow.AnswerAsync(first, s_alice, lower.ChallengeId, lower.AssertionJson);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(higherResult?.Succeeded, Is.True);
            Assert.That(lowerResult.FailureReason, Is.EqualTo(MfaFailureReason.CounterRollback));
            Assert.That(await WebAuthnFlow.StoredSignCountAsync(firstServer, authenticatorId), Is.EqualTo(102u));
        }
    }

    [Test]
    public async Task CompleteChallengeAsync_TotpCodeOfTwoCollidingSteps_NextLegitimateUseIsAccepted()
    {
        // Secret 0x01..0x14 gives code 484815 at both steps 60174914 and 60174915 (found by search; RFC 6238 SHA-1, 6
        // digits). Used at the first step, the code must advance the guard to that step only, so the same code, which is
        // the user's legitimate code at the next step, still passes there; a third use is a replay.
        var server = StartServer();
        var mfa = Mfa(server);
        var (authenticatorId, _) = await EnrollTotpAsync(mfa);
        byte[] secret = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];
        var store = server.GetRequiredService<IAuthenticatorStore>();
        var record = await store.FindByIdAsync(authenticatorId);
        var data = JsonNode.Parse(record!.Data)!.AsObject();
        data["protectedSecret"] = Convert.ToBase64String(server.GetRequiredService<ISecretProtector>().Protect(secret, "Mfa.Totp.Seed:" + s_alice.Id + ":" + authenticatorId));
        Assert.That(await store.TryUpdateAsync(record with { Data = data.ToJsonString() }), Is.Not.Null);
        Time.Advance(DateTimeOffset.FromUnixTimeSeconds(60174914L * 30) - Time.GetUtcNow());
        Assert.That(CodeNow(secret), Is.EqualTo("484815"));

        var first = await SignInWithTotpAsync(mfa, "484815");
        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.That(CodeNow(secret), Is.EqualTo("484815"));
        var next = await SignInWithTotpAsync(mfa, "484815");
        var again = await SignInWithTotpAsync(mfa, "484815");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Succeeded, Is.True, first.FailureReason.ToString());
            Assert.That(next.Succeeded, Is.True, next.FailureReason.ToString());
            Assert.That(again.FailureReason, Is.EqualTo(MfaFailureReason.Replayed));
        }
    }

    [Test]
    public async Task CompleteChallengeAsync_ConcurrentFailuresOnTwoServers_AreCountedExactly()
    {
        // One below both thresholds after the race, so a lost increment leaves the user open after the next failure
        // and a double count locks them early.
        void Thresholds(MfaOptions o)
        {
            o.ThrottleMaxFailures = RaceWidth + 1;
            o.HardLockThreshold = RaceWidth + 1;
        }

        var first = Mfa(StartServer(Thresholds));
        var second = Mfa(StartServer(Thresholds));
        var authenticatorId = await ProbeFlow.EnrollAsync(first, s_alice);
        var challenges = new List<string>();
        for (var i = 0; i <= RaceWidth; i++)
        {
            challenges.Add((await ProbeFlow.BeginAsync(first, s_alice)).ChallengeId);
        }

        var results = await RaceAsync(first, second, (mfa, i) => ProbeFlow.AnswerAsync(mfa, s_alice, challenges[i], new byte[16]));
        var afterRace = await second.GetStatusAsync(s_alice);
        var last = await ProbeFlow.AnswerAsync(first, s_alice, challenges[RaceWidth], new byte[16]);
        var afterLast = await second.GetStatusAsync(s_alice);

        Assert.That(results.Select(r => r.FailureReason), Is.All.EqualTo(MfaFailureReason.InvalidCode));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterRace.IsLockedOut, Is.False);
            Assert.That(afterRace.HardLockedAuthenticators, Is.Empty);
            Assert.That(last.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
            Assert.That(afterLast.IsLockedOut, Is.True);
            Assert.That(afterLast.HardLockedAuthenticators, Is.EqualTo(new[] { authenticatorId }));
        }
    }

    [Test]
    public async Task ManageAuthenticator_IdNoStoreCanHold_IsUnknownAuthenticator()
    {
        // Authenticator ids come from the client; a NUL or a lone surrogate must be a result, not a store exception.
        var mfa = Mfa(StartServer());
        await ProbeFlow.EnrollAsync(mfa, s_alice);
        foreach (var id in new[] { "id\0nul", "id\uD800" })
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That((await mfa.Administration.RenameAuthenticatorAsync(s_alice.Id, id, "New name")).FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
                Assert.That((await mfa.Administration.RemoveAuthenticatorAsync(s_alice.Id, id, force: true)).FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
                Assert.That((await mfa.BeginChallengeAsync(s_alice, new ChallengeRequest(ProbeFactor.FactorKind, MfaPurpose.SignIn) { AuthenticatorId = id })).FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
            }
        }
    }

    // --- restart ----------------------------------------------------------------------------------------

    [Test]
    public async Task Restart_TotpCodeAcceptedBefore_IsStillRefusedAsReplay()
    {
        var before = StartServer();
        var (_, secret) = await EnrollTotpAsync(Mfa(before));
        var code = CodeNow(secret);
        Assert.That((await SignInWithTotpAsync(Mfa(before), code)).Succeeded, Is.True);
        await StopServerAsync(before);

        var after = Mfa(StartServer());
        var replay = await SignInWithTotpAsync(after, code);

        Assert.That(replay.FailureReason, Is.EqualTo(MfaFailureReason.Replayed));
    }

    [Test]
    public async Task Restart_TotpNextStepAfterRestart_Succeeds()
    {
        var before = StartServer();
        var (_, secret) = await EnrollTotpAsync(Mfa(before));
        await SignInWithTotpAsync(Mfa(before), CodeNow(secret));
        await StopServerAsync(before);
        Time.Advance(TimeSpan.FromSeconds(30));

        var after = Mfa(StartServer());

        Assert.That((await SignInWithTotpAsync(after, CodeNow(secret))).Succeeded, Is.True);
    }

    [Test]
    public async Task Restart_StateWrittenBefore_IsAllThere()
    {
        var before = StartServer();
        var mfa = Mfa(before);
        var (totpId, _) = await EnrollTotpAsync(mfa);
        var probeId = await ProbeFlow.EnrollAsync(mfa, s_alice.JustVerified(Time));
        await mfa.Administration.SetRequirementAsync(s_alice.Id, MfaRequirement.Required);
        var codes = await mfa.GenerateRecoveryCodesAsync(s_alice.JustVerified(Time));
        await mfa.RedeemRecoveryCodeAsync(s_alice, codes.Codes[0], MfaPurpose.SignIn);
        var statusBefore = await mfa.GetStatusAsync(s_alice);
        await StopServerAsync(before);

        var statusAfter = await Mfa(StartServer()).GetStatusAsync(s_alice);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statusAfter.Authenticators.Select(a => a.Id), Is.EqualTo(new[] { totpId, probeId }));
            Assert.That(statusAfter.Requirement, Is.EqualTo(MfaRequirement.Required));
            Assert.That(statusAfter.RequirementIsUserSpecific, Is.True);
            Assert.That(statusAfter.RecoveryCodesRemaining, Is.EqualTo(codes.Codes.Count - 1));
            Assert.That(statusAfter.LastUsedAt, Is.EqualTo(statusBefore.LastUsedAt));
            Assert.That(statusAfter.State, Is.EqualTo(MfaUserState.Enrolled));
        }
    }

    [Test]
    public async Task Restart_RecoveryCodeRedeemedBefore_IsStillRefused()
    {
        var before = StartServer();
        var codes = await Mfa(before).GenerateRecoveryCodesAsync(s_alice);
        await Mfa(before).RedeemRecoveryCodeAsync(s_alice, codes.Codes[0], MfaPurpose.SignIn);
        await StopServerAsync(before);

        var after = Mfa(StartServer());

        Assert.That((await after.RedeemRecoveryCodeAsync(s_alice, codes.Codes[0], MfaPurpose.SignIn)).FailureReason, Is.EqualTo(MfaFailureReason.InvalidRecoveryCode));
        Assert.That((await after.RedeemRecoveryCodeAsync(s_alice, codes.Codes[1], MfaPurpose.SignIn)).Succeeded, Is.True);
    }

    [Test]
    public async Task Restart_PendingChallengeBegunBefore_CompletesOnceAfter()
    {
        var before = StartServer();
        await ProbeFlow.EnrollAsync(Mfa(before), s_alice);
        var (challengeId, nonce) = await ProbeFlow.BeginAsync(Mfa(before), s_alice);
        await StopServerAsync(before);

        var after = Mfa(StartServer());
        var completed = await ProbeFlow.AnswerAsync(after, s_alice, challengeId, nonce);
        var again = await ProbeFlow.AnswerAsync(after, s_alice, challengeId, nonce);

        Assert.That(completed.Succeeded, Is.True);
        Assert.That(again.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
    }

    [Test]
    public async Task Restart_HardLockBefore_IsStillEnforced()
    {
        static void LockAfterThree(MfaOptions o) => o.HardLockThreshold = 3;
        var before = StartServer(LockAfterThree);
        var authenticatorId = await ProbeFlow.EnrollAsync(Mfa(before), s_alice);
        for (var i = 0; i < 3; i++)
        {
            var (challengeId, _) = await ProbeFlow.BeginAsync(Mfa(before), s_alice);
            await ProbeFlow.AnswerAsync(Mfa(before), s_alice, challengeId, new byte[16]);
        }

        await StopServerAsync(before);

        var after = Mfa(StartServer(LockAfterThree));
        var status = await after.GetStatusAsync(s_alice);
        var attempt = await after.BeginChallengeAsync(s_alice, new ChallengeRequest(ProbeFactor.FactorKind, MfaPurpose.SignIn));

        Assert.That(status.HardLockedAuthenticators, Is.EqualTo(new[] { authenticatorId }));
        Assert.That(attempt.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
    }

    [Test]
    public async Task Restart_ThrottleBefore_IsStillEnforced()
    {
        static void ThrottleAfterTwo(MfaOptions o) => o.ThrottleMaxFailures = 2;
        var before = StartServer(ThrottleAfterTwo);
        await Mfa(before).GenerateRecoveryCodesAsync(s_alice);
        await Mfa(before).RedeemRecoveryCodeAsync(s_alice, "AAAAA-AAAAA", MfaPurpose.SignIn);
        await Mfa(before).RedeemRecoveryCodeAsync(s_alice, "AAAAA-AAAAA", MfaPurpose.SignIn);
        await StopServerAsync(before);

        var after = Mfa(StartServer(ThrottleAfterTwo));
        var attempt = await after.RedeemRecoveryCodeAsync(s_alice, "AAAAA-AAAAA", MfaPurpose.SignIn);

        Assert.That(attempt.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
    }
}
