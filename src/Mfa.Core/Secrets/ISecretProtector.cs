namespace Mfa.Core.Secrets;

/// <summary>Encrypts secrets (TOTP seeds, client secrets) before they are stored.</summary>
/// <remarks>
/// The <c>purpose</c> binds a ciphertext to its use (for example to one user's TOTP seed), so a ciphertext copied
/// into another record does not decrypt. A failure to unprotect is a configuration or infrastructure fault
/// (wrong key, tampered store) and throws <see cref="System.Security.Cryptography.CryptographicException"/>.
/// </remarks>
public interface ISecretProtector
{
    /// <summary>Encrypts and authenticates a secret.</summary>
    /// <param name="plaintext">The secret.</param>
    /// <param name="purpose">What the secret is for (authenticated, not encrypted).</param>
    /// <returns>The protected bytes.</returns>
    byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose);

    /// <summary>Decrypts a secret protected with the same purpose.</summary>
    /// <param name="protectedData">The protected bytes.</param>
    /// <param name="purpose">The purpose it was protected with.</param>
    /// <returns>The secret. Callers should clear it after use.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The data was tampered with, or the key or purpose differ.</exception>
    byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose);
}
