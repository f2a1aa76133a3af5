using BouncyEd448 = Org.BouncyCastle.Math.EC.Rfc8032.Ed448;

namespace Mfa.WebAuthn.Cose;

/// <summary>
/// Ed448 signature verification (RFC 8032 §5.2.7, pure, empty context) by BouncyCastle (libsodium, and so NSec, has
/// no Ed448). BouncyCastle refuses a non-canonical S (S ≥ L), non-canonical encodings of R and A, and a small-order
/// or non-curve A; the tests check each rule.
/// </summary>
internal static class Ed448Verifier
{
    /// <summary>The length of a public key and of R and S.</summary>
    public const int KeyLength = 57;

    /// <summary>The length of a signature.</summary>
    public const int SignatureLength = 114;

    /// <summary>Whether <paramref name="encoded"/> is a canonical encoding of a curve point not of small order.</summary>
    /// <param name="encoded">57 bytes.</param>
    /// <returns>Whether it is a usable public key.</returns>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> encoded) =>
        encoded.Length == KeyLength && BouncyEd448.ValidatePublicKeyPartial(encoded.ToArray(), 0);

    /// <summary>Verifies a pure Ed448 signature (empty context, not prehashed). Never throws for bad input.</summary>
    /// <param name="publicKey">A (57 bytes).</param>
    /// <param name="message">M.</param>
    /// <param name="signature">R || S (114 bytes).</param>
    /// <returns>Whether it verifies.</returns>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != KeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        var m = message.ToArray();
        return BouncyEd448.Verify(signature.ToArray(), 0, publicKey.ToArray(), 0, [], m, 0, m.Length);
    }
}
