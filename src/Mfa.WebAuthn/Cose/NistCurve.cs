using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace Mfa.WebAuthn.Cose;

/// <summary>The NIST prime curves COSE EC2 keys use (RFC 9053 §7.1), with an explicit point-on-curve check.</summary>
internal sealed class NistCurve
{
    private readonly BigInteger _p;
    private readonly BigInteger _b;

    private NistCurve(int coseCurve, ECCurve curve, int coordinateLength, BigInteger p, string bHex)
    {
        CoseCurve = coseCurve;
        Curve = curve;
        CoordinateLength = coordinateLength;
        _p = p;
        _b = BigInteger.Parse(bHex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>P-256 (COSE crv 1).</summary>
    public static NistCurve P256 { get; } = new(1, ECCurve.NamedCurves.nistP256, 32, BigInteger.Pow(2, 256) - BigInteger.Pow(2, 224) + BigInteger.Pow(2, 192) + BigInteger.Pow(2, 96) - 1, "05ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");

    /// <summary>P-384 (COSE crv 2).</summary>
    public static NistCurve P384 { get; } = new(2, ECCurve.NamedCurves.nistP384, 48, BigInteger.Pow(2, 384) - BigInteger.Pow(2, 128) - BigInteger.Pow(2, 96) + BigInteger.Pow(2, 32) - 1, "0b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef");

    /// <summary>P-521 (COSE crv 3).</summary>
    public static NistCurve P521 { get; } = new(3, ECCurve.NamedCurves.nistP521, 66, BigInteger.Pow(2, 521) - 1, "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00");

    /// <summary>The COSE curve identifier.</summary>
    public int CoseCurve { get; }

    /// <summary>The .NET curve.</summary>
    public ECCurve Curve { get; }

    /// <summary>The exact length of an x or y coordinate.</summary>
    public int CoordinateLength { get; }

    /// <summary>Finds a curve by its COSE identifier.</summary>
    /// <param name="coseCurve">The COSE crv value.</param>
    /// <returns>The curve, or null.</returns>
    public static NistCurve? FromCose(long coseCurve) => coseCurve switch
    {
        1 => P256,
        2 => P384,
        3 => P521,
        _ => null,
    };

    /// <summary>Finds a curve by its OID (as in an X.509 SubjectPublicKeyInfo).</summary>
    /// <param name="oid">The curve OID value.</param>
    /// <returns>The curve, or null.</returns>
    public static NistCurve? FromOid(string? oid) => oid switch
    {
        "1.2.840.10045.3.1.7" => P256,
        "1.3.132.0.34" => P384,
        "1.3.132.0.35" => P521,
        _ => null,
    };

    /// <summary>Whether (x, y) satisfies y² = x³ − 3x + b (mod p) with both coordinates in [0, p).</summary>
    /// <param name="x">Big-endian x.</param>
    /// <param name="y">Big-endian y.</param>
    /// <returns>Whether the point is on the curve.</returns>
    public bool IsOnCurve(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var bx = new BigInteger(x, isUnsigned: true, isBigEndian: true);
        var by = new BigInteger(y, isUnsigned: true, isBigEndian: true);
        if (bx >= _p || by >= _p)
        {
            return false;
        }

        var left = by * by % _p;
        var right = ((bx * bx % _p * bx) - (3 * bx) + _b) % _p;
        if (right.Sign < 0)
        {
            right += _p;
        }

        return left == right;
    }
}
