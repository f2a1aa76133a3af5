using System.Numerics;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Tests.Cose;

/// <summary>Checks the radix-2^51 arithmetic against <see cref="BigInteger"/> arithmetic modulo 2^255 − 19.</summary>
[TestFixture]
public sealed class Ed25519FieldElementTests
{
    private static readonly BigInteger s_p = BigInteger.Pow(2, 255) - 19;

    private static IEnumerable<BigInteger> Values()
    {
        yield return BigInteger.Zero;
        yield return BigInteger.One;
        yield return s_p - 1;
        yield return s_p - 19;
        yield return BigInteger.Pow(2, 255) - 20;
        yield return BigInteger.Pow(2, 254);
        yield return BigInteger.Pow(2, 51) - 1;
        var random = new Random(51);
        var bytes = new byte[32];
        for (var i = 0; i < 60; i++)
        {
            random.NextBytes(bytes);
            bytes[31] &= 0x7F;
            yield return new BigInteger(bytes, isUnsigned: true, isBigEndian: false) % s_p;
        }
    }

    private static BigInteger ToInteger(Ed25519FieldElement element)
    {
        var bytes = new byte[32];
        element.Encode(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    private static BigInteger Mod(BigInteger value) => ((value % s_p) + s_p) % s_p;

    [Test]
    public void Operations_RandomAndEdgeValues_MatchBigIntegerArithmetic()
    {
        var values = Values().ToList();
        for (var i = 0; i < values.Count; i++)
        {
            var a = values[i];
            var b = values[(i * 7 + 3) % values.Count];
            var fa = Ed25519FieldElement.FromInteger(a);
            var fb = Ed25519FieldElement.FromInteger(b);

            Assert.That(ToInteger(fa), Is.EqualTo(a));
            Assert.That(ToInteger(fa + fb), Is.EqualTo(Mod(a + b)));
            Assert.That(ToInteger(fa - fb), Is.EqualTo(Mod(a - b)));
            Assert.That(ToInteger(-fa), Is.EqualTo(Mod(-a)));
            Assert.That(ToInteger(fa * fb), Is.EqualTo(Mod(a * b)));
            Assert.That(ToInteger(fa.Square()), Is.EqualTo(Mod(a * a)));
            Assert.That(ToInteger(fa.Pow22523()), Is.EqualTo(BigInteger.ModPow(a, (s_p - 5) / 8, s_p)));
            Assert.That(fa.IsNegative, Is.EqualTo(!a.IsEven));
        }
    }

    [Test]
    public void Operations_LongChains_StayReduced()
    {
        var x = Ed25519FieldElement.FromInteger(s_p - 1);
        var expected = s_p - 1;
        for (var i = 0; i < 1000; i++)
        {
            x = (x * x) + x - Ed25519FieldElement.One;
            expected = Mod((expected * expected) + expected - 1);
        }

        Assert.That(ToInteger(x), Is.EqualTo(expected));
    }

    [TestCase("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", false, Description = "p")]
    [TestCase("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", false, Description = "p + 1")]
    [TestCase("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", false, Description = "2^255 − 1 with the sign bit")]
    [TestCase("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", true, Description = "p − 1")]
    [TestCase("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", true, Description = "p − 1 with the sign bit")]
    [TestCase("0000000000000000000000000000000000000000000000000000000000000000", true, Description = "0")]
    public void IsCanonical_BoundaryEncodings_RejectsValuesAtLeastP(string hex, bool expected) =>
        Assert.That(Ed25519FieldElement.IsCanonical(Convert.FromHexString(hex)), Is.EqualTo(expected));
}
