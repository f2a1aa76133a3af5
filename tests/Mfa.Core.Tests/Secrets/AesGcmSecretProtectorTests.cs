using System.Security.Cryptography;
using Mfa.Core.Secrets;
using Mfa.Testing;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Tests.Secrets;

[TestFixture]
public sealed class AesGcmSecretProtectorTests
{
    private static AesGcmSecretProtector Create(byte[]? key = null) =>
        new(Options.Create(new MfaOptions { SecretKey = key ?? TestKeys.SecretKey }));

    [Test]
    public void Unprotect_RoundTrip_ReturnsPlaintext()
    {
        using var protector = Create();
        var secret = RandomNumberGenerator.GetBytes(20);
        var protectedData = protector.Protect(secret, "totp:alice");
        Assert.That(protector.Unprotect(protectedData, "totp:alice"), Is.EqualTo(secret));
    }

    [Test]
    public void Protect_SameSecretTwice_CiphertextsDiffer()
    {
        using var protector = Create();
        var secret = new byte[20];
        var first = protector.Protect(secret, "p");
        var second = protector.Protect(secret, "p");
        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public void Protect_Output_DoesNotContainPlaintext()
    {
        using var protector = Create();
        var secret = "12345678901234567890"u8.ToArray();
        var protectedData = protector.Protect(secret, "p");
        Assert.That(protectedData.AsSpan().IndexOf(secret), Is.EqualTo(-1));
    }

    [Test]
    public void Unprotect_OtherPurpose_Throws()
    {
        using var protector = Create();
        var protectedData = protector.Protect([1, 2, 3], "totp:alice");
        Assert.That(() => protector.Unprotect(protectedData, "totp:mallory"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Unprotect_TamperedByte_Throws()
    {
        using var protector = Create();
        var protectedData = protector.Protect([1, 2, 3], "p");
        protectedData[^1] ^= 1;
        Assert.That(() => protector.Unprotect(protectedData, "p"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Unprotect_OtherKey_Throws()
    {
        using var protector = Create();
        using var other = Create([.. Enumerable.Repeat((byte)7, 32)]);
        var protectedData = protector.Protect([1, 2, 3], "p");
        Assert.That(() => other.Unprotect(protectedData, "p"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Unprotect_Truncated_Throws()
    {
        using var protector = Create();
        Assert.That(() => protector.Unprotect(new byte[5], "p"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Constructor_NoKey_ThrowsOptionsValidation()
    {
        Assert.That(() => new AesGcmSecretProtector(Options.Create(new MfaOptions())), Throws.InstanceOf<OptionsValidationException>());
    }
}
