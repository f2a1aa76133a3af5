using System.Text.Json.Nodes;
using Mfa.Core;
using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Secrets;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Testing;
using Mfa.Totp.Codes;
using Mfa.Totp.CounterBased;
using Mfa.Totp.Encoding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Totp.Tests.Secrets;

/// <summary>
/// Rotating the secret key (issue #9): old secrets stay readable under a ring, new ones name the newest key, re-encryption
/// moves every record, and a secret no configured key opens is <see cref="MfaFailureReason.SecretUnavailable"/> with an
/// event, never an exception. In-memory stores here; the durable stores run the same in the specification suite.
/// </summary>
[TestFixture]
public sealed class KeyRotationTests
{
    private static readonly MfaUser s_alice = new("alice-id", "Alice");
    private static readonly byte[] s_hotpSecret = "12345678901234567890"u8.ToArray();

    private FakeTimeProvider _time = null!;
    private RotationHost _host = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 10, TimeSpan.Zero));
        _host = new RotationHost(_time);
    }

    [TearDown]
    public void TearDown() => _host.Dispose();

    private static IMfaService Mfa(IServiceProvider provider) => provider.GetRequiredService<IMfaService>();

    private string CodeNow(byte[] secret) => TotpCode.Generate(secret, _time.GetUtcNow(), TotpParameters.Default);

    private static string HotpCode(long counter) => Hotp.Format(Hotp.ComputeCode(s_hotpSecret, counter, TotpAlgorithm.Sha1, 6), 6);

    private async Task<(string Id, byte[] Secret)> EnrollTotpAsync(IMfaService mfa)
    {
        var user = s_alice.JustVerified(_time);
        var begun = await mfa.BeginEnrollmentAsync(user, new TotpEnrollmentRequest { Name = "Phone" });
        Assert.That(begun.Succeeded, Is.True, begun.Message);
        Assert.That(Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _), Is.True);
        var completed = await mfa.CompleteEnrollmentAsync(user, begun.EnrollmentId!, new TotpEnrollmentResponse(CodeNow(secret!)));
        Assert.That(completed.Succeeded, Is.True, completed.Message);

        // Enrollment used the current step; sign-ins use a later one.
        _time.Advance(TimeSpan.FromSeconds(30));
        return (completed.Authenticator!.Id, secret!);
    }

    private async Task<string> ImportHotpAsync(IMfaService mfa)
    {
        var imported = await mfa.ImportAuthenticatorAsync(s_alice.JustVerified(_time), new HotpImport(s_hotpSecret, 0) { Name = "Token" });
        Assert.That(imported.Succeeded, Is.True, imported.Message);
        return imported.Authenticator!.Id;
    }

    private static async Task<MfaVerificationResult> SignInAsync(IMfaService mfa, string kind, ChallengeResponse response)
    {
        var challenge = await mfa.BeginChallengeAsync(s_alice, new ChallengeRequest(kind, MfaPurpose.SignIn));
        Assert.That(challenge.Succeeded, Is.True, challenge.Message);
        return await mfa.CompleteChallengeAsync(s_alice, challenge.ChallengeId!, MfaPurpose.SignIn, response);
    }

    private static async Task<string?> StoredKeyIdAsync(IServiceProvider provider, string authenticatorId)
    {
        var record = await provider.GetRequiredService<IAuthenticatorStore>().FindByIdAsync(authenticatorId);
        var blob = Convert.FromBase64String((string)JsonNode.Parse(record!.Data)!["protectedSecret"]!);
        return provider.GetRequiredService<ISecretProtector>().GetKeyId(blob);
    }

    // --- a ring keeps old secrets readable; new ones name the newest key -------------------------------------------

    [Test]
    public async Task CompleteChallengeAsync_NewPrimaryKeyAdded_SecretUnderTheOldKeyStillSignsIn()
    {
        var (_, secret) = await EnrollTotpAsync(Mfa(_host.Start(RotationHost.OldKeyOnly)));

        var result = await SignInAsync(Mfa(_host.Start(RotationHost.Rotated)), FactorKinds.Totp, new TotpChallengeResponse(CodeNow(secret)));

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task CompleteEnrollmentAsync_AfterRotation_RecordNamesTheNewestKeyId()
    {
        var rotated = _host.Start(RotationHost.Rotated);

        var (id, _) = await EnrollTotpAsync(Mfa(rotated));

        Assert.That(await StoredKeyIdAsync(rotated, id), Is.EqualTo(RotationHost.NewKeyId));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_OneKeyShorthand_RecordNamesTheDefaultKeyId()
    {
        var single = _host.Start(RotationHost.OldKeyOnly);

        var (id, _) = await EnrollTotpAsync(Mfa(single));

        Assert.That(await StoredKeyIdAsync(single, id), Is.EqualTo(MfaOptions.DefaultSecretKeyId));
    }

    [Test]
    public async Task Unprotect_FormatOneBlobWrittenBeforeKeyIds_OpensWithTheSameKeyInARing()
    {
        var vector = TestData.Load("keyring/format1-totp-seed.json");
        var blob = Convert.FromBase64String((string)vector["protectedBase64"]!);
        var purpose = (string)vector["purpose"]!;
        var legacyKeyMoved = _host.Start(o =>
        {
            o.SecretKeys["legacy"] = Convert.FromHexString((string)vector["keyHex"]!);
            RotationHost.NewKeyOnly(o);
            o.PrimarySecretKeyId = RotationHost.NewKeyId;
        });
        var protector = legacyKeyMoved.GetRequiredService<ISecretProtector>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(protector.Unprotect(blob, purpose), Is.EqualTo("12345678901234567890"u8.ToArray()));
            Assert.That(protector.GetKeyId(blob), Is.Null, "format 1 names no key");
        }
    }

    [Test]
    public async Task CompleteChallengeAsync_FormatOneRecordWrittenBeforeKeyIds_SignsInAndReencrypts()
    {
        var vector = TestData.Load("keyring/format1-totp-seed.json");
        var alice = new MfaUser((string)vector["userId"]!, "Alice");
        var provider = _host.Start(RotationHost.OldKeyOnly);
        var data = new JsonObject { ["protectedSecret"] = (string)vector["protectedBase64"]!, ["algorithm"] = "SHA1", ["digits"] = 6, ["periodSeconds"] = 30, ["t0"] = 0 };
        await provider.GetRequiredService<IAuthenticatorStore>().TryCreateAsync(new AuthenticatorRecord
        {
            Id = (string)vector["authenticatorId"]!, UserId = alice.Id, Kind = FactorKinds.Totp, Name = "Phone", Data = data.ToJsonString(), CreatedAt = _time.GetUtcNow(),
        });
        var mfa = Mfa(provider);

        var challenge = await mfa.BeginChallengeAsync(alice, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn));
        var result = await mfa.CompleteChallengeAsync(alice, challenge.ChallengeId!, MfaPurpose.SignIn, new TotpChallengeResponse(CodeNow(s_hotpSecret)));
        var page = await mfa.Administration.ReencryptSecretsAsync(null, 100);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Succeeded, Is.True, result.Message);
            Assert.That(page.Moved, Is.EqualTo(1));
            Assert.That(page.KeyIds, Is.EquivalentTo(new Dictionary<string, int> { ["(none)"] = 1 }));
            Assert.That(await StoredKeyIdAsync(provider, (string)vector["authenticatorId"]!), Is.EqualTo(MfaOptions.DefaultSecretKeyId));
        }
    }

    // --- a secret no configured key opens ----------------------------------------------------------------------

    [Test]
    public async Task CompleteChallengeAsync_TotpKeyRemovedBeforeReencryption_IsSecretUnavailableWithAnErrorEvent()
    {
        var (id, secret) = await EnrollTotpAsync(Mfa(_host.Start(RotationHost.OldKeyOnly)));

        var result = await SignInAsync(Mfa(_host.Start(RotationHost.NewKeyOnly)), FactorKinds.Totp, new TotpChallengeResponse(CodeNow(secret)));

        var events = _host.Logs.Entries.Where(e => e.EventId.Id == MfaEventIds.SecretUnavailable).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.SecretUnavailable));
            Assert.That(events, Has.Count.EqualTo(1));
            Assert.That(events[0].Level, Is.EqualTo(LogLevel.Error));
            Assert.That(events[0].Message, Does.Contain(id).And.Contain($"key {MfaOptions.DefaultSecretKeyId}"));
            Assert.That(_host.Logs.Texts, Has.None.Contains(Convert.ToBase64String(TestKeys.SecretKey)).And.None.Contains(Convert.ToBase64String(RotationHost.NewKey)));
        }
    }

    [Test]
    public async Task CompleteChallengeAsync_HotpKeyRemovedBeforeReencryption_IsSecretUnavailableWithAnErrorEvent()
    {
        var id = await ImportHotpAsync(Mfa(_host.Start(RotationHost.OldKeyOnly)));

        var result = await SignInAsync(Mfa(_host.Start(RotationHost.NewKeyOnly)), FactorKinds.Hotp, new HotpChallengeResponse(HotpCode(1)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.SecretUnavailable));
            Assert.That(_host.Logs.Entries.Where(e => e.EventId.Id == MfaEventIds.SecretUnavailable).Select(e => e.Message), Has.One.Contains(id));
        }
    }

    [Test]
    public async Task CompleteEnrollmentAsync_KeyRemovedWhileEnrollmentPending_IsSecretUnavailable()
    {
        var before = Mfa(_host.Start(RotationHost.OldKeyOnly));
        var begun = await before.BeginEnrollmentAsync(s_alice, new TotpEnrollmentRequest { Name = "Phone" });
        Assert.That(Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _), Is.True);

        var completed = await Mfa(_host.Start(RotationHost.NewKeyOnly)).CompleteEnrollmentAsync(s_alice, begun.EnrollmentId!, new TotpEnrollmentResponse(CodeNow(secret!)));

        Assert.That(completed.FailureReason, Is.EqualTo(MfaFailureReason.SecretUnavailable));
    }

    [Test]
    public async Task CompleteChallengeAsync_DataProtectionKeyRingLost_IsSecretUnavailableWithAnErrorEvent()
    {
        var (_, secret) = await EnrollTotpAsync(Mfa(_host.Start(_ => { }, EphemeralDataProtection)));

        var result = await SignInAsync(
            Mfa(_host.Start(_ => { }, EphemeralDataProtection)),
            FactorKinds.Totp,
            new TotpChallengeResponse(CodeNow(secret)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.SecretUnavailable));
            Assert.That(_host.Logs.EventIds, Has.One.EqualTo(MfaEventIds.SecretUnavailable));
        }
    }

    private static void EphemeralDataProtection(IMfaBuilder builder)
    {
        builder.UseDataProtection();
        builder.Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
    }

    // --- re-encryption ---------------------------------------------------------------------------------------------

    [Test]
    public async Task ReencryptSecretsAsync_AfterRotation_MovesEveryRecordAndTheOldKeyCanGo()
    {
        var before = Mfa(_host.Start(RotationHost.OldKeyOnly));
        var (totpId, secret) = await EnrollTotpAsync(before);
        var hotpId = await ImportHotpAsync(before);
        var rotated = _host.Start(RotationHost.Rotated);

        var page = await Mfa(rotated).Administration.ReencryptSecretsAsync(null, 100);

        var after = Mfa(_host.Start(RotationHost.NewKeyOnly));
        var totp = await SignInAsync(after, FactorKinds.Totp, new TotpChallengeResponse(CodeNow(secret)));
        var hotp = await SignInAsync(after, FactorKinds.Hotp, new HotpChallengeResponse(HotpCode(1)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Succeeded, Is.True, page.Message);
            Assert.That((page.Moved, page.AlreadyCurrent, page.Unreadable, page.Conflicts, page.Skipped), Is.EqualTo((2, 0, 0, 0, 0)));
            Assert.That(page.KeyIds, Is.EquivalentTo(new Dictionary<string, int> { [MfaOptions.DefaultSecretKeyId] = 2 }));
            Assert.That(page.Next, Is.Null);
            Assert.That(await StoredKeyIdAsync(rotated, totpId), Is.EqualTo(RotationHost.NewKeyId));
            Assert.That(await StoredKeyIdAsync(rotated, hotpId), Is.EqualTo(RotationHost.NewKeyId));
            Assert.That(totp.Succeeded, Is.True, totp.Message);
            Assert.That(hotp.Succeeded, Is.True, hotp.Message);
            Assert.That(_host.Logs.EventIds, Has.One.EqualTo(MfaEventIds.SecretsReencrypted));
        }
    }

    [Test]
    public async Task ReencryptSecretsAsync_SecondRun_MovesNothing()
    {
        var before = Mfa(_host.Start(RotationHost.OldKeyOnly));
        await EnrollTotpAsync(before);
        await ImportHotpAsync(before);
        var admin = Mfa(_host.Start(RotationHost.Rotated)).Administration;
        await admin.ReencryptSecretsAsync(null, 100);
        var store = _host.Start(RotationHost.Rotated).GetRequiredService<IAuthenticatorStore>();
        var versions = (await store.ListPageAsync(null, 100)).Select(r => r.Version).ToList();

        var again = await admin.ReencryptSecretsAsync(null, 100);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((again.Moved, again.AlreadyCurrent), Is.EqualTo((0, 2)));
            Assert.That(again.KeyIds, Is.EquivalentTo(new Dictionary<string, int> { [RotationHost.NewKeyId] = 2 }));
            Assert.That((await store.ListPageAsync(null, 100)).Select(r => r.Version), Is.EqualTo(versions), "nothing was written");
        }
    }

    [Test]
    public async Task ReencryptSecretsAsync_PagesOfOne_ResumeFromNextUntilEveryRecordMoved()
    {
        var before = Mfa(_host.Start(RotationHost.OldKeyOnly));
        await EnrollTotpAsync(before);
        await EnrollTotpAsync(before);
        await ImportHotpAsync(before);
        var admin = Mfa(_host.Start(RotationHost.Rotated)).Administration;

        var moved = 0;
        var pages = 0;
        string? next = null;
        do
        {
            var page = await admin.ReencryptSecretsAsync(next, 1);
            moved += page.Moved;
            next = page.Next;
            pages++;
        }
        while (next is not null && pages < 10);

        Assert.That(moved, Is.EqualTo(3));
    }

    [Test]
    public async Task ReencryptSecretsAsync_DryRun_CountsButWritesNothing()
    {
        var (id, _) = await EnrollTotpAsync(Mfa(_host.Start(RotationHost.OldKeyOnly)));
        var rotated = _host.Start(RotationHost.Rotated);

        var page = await Mfa(rotated).Administration.ReencryptSecretsAsync(null, 100, dryRun: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Moved, Is.EqualTo(1));
            Assert.That(await StoredKeyIdAsync(rotated, id), Is.EqualTo(MfaOptions.DefaultSecretKeyId));
        }
    }

    [Test]
    public async Task ReencryptSecretsAsync_SecretNoKeyOpens_CountsUnreadableWithAnEventAndMovesTheRest()
    {
        var (lostId, _) = await EnrollTotpAsync(Mfa(_host.Start(o => o.SecretKeys["lost"] = [.. Enumerable.Range(201, 32).Select(i => (byte)i)])));
        await EnrollTotpAsync(Mfa(_host.Start(RotationHost.OldKeyOnly)));

        var page = await Mfa(_host.Start(RotationHost.Rotated)).Administration.ReencryptSecretsAsync(null, 100);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((page.Moved, page.Unreadable), Is.EqualTo((1, 1)));
            Assert.That(page.KeyIds["lost"], Is.EqualTo(1));
            Assert.That(_host.Logs.Entries.Where(e => e.EventId.Id == MfaEventIds.SecretUnavailable).Select(e => e.Message), Has.One.Contains(lostId).And.Contain("key lost"));
        }
    }

    [Test]
    public async Task ReencryptSecretsAsync_ConcurrentSignInWinsTheWrite_RereadsAndMoves()
    {
        var first = _host.Start(RotationHost.OldKeyOnly);
        var (id, secret) = await EnrollTotpAsync(Mfa(first));
        var racing = new OnceStaleAuthenticatorStore(first.GetRequiredService<IAuthenticatorStore>(), races: 1);
        var rotated = _host.Start(RotationHost.Rotated, b => b.Services.AddSingleton<IAuthenticatorStore>(racing));

        var page = await Mfa(rotated).Administration.ReencryptSecretsAsync(null, 100);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(racing.LostWrites, Is.EqualTo(1), "setup: the first write lost");
            Assert.That((page.Moved, page.Conflicts), Is.EqualTo((1, 0)));
            Assert.That(await StoredKeyIdAsync(first, id), Is.EqualTo(RotationHost.NewKeyId));
            Assert.That((await first.GetRequiredService<IAuthenticatorStore>().FindByIdAsync(id))!.LastUsedAt, Is.Not.Null, "the winner's change is kept");
        }

        var signIn = await SignInAsync(Mfa(_host.Start(RotationHost.NewKeyOnly)), FactorKinds.Totp, new TotpChallengeResponse(CodeNow(secret)));
        Assert.That(signIn.Succeeded, Is.True, signIn.Message);
    }

    [Test]
    public async Task ReencryptSecretsAsync_EveryWriteLost_CountsAConflictAndARerunMovesIt()
    {
        var first = _host.Start(RotationHost.OldKeyOnly);
        await EnrollTotpAsync(Mfa(first));
        var racing = new OnceStaleAuthenticatorStore(first.GetRequiredService<IAuthenticatorStore>(), races: 100);
        var rotated = _host.Start(RotationHost.Rotated, b => b.Services.AddSingleton<IAuthenticatorStore>(racing));

        var page = await Mfa(rotated).Administration.ReencryptSecretsAsync(null, 100);
        var rerun = await Mfa(_host.Start(RotationHost.Rotated)).Administration.ReencryptSecretsAsync(null, 100);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((page.Moved, page.Conflicts), Is.EqualTo((0, 1)));
            Assert.That((rerun.Moved, rerun.Conflicts), Is.EqualTo((1, 0)));
        }
    }
}
