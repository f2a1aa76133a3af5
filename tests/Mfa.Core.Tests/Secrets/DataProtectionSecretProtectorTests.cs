using System.Security.Cryptography;
using Mfa.Core.Secrets;
using Microsoft.AspNetCore.DataProtection;

namespace Mfa.Core.Tests.Secrets;

[TestFixture]
public sealed class DataProtectionSecretProtectorTests
{
    private readonly DataProtectionSecretProtector _protector = new(new EphemeralDataProtectionProvider());

    [Test]
    public void Unprotect_RoundTrip_ReturnsPlaintext()
    {
        var secret = RandomNumberGenerator.GetBytes(20);

        var protectedData = _protector.Protect(secret, "totp:alice");

        Assert.That(_protector.Unprotect(protectedData, "totp:alice"), Is.EqualTo(secret));
    }

    [Test]
    public void Protect_Output_DoesNotContainPlaintext()
    {
        var secret = "12345678901234567890"u8.ToArray();

        var protectedData = _protector.Protect(secret, "p");

        Assert.That(protectedData.AsSpan().IndexOf(secret), Is.EqualTo(-1));
    }

    [Test]
    public void Unprotect_OtherPurpose_ThrowsCryptographic()
    {
        var protectedData = _protector.Protect([1, 2, 3], "totp:alice");

        Assert.That(() => _protector.Unprotect(protectedData, "totp:mallory"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Unprotect_TamperedByte_ThrowsCryptographic()
    {
        var protectedData = _protector.Protect([1, 2, 3], "p");
        protectedData[^1] ^= 1;

        Assert.That(() => _protector.Unprotect(protectedData, "p"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Unprotect_OtherKeyRing_ThrowsCryptographic()
    {
        var other = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());
        var protectedData = _protector.Protect([1, 2, 3], "p");

        Assert.That(() => other.Unprotect(protectedData, "p"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Unprotect_DataProtectedDirectlyWithTheSamePurposeString_ThrowsCryptographic()
    {
        var provider = new EphemeralDataProtectionProvider();
        var protector = new DataProtectionSecretProtector(provider);
        var foreign = provider.CreateProtector("p").Protect([1, 2, 3]);

        Assert.That(() => protector.Unprotect(foreign, "p"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void GetKeyId_Payload_NamesTheDataProtectionKeyGuid()
    {
        var protectedData = _protector.Protect([1, 2, 3], "p");

        // The ephemeral provider's single in-memory key has the empty GUID; a persisted key ring's keys have random ones.
        Assert.That(_protector.GetKeyId(protectedData), Is.EqualTo(Guid.Empty.ToString("D")));
        Assert.That(_protector.GetKeyId([2, 1, (byte)'k']), Is.Null, "not a Data Protection payload");
    }

    [Test]
    public void Reprotect_UnderTheDefaultKey_ReturnsNull()
    {
        var protectedData = _protector.Protect([1, 2, 3], "p");

        Assert.That(_protector.Reprotect(protectedData, "p"), Is.Null);
    }

    [Test]
    public void Reprotect_OtherKeyRing_ThrowsCryptographic()
    {
        var other = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());
        var protectedData = _protector.Protect([1, 2, 3], "p");

        Assert.That(() => other.Reprotect(protectedData, "p"), Throws.InstanceOf<CryptographicException>());
    }
}
