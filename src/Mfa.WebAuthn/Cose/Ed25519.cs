using System.Numerics;
using System.Security.Cryptography;

namespace Mfa.WebAuthn.Cose;

/// <summary>
/// Fast Ed25519 signature verification (RFC 8032 §5.1.7) on radix-2^51 field elements and extended twisted Edwards
/// coordinates (RFC 8032 §5.1.4), with one joint double-scalar multiplication. Same acceptance rules as
/// <see cref="EdwardsCurve"/> (canonical A, R and S; cofactorless equation), which stays the reference implementation
/// the tests compare this one with.
/// </summary>
internal static class Ed25519
{
    /// <summary>The length of a public key and of R and S.</summary>
    public const int KeyLength = 32;

    /// <summary>The length of a signature.</summary>
    public const int SignatureLength = 64;

    private static readonly BigInteger s_p = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger s_order = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly Ed25519FieldElement s_d = Ed25519FieldElement.FromInteger((s_p - 121665) * BigInteger.ModPow(121666, s_p - 2, s_p) % s_p);
    private static readonly Ed25519FieldElement s_d2 = s_d + s_d;
    private static readonly Ed25519FieldElement s_sqrtMinusOne = Ed25519FieldElement.FromInteger(BigInteger.ModPow(2, (s_p - 1) / 4, s_p));
    private static readonly Point s_base = CreateBase();

    /// <summary>Whether <paramref name="encoded"/> is a canonical encoding of a curve point.</summary>
    /// <param name="encoded">32 bytes.</param>
    /// <returns>Whether it decodes.</returns>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> encoded) => TryDecode(encoded, out _);

    /// <summary>Verifies a pure Ed25519 signature. Never throws for bad input.</summary>
    /// <param name="publicKey">A (32 bytes).</param>
    /// <param name="message">M.</param>
    /// <param name="signature">R || S (64 bytes).</param>
    /// <returns>Whether it verifies.</returns>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != KeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        var rBytes = signature[..KeyLength];
        var sBytes = signature[KeyLength..];

        // §5.1.7 step 1: S in [0, L); A and R canonical curve points.
        if (new BigInteger(sBytes, isUnsigned: true, isBigEndian: false) >= s_order
            || !TryDecode(publicKey, out var a) || !TryDecode(rBytes, out var r))
        {
            return false;
        }

        // Step 2: k = SHA-512(R || A || M) mod L.
        Span<byte> digest = stackalloc byte[64];
        using (var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512))
        {
            sha512.AppendData(rBytes);
            sha512.AppendData(publicKey);
            sha512.AppendData(message);
            sha512.GetHashAndReset(digest);
        }

        Span<byte> k = stackalloc byte[32];
        k.Clear();
        _ = (new BigInteger(digest, isUnsigned: true, isBigEndian: false) % s_order).TryWriteBytes(k, out _, isUnsigned: true, isBigEndian: false);

        // Step 3: [S]B − [k]A = R, with Straus' joint double-and-add over both 253-bit scalars.
        var minusA = a.Negate();
        var sum = Add(s_base, minusA);
        var q = Point.Identity;
        for (var bit = 252; bit >= 0; bit--)
        {
            q = Double(q);
            var sBit = ((sBytes[bit >> 3] >> (bit & 7)) & 1) != 0;
            var kBit = ((k[bit >> 3] >> (bit & 7)) & 1) != 0;
            if (sBit && kBit)
            {
                q = Add(q, sum);
            }
            else if (sBit)
            {
                q = Add(q, s_base);
            }
            else if (kBit)
            {
                q = Add(q, minusA);
            }
        }

        // R is affine (Z = 1): compare X/Z and Y/Z.
        return q.X == r.X * q.Z && q.Y == r.Y * q.Z;
    }

    private static Point CreateBase()
    {
        var y = Ed25519FieldElement.FromInteger(4 * BigInteger.ModPow(5, s_p - 2, s_p) % s_p);
        var x = Ed25519FieldElement.FromInteger(BigInteger.Parse("15112221349535400772501151409588531511454012693041857206046113283949847762202", System.Globalization.CultureInfo.InvariantCulture));
        return new Point(x, y, Ed25519FieldElement.One, x * y);
    }

    private static bool TryDecode(ReadOnlySpan<byte> encoded, out Point point)
    {
        point = default;
        if (encoded.Length != KeyLength || !Ed25519FieldElement.IsCanonical(encoded))
        {
            return false;
        }

        // §5.1.3: x^2 = (y^2 − 1) / (d y^2 + 1); x = u v^3 (u v^7)^((p − 5) / 8), fixed up by sqrt(−1).
        var y = Ed25519FieldElement.Decode(encoded);
        var sign = (encoded[31] & 0x80) != 0;
        var y2 = y.Square();
        var u = y2 - Ed25519FieldElement.One;
        var v = (s_d * y2) + Ed25519FieldElement.One;
        var v3 = v.Square() * v;
        var x = u * v3 * (u * v3.Square() * v).Pow22523();
        var vx2 = v * x.Square();
        if (vx2 != u)
        {
            if (vx2 != -u)
            {
                return false;
            }

            x *= s_sqrtMinusOne;
        }

        if (x.IsZero && sign)
        {
            return false;
        }

        if (x.IsNegative != sign)
        {
            x = -x;
        }

        point = new Point(x, y, Ed25519FieldElement.One, x * y);
        return true;
    }

    // RFC 8032 §5.1.4 addition (complete for edwards25519).
    private static Point Add(Point p, Point q)
    {
        var a = (p.Y - p.X) * (q.Y - q.X);
        var b = (p.Y + p.X) * (q.Y + q.X);
        var c = p.T * s_d2 * q.T;
        var d = p.Z * q.Z;
        d += d;
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return new Point(e * f, g * h, f * g, e * h);
    }

    // RFC 8032 §5.1.4 doubling.
    private static Point Double(Point p)
    {
        var a = p.X.Square();
        var b = p.Y.Square();
        var zz = p.Z.Square();
        var c = zz + zz;
        var h = a + b;
        var e = h - (p.X + p.Y).Square();
        var g = a - b;
        var f = c + g;
        return new Point(e * f, g * h, f * g, e * h);
    }

    /// <summary>A point in extended coordinates: x = X/Z, y = Y/Z, x·y = T/Z.</summary>
    private readonly record struct Point(Ed25519FieldElement X, Ed25519FieldElement Y, Ed25519FieldElement Z, Ed25519FieldElement T)
    {
        public static Point Identity => new(Ed25519FieldElement.Zero, Ed25519FieldElement.One, Ed25519FieldElement.One, Ed25519FieldElement.Zero);

        public Point Negate() => new(-X, Y, Z, -T);
    }
}
