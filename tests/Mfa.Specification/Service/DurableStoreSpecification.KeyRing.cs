using Mfa.Core;
using Mfa.Testing;
using Mfa.Totp.CounterBased;

namespace Mfa.Specification.Service;

/// <summary>
/// Key rotation on a durable store: a server with a new primary key re-encrypts what servers with the old key stored, and
/// a server with only the new key then signs in with every record.
/// </summary>
public abstract partial class DurableStoreSpecification
{
    private const string NewKeyId = "2026-12";

    private static readonly byte[] s_newKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    private static void RotatedKeys(MfaOptions options)
    {
        options.SecretKeys[NewKeyId] = s_newKey;
        options.PrimarySecretKeyId = NewKeyId;
    }

    private static void NewKeyOnly(MfaOptions options)
    {
        options.SecretKey = null;
        options.SecretKeys[NewKeyId] = s_newKey;
    }

    [Test]
    public async Task ReencryptSecretsAsync_AfterRotation_MovesEveryRecordAndTheOldKeyCanGo()
    {
        var before = Mfa(StartServer());
        var (_, secret) = await EnrollTotpAsync(before);
        var imported = await before.ImportAuthenticatorAsync(s_alice.JustVerified(Time), new HotpImport(s_hotpSecret, 0) { Name = "Token" });
        Assert.That(imported.Succeeded, Is.True, imported.Message);
        await ProbeFlow.EnrollAsync(before, s_alice.JustVerified(Time));
        var admin = Mfa(StartServer(RotatedKeys)).Administration;

        var page = await admin.ReencryptSecretsAsync(null, 1000);
        var again = await admin.ReencryptSecretsAsync(null, 1000);

        var after = Mfa(StartServer(NewKeyOnly));
        var totp = await SignInWithTotpAsync(after, CodeNow(secret));
        var hotp = await SignInWithHotpAsync(after, HotpCode(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Succeeded, Is.True, page.Message);
            Assert.That((page.Moved, page.Unreadable, page.Conflicts, page.Skipped), Is.EqualTo((2, 0, 0, 1)), "the probe factor holds no secret");
            Assert.That(page.KeyIds, Is.EquivalentTo(new Dictionary<string, int> { [MfaOptions.DefaultSecretKeyId] = 2 }));
            Assert.That((again.Moved, again.AlreadyCurrent), Is.EqualTo((0, 2)), "a second run moves nothing");
            Assert.That(totp.Succeeded, Is.True, totp.Message);
            Assert.That(hotp.Succeeded, Is.True, hotp.Message);
        }
    }

    [Test]
    public async Task ReencryptSecretsAsync_KeyRemovedFirst_SignInIsSecretUnavailable()
    {
        var (_, secret) = await EnrollTotpAsync(Mfa(StartServer()));

        var result = await SignInWithTotpAsync(Mfa(StartServer(NewKeyOnly)), CodeNow(secret));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.SecretUnavailable));
    }
}
