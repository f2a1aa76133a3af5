using NSec.Cryptography;
using BouncyEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Mfa.WebAuthn.Cose;

/// <summary>
/// Ed25519 signature verification (RFC 8032 §5.1.7, pure, no context) by libsodium through NSec.Cryptography; the
/// public key's point decoding at import by BouncyCastle. No curve arithmetic here: only byte-level checks of the
/// encodings, which make the acceptance rules explicit and independent of how the native library was built.
/// </summary>
/// <remarks>
/// Rules (each is also enforced by libsodium's <c>crypto_sign_verify_detached</c> in its default, non-compat build;
/// the tests check both layers): S canonical (S &lt; L); A and R canonical encodings (the 255-bit y &lt; p); neither A
/// nor R one of the eight small-order points (any encoding, either sign bit); A a curve point (checked at import).
/// The equation libsodium checks is the cofactorless <c>[S]B = R + [k]A</c>, compared on the encoded R, so a
/// non-canonical R can never match.
/// </remarks>
internal static class Ed25519Verifier
{
    /// <summary>The length of a public key and of R and S.</summary>
    public const int KeyLength = 32;

    /// <summary>The length of a signature.</summary>
    public const int SignatureLength = 64;

    // L = 2^252 + 27742317777372353535851937790883648493, little-endian.
    private static ReadOnlySpan<byte> Order =>
    [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ];

    // The y coordinates (sign bit clear) of the points of order 1, 2, 4 and 8, including the non-canonical encodings
    // y = p and y = p + 1 of 0 and 1: the list libsodium's ge25519_has_small_order uses.
    private static ReadOnlySpan<byte> SmallOrderEncodings =>
    [
        // 0 (order 4)
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,

        // 1 (order 1: the neutral element)
        0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,

        // 2707385501144840649318225287225658788936804267575313519463743609750303402022 (order 8)
        0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
        0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,

        // 55188659117513257062467267217118295137698188065244968500265048394206261417927 (order 8)
        0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
        0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,

        // p − 1 (order 2)
        0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,

        // p (non-canonical 0, order 4)
        0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,

        // p + 1 (non-canonical 1, order 1)
        0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
    ];

    /// <summary>
    /// Imports an encoded public key A: canonical, not of small order, and a point on the curve; null otherwise.
    /// </summary>
    /// <param name="encoded">32 bytes.</param>
    /// <returns>The key libsodium verifies with, or null.</returns>
    public static PublicKey? TryImport(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != KeyLength || !IsCanonicalPoint(encoded) || HasSmallOrder(encoded)
            || !BouncyEd25519.ValidatePublicKeyPartial(encoded.ToArray(), 0))
        {
            return null;
        }

        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, encoded, KeyBlobFormat.RawPublicKey, out var key) ? key : null;
    }

    /// <summary>Verifies a pure Ed25519 signature with a key from <see cref="TryImport"/>. Never throws for bad input.</summary>
    /// <param name="publicKey">A.</param>
    /// <param name="message">M.</param>
    /// <param name="signature">R || S (64 bytes).</param>
    /// <returns>Whether it verifies.</returns>
    public static bool Verify(PublicKey publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (signature.Length != SignatureLength)
        {
            return false;
        }

        var r = signature[..KeyLength];
        var s = signature[KeyLength..];
        return IsCanonicalScalar(s) && IsCanonicalPoint(r) && !HasSmallOrder(r)
            && SignatureAlgorithm.Ed25519.Verify(publicKey, message, signature);
    }

    /// <summary>Whether a little-endian scalar is below the group order L (RFC 8032 §5.1.7 step 1).</summary>
    /// <param name="scalar">32 bytes.</param>
    /// <returns>Whether S &lt; L.</returns>
    internal static bool IsCanonicalScalar(ReadOnlySpan<byte> scalar)
    {
        var order = Order;
        for (var i = KeyLength - 1; i >= 0; i--)
        {
            if (scalar[i] != order[i])
            {
                return scalar[i] < order[i];
            }
        }

        return false;
    }

    /// <summary>Whether an encoded point's y (the low 255 bits) is below p = 2^255 − 19 (RFC 8032 §5.1.3 step 1).</summary>
    /// <param name="encoded">32 bytes.</param>
    /// <returns>Whether y &lt; p.</returns>
    internal static bool IsCanonicalPoint(ReadOnlySpan<byte> encoded)
    {
        // y ≥ p only when bits 8..254 are all ones and the low byte is at least 0xed.
        if ((encoded[31] & 0x7f) != 0x7f || encoded[0] < 0xed)
        {
            return true;
        }

        for (var i = 1; i < 31; i++)
        {
            if (encoded[i] != 0xff)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an encoded point is one of the small-order points, whatever its sign bit.</summary>
    /// <param name="encoded">32 bytes.</param>
    /// <returns>Whether it is of order 1, 2, 4 or 8.</returns>
    internal static bool HasSmallOrder(ReadOnlySpan<byte> encoded)
    {
        var list = SmallOrderEncodings;
        for (var offset = 0; offset < list.Length; offset += KeyLength)
        {
            var candidate = list.Slice(offset, KeyLength);
            if (encoded[..31].SequenceEqual(candidate[..31]) && (encoded[31] & 0x7f) == candidate[31])
            {
                return true;
            }
        }

        return false;
    }
}
