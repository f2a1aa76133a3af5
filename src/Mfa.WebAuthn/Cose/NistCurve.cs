using System.Security.Cryptography;

namespace Mfa.WebAuthn.Cose;

/// <summary>The NIST prime curves COSE EC2 keys use (RFC 9053 §7.1), with an explicit point-on-curve check (BouncyCastle).</summary>
internal sealed class NistCurve
{
    private readonly Org.BouncyCastle.Asn1.X9.X9ECParameters _bouncy;

    private NistCurve(int coseCurve, ECCurve curve, int coordinateLength, string name)
    {
        CoseCurve = coseCurve;
        Curve = curve;
        CoordinateLength = coordinateLength;
        _bouncy = Org.BouncyCastle.Asn1.X9.ECNamedCurveTable.GetByName(name);
    }

    /// <summary>P-256 (COSE crv 1).</summary>
    public static NistCurve P256 { get; } = new(1, ECCurve.NamedCurves.nistP256, 32, "P-256");

    /// <summary>P-384 (COSE crv 2).</summary>
    public static NistCurve P384 { get; } = new(2, ECCurve.NamedCurves.nistP384, 48, "P-384");

    /// <summary>P-521 (COSE crv 3).</summary>
    public static NistCurve P521 { get; } = new(3, ECCurve.NamedCurves.nistP521, 66, "P-521");

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
        // The curve equation is checked by BouncyCastle, not by arithmetic of ours (coordinates at or above p fail too).
        try
        {
            _bouncy.Curve.ValidatePoint(new Org.BouncyCastle.Math.BigInteger(1, x.ToArray()), new Org.BouncyCastle.Math.BigInteger(1, y.ToArray()));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
