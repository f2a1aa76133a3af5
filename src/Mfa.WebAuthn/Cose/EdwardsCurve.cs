using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace Mfa.WebAuthn.Cose;

/// <summary>
/// EdDSA signature verification (RFC 8032 §5.1.7 for Ed25519, §5.2.7 for Ed448), written from the RFC because .NET
/// has no Ed25519/Ed448 API. Verification only: it handles public data, so it need not be constant-time.
/// </summary>
/// <remarks>
/// Strict checks: the signature has exactly 2b bytes; S must be canonical (S &lt; L); A and R must be canonical point
/// encodings (y &lt; p) that decode to curve points. The group equation is checked cofactorless, <c>[S]B = R + [k]A</c>,
/// which RFC 8032 allows ("sufficient, but not required"); it accepts exactly the signatures honest signers produce.
/// Arithmetic uses <see cref="BigInteger"/> and projective coordinates with the complete addition law
/// (Bernstein–Birkner–Joye–Lange–Peters, valid for both curves because a is a square and d is not). Credential keys
/// use it for Ed448; Ed25519 credentials use the much faster <see cref="Cose.Ed25519"/>, and this class's Ed25519
/// parameter set is the straightforward reference the tests check that one against.
/// </remarks>
internal sealed class EdwardsCurve
{
    private readonly BigInteger _p;
    private readonly BigInteger _a;
    private readonly BigInteger _d;
    private readonly BigInteger _order;
    private readonly Point _base;
    private readonly bool _isEd448;

    private EdwardsCurve(BigInteger p, BigInteger a, BigInteger d, BigInteger order, BigInteger baseX, BigInteger baseY, int encodedLength, bool isEd448)
    {
        _p = p;
        _a = Mod(a, p);
        _d = Mod(d, p);
        _order = order;
        _base = new Point(baseX, baseY, BigInteger.One);
        EncodedLength = encodedLength;
        _isEd448 = isEd448;
    }

    /// <summary>Ed25519: edwards25519, SHA-512, no context (RFC 8032 §5.1).</summary>
    public static EdwardsCurve Ed25519 { get; } = CreateEd25519();

    /// <summary>Ed448: edwards448, SHAKE256 with dom4(0, ""), (RFC 8032 §5.2).</summary>
    public static EdwardsCurve Ed448 { get; } = CreateEd448();

    /// <summary>Whether the platform can verify Ed448 (it needs SHAKE256, from OpenSSL 1.1.1 or Windows 11).</summary>
    public static bool IsEd448Supported => Shake256.IsSupported;

    /// <summary>The length of an encoded point or scalar (b/8): 32 for Ed25519, 57 for Ed448.</summary>
    public int EncodedLength { get; }

    /// <summary>The length of a signature: 64 for Ed25519, 114 for Ed448.</summary>
    public int SignatureLength => 2 * EncodedLength;

    /// <summary>Whether <paramref name="encoded"/> is a canonical encoding of a point on the curve (RFC 8032 §5.1.3 / §5.2.3).</summary>
    /// <param name="encoded">The encoded point.</param>
    /// <returns>Whether it decodes.</returns>
    public bool IsValidPublicKey(ReadOnlySpan<byte> encoded) => TryDecode(encoded, out _);

