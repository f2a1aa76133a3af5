using System.Security.Cryptography;
using Mfa.Core;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Tests.Cose;

[TestFixture]
public sealed class CoseKeyCacheTests
{
    private static byte[] NewKey() => TestCbor.EncodeKey(ECDsa.Create(ECCurve.NamedCurves.nistP256), -7);

    [Test]
    public void TryGetOrDecode_SameBytesTwice_ReturnsTheSameInstance()
    {
        var cache = new CoseKeyCache();
        var encoded = NewKey();

        Assert.That(cache.TryGetOrDecode(encoded, false, out var first, out _), Is.True);
        Assert.That(cache.TryGetOrDecode(encoded.ToArray(), false, out var second, out _), Is.True);
        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void TryGetOrDecode_DifferentBytes_ReturnsDifferentKeys()
    {
        var cache = new CoseKeyCache();

        Assert.That(cache.TryGetOrDecode(NewKey(), false, out var first, out _), Is.True);
        Assert.That(cache.TryGetOrDecode(NewKey(), false, out var second, out _), Is.True);
        Assert.That(second, Is.Not.SameAs(first));
    }

    [Test]
    public void TryGetOrDecode_MalformedKey_FailsAndIsNotCached()
    {
        var cache = new CoseKeyCache();

        Assert.That(cache.TryGetOrDecode(new byte[] { 0xA0 }, false, out var key, out var failure), Is.False);
        Assert.That((key, failure), Is.EqualTo(((CoseKey?)null, MfaFailureReason.MalformedInput)));
        Assert.That(cache.Count, Is.Zero);
    }

    [Test]
    public void TryGetOrDecode_MoreKeysThanCapacity_StaysBounded()
    {
        var cache = new CoseKeyCache(capacity: 3);

        for (var i = 0; i < 10; i++)
        {
            Assert.That(cache.TryGetOrDecode(NewKey(), false, out _, out _), Is.True);
        }

        Assert.That(cache.Count, Is.InRange(1, 3));
    }

    [Test]
    public void TryGetOrDecode_Rs1CachedWithAllowRs1_IsRefusedWithoutIt()
    {
        var cache = new CoseKeyCache();
        var encoded = TestCbor.EncodeKey(RSA.Create(2048), -65535);

        Assert.That(cache.TryGetOrDecode(encoded, allowRs1: true, out _, out _), Is.True);
        Assert.That(cache.TryGetOrDecode(encoded, allowRs1: false, out var key, out var failure), Is.False);
        Assert.That((key, failure), Is.EqualTo(((CoseKey?)null, MfaFailureReason.UnsupportedAlgorithm)));
    }

    [Test]
    public void TryGetOrDecode_CachedKey_DoesNotAliasTheCallerBuffer()
    {
        var cache = new CoseKeyCache();
        var encoded = NewKey();
        Assert.That(cache.TryGetOrDecode(encoded, false, out var key, out _), Is.True);
        var copy = encoded.ToArray();

        encoded.AsSpan().Clear();

        Assert.That(key!.Encoded.ToArray(), Is.EqualTo(copy));
    }

    [Test]
    public void TryGetOrDecode_ConcurrentCallers_AllGetAWorkingKey()
    {
        var cache = new CoseKeyCache();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var encoded = TestCbor.EncodeKey(ecdsa, -7);
        var data = "data"u8.ToArray();
        var signature = ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var verified = 0;

        Parallel.For(0, 200, i =>
        {
            if (cache.TryGetOrDecode(encoded, false, out var key, out _) && key!.VerifySignature(data, signature))
            {
                Interlocked.Increment(ref verified);
            }
        });

        Assert.That(verified, Is.EqualTo(200));
    }

    [Test]
    public void TryGetOrDecode_CachedLookup_DoesNotAllocate()
    {
        var cache = new CoseKeyCache();
        ReadOnlyMemory<byte> encoded = NewKey();
        Assert.That(cache.TryGetOrDecode(encoded, false, out _, out _), Is.True);
        _ = cache.TryGetOrDecode(encoded, false, out _, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = cache.TryGetOrDecode(encoded, false, out _, out _);

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
