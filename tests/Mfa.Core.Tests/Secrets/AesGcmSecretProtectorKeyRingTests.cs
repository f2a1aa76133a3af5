using System.Security.Cryptography;
using System.Text;
using Mfa.Core.Secrets;
using Mfa.Testing;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Tests.Secrets;

/// <summary>The default protector under a key ring: format 2 names the key, the primary encrypts, any key decrypts.</summary>
[TestFixture]
public sealed class AesGcmSecretProtectorKeyRingTests
{
    private static readonly byte[] s_new = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    private static AesGcmSecretProtector OldOnly() => new(Options.Create(new MfaOptions { SecretKey = TestKeys.SecretKey }));

    private static AesGcmSecretProtector Rotated()
    {
        var options = new MfaOptions { SecretKey = TestKeys.SecretKey, PrimarySecretKeyId = "2026-12" };
        options.SecretKeys["2026-12"] = s_new;
        return new(Options.Create(options));
    }

    private static AesGcmSecretProtector NewOnly()
    {
        var options = new MfaOptions();
        options.SecretKeys["2026-12"] = s_new;
        return new(Options.Create(options));
    }

    [Test]
    public void Protect_Ring_HeaderNamesThePrimaryKeyId()
    {
        using var protector = Rotated();

        var blob = protector.Protect([1, 2, 3], "p");

        Assert.That(blob[0], Is.EqualTo(2), "format 2");
        Assert.That(Encoding.ASCII.GetString(blob, 2, blob[1]), Is.EqualTo("2026-12"));
        Assert.That(protector.GetKeyId(blob), Is.EqualTo("2026-12"));
    }

    [Test]
    public void Unprotect_SecretUnderTheOldKey_OpensAfterRotation()
    {
        using var old = OldOnly();
        using var rotated = Rotated();
        var blob = old.Protect([1, 2, 3], "p");

        Assert.That(rotated.Unprotect(blob, "p"), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void Unprotect_KeyRemoved_ThrowsNamingTheKeyIdButNoKeyMaterial()
    {
        using var old = OldOnly();
        using var newOnly = NewOnly();
        var blob = old.Protect([1, 2, 3], "p");

        var thrown = Assert.Throws(Is.InstanceOf<CryptographicException>(), () => newOnly.Unprotect(blob, "p"));

        Assert.That(thrown!.Message, Does.Contain("'default'").And.Not.Contain(Convert.ToBase64String(TestKeys.SecretKey)[..8]));
    }

    [Test]
    public void Unprotect_KeyIdInTheHeaderSwappedForAnotherConfiguredKey_Throws()
    {
        // Same length ids so the rest of the layout stays put: the id is bound as associated data, not only a hint.
        var options = new MfaOptions { PrimarySecretKeyId = "k1" };
        options.SecretKeys["k1"] = TestKeys.SecretKey;
        options.SecretKeys["k2"] = s_new;
        using var protector = new AesGcmSecretProtector(Options.Create(options));
        var blob = protector.Protect([1, 2, 3], "p");
        blob[3] = (byte)'2';

        Assert.That(() => protector.Unprotect(blob, "p"), Throws.InstanceOf<CryptographicException>());
    }

    [TestCase(new byte[] { 2 }, Description = "version only")]
    [TestCase(new byte[] { 2, 0, 1, 2, 3 }, Description = "empty key id")]
    [TestCase(new byte[] { 2, 40, 65 }, Description = "key id longer than the data")]
    [TestCase(new byte[] { 2, 1, (byte)'k', 1, 2 }, Description = "no room for nonce and tag")]
    [TestCase(new byte[] { 9, 1, 2, 3 }, Description = "unknown version")]
    public void Unprotect_MalformedHeader_ThrowsCryptographicException(byte[] blob)
    {
        using var protector = Rotated();

        Assert.That(() => protector.Unprotect(blob, "p"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Reprotect_UnderThePrimaryKey_ReturnsNull()
    {
        using var protector = Rotated();
        var blob = protector.Protect([1, 2, 3], "p");

        Assert.That(protector.Reprotect(blob, "p"), Is.Null);
    }

    [Test]
    public void Reprotect_UnderAnOlderKey_ReturnsTheSecretUnderThePrimary()
    {
        using var old = OldOnly();
        using var rotated = Rotated();
        using var newOnly = NewOnly();
        var blob = old.Protect([1, 2, 3], "p");

        var moved = rotated.Reprotect(blob, "p");

        Assert.That(rotated.GetKeyId(moved), Is.EqualTo("2026-12"));
        Assert.That(newOnly.Unprotect(moved, "p"), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void Reprotect_TamperedBlobUnderThePrimary_Throws()
    {
        using var protector = Rotated();
        var blob = protector.Protect([1, 2, 3], "p");
        blob[^1] ^= 1;

        Assert.That(() => protector.Reprotect(blob, "p"), Throws.InstanceOf<CryptographicException>());
    }
}