    /// <summary>Verifies a pure EdDSA signature (no context, not prehashed). Never throws for bad input.</summary>
    /// <param name="publicKey">The encoded public key A.</param>
    /// <param name="message">The message M.</param>
    /// <param name="signature">R || S.</param>
    /// <returns>Whether the signature verifies.</returns>
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength || publicKey.Length != EncodedLength || (_isEd448 && !IsEd448Supported))
        {
            return false;
        }

        var rBytes = signature[..EncodedLength];
        var s = new BigInteger(signature[EncodedLength..], isUnsigned: true, isBigEndian: false);

        // §5.1.7 step 1 / §5.2.7 step 1: S must be in [0, L); A and R must decode.
        if (s >= _order || !TryDecode(publicKey, out var a) || !TryDecode(rBytes, out var r))
        {
            return false;
        }

        // Step 2: k = H(dom || R || A || M) as a little-endian integer, reduced mod L.
        var k = Mod(HashToScalar(rBytes, publicKey, message), _order);

        // Step 3: [S]B = R + [k]A.
        var left = Multiply(s, _base);
        var right = Add(r, Multiply(k, a));
        return AreEqual(left, right);
    }

    private static EdwardsCurve CreateEd25519()
    {
        var p = BigInteger.Pow(2, 255) - 19;
        var d = Mod(-121665 * BigInteger.ModPow(121666, p - 2, p), p);
        var order = BigInteger.Pow(2, 252) + Parse("27742317777372353535851937790883648493");
        var baseX = Parse("15112221349535400772501151409588531511454012693041857206046113283949847762202");
        var baseY = Parse("46316835694926478169428394003475163141307993866256225615783033603165251855960");
        return new EdwardsCurve(p, BigInteger.MinusOne, d, order, baseX, baseY, 32, isEd448: false);
    }

    private static EdwardsCurve CreateEd448()
    {
        var p = BigInteger.Pow(2, 448) - BigInteger.Pow(2, 224) - 1;
        var order = BigInteger.Pow(2, 446) - Parse("13818066809895115352007386748515426880336692474882178609894547503885");
        var baseX = Parse("224580040295924300187604334099896036246789641632564134246125461686950415467406032909029192869357953282578032075146446173674602635247710");
        var baseY = Parse("298819210078481492676017930443930673437544040154080242095928241372331506189835876003536878655418784733982303233503462500531545062832660");
        return new EdwardsCurve(p, BigInteger.One, new BigInteger(-39081), order, baseX, baseY, 57, isEd448: true);
    }

    private static BigInteger Parse(string decimalDigits) => BigInteger.Parse(decimalDigits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        var r = BigInteger.Remainder(value, modulus);
        return r.Sign < 0 ? r + modulus : r;
    }

    private BigInteger HashToScalar(ReadOnlySpan<byte> r, ReadOnlySpan<byte> a, ReadOnlySpan<byte> message)
    {
        if (!_isEd448)
        {
            using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
            sha512.AppendData(r);
            sha512.AppendData(a);
            sha512.AppendData(message);
            Span<byte> digest = stackalloc byte[64];
            sha512.GetHashAndReset(digest);
            return new BigInteger(digest, isUnsigned: true, isBigEndian: false);
        }

        // §5.2: dom4(x, y) = "SigEd448" || octet(x) || octet(OLEN(y)) || y, with x = 0 (pure Ed448) and y empty.
        using var shake = new Shake256();
        shake.AppendData("SigEd448"u8);
        shake.AppendData([0, 0]);
        shake.AppendData(r);
        shake.AppendData(a);
        shake.AppendData(message);
        Span<byte> digest448 = stackalloc byte[114];
        shake.GetHashAndReset(digest448);
        return new BigInteger(digest448, isUnsigned: true, isBigEndian: false);
    }

    private bool TryDecode(ReadOnlySpan<byte> encoded, out Point point)
    {
        point = default;
        if (encoded.Length != EncodedLength)
        {
            return false;
        }

        // The top bit of the last octet is the sign of x; the rest is y, little-endian, which must be < p.
        Span<byte> yBytes = stackalloc byte[EncodedLength];
        encoded.CopyTo(yBytes);
        var sign = (yBytes[^1] & 0x80) != 0;
        yBytes[^1] &= 0x7F;
        var y = new BigInteger(yBytes, isUnsigned: true, isBigEndian: false);
        if (y >= _p)
        {
            return false;
        }

        // x^2 = (y^2 - 1) / (d y^2 - a)
        var y2 = y * y % _p;
        var u = Mod(y2 - 1, _p);
        var v = Mod((_d * y2) - _a, _p);
        if (v.IsZero)
        {
            return false;
        }

        var x2 = u * BigInteger.ModPow(v, _p - 2, _p) % _p;
        if (!TrySquareRoot(x2, out var x))
        {
            return false;
        }

        if (x.IsZero && sign)
        {
            return false;
        }

        if (!x.IsEven != sign)
        {
            x = _p - x;
        }

        point = new Point(x, y, BigInteger.One);
        return true;
    }

    private bool TrySquareRoot(BigInteger value, out BigInteger root)
    {
        if (_isEd448)
        {
            // p ≡ 3 (mod 4).
            root = BigInteger.ModPow(value, (_p + 1) / 4, _p);
        }
        else
        {
            // p ≡ 5 (mod 8): a candidate, fixed up by sqrt(-1) when it squares to -value.
            root = BigInteger.ModPow(value, (_p + 3) / 8, _p);
            if (root * root % _p != value)
            {
                root = root * BigInteger.ModPow(2, (_p - 1) / 4, _p) % _p;
            }
        }

        return root * root % _p == value;
    }

    private Point Add(Point p1, Point p2)
    {
        var a = p1.Z * p2.Z % _p;
        var b = a * a % _p;
        var c = p1.X * p2.X % _p;
        var d = p1.Y * p2.Y % _p;
        var e = _d * c % _p * d % _p;
        var f = Mod(b - e, _p);
        var g = (b + e) % _p;
        var x3 = a * f % _p * Mod(((p1.X + p1.Y) * (p2.X + p2.Y)) - c - d, _p) % _p;
        var y3 = a * g % _p * Mod(d - (_a * c), _p) % _p;
        var z3 = f * g % _p;
        return new Point(x3, y3, z3);
    }

    private Point Multiply(BigInteger scalar, Point point)
    {
        var result = new Point(BigInteger.Zero, BigInteger.One, BigInteger.One);
        for (var bit = (int)scalar.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Add(result, result);
            if (!(scalar >> bit).IsEven)
            {
                result = Add(result, point);
            }
        }

        return result;
    }

    private bool AreEqual(Point p1, Point p2) =>
        Mod((p1.X * p2.Z) - (p2.X * p1.Z), _p).IsZero && Mod((p1.Y * p2.Z) - (p2.Y * p1.Z), _p).IsZero;

    private readonly record struct Point(BigInteger X, BigInteger Y, BigInteger Z);
}
