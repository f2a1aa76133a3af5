using System.Security.Cryptography;

namespace Mfa.Core.Secrets;

/// <summary>Encrypts secrets (TOTP seeds, client secrets) before they are stored.</summary>
/// <remarks>
/// The <c>purpose</c> binds a ciphertext to its use (for example to one user's TOTP seed), so a ciphertext copied
/// into another record does not decrypt. A failure to unprotect is a configuration or infrastructure fault
/// (wrong key, tampered store) and throws <see cref="CryptographicException"/>; factors turn it into
/// <see cref="MfaFailureReason.SecretUnavailable"/>. Protectors with a key ring (the default one, Data Protection) encrypt
/// with the newest key and decrypt with any configured one; <see cref="Reprotect"/> moves a secret to the newest key.
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
    /// <exception cref="CryptographicException">The data was tampered with, no configured key opens it, or the purpose differs.</exception>
    byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose);

    /// <summary>
    /// Names the key a protected secret asks for, read from its header without decrypting (for events and key-ring
    /// inspection). Never key material.
    /// </summary>
    /// <param name="protectedData">The protected bytes.</param>
    /// <returns>The key id, or <see langword="null"/> when the format names none (the default protector's format 1) or the protector cannot tell.</returns>
    string? GetKeyId(ReadOnlySpan<byte> protectedData) => null;

    /// <summary>Protects a secret again under the key that encrypts new secrets, unless it already is.</summary>
    /// <param name="protectedData">The protected bytes.</param>
    /// <param name="purpose">The purpose it was protected with (kept).</param>
    /// <returns>
    /// The secret protected under the newest key, or <see langword="null"/> when it already is. The default implementation
    /// cannot tell and always protects again (idempotent, but every record counts as moved).
    /// </returns>
    /// <exception cref="CryptographicException">No configured key opens the data, or it was tampered with.</exception>
    byte[]? Reprotect(ReadOnlySpan<byte> protectedData, string purpose)
    {
        var plaintext = Unprotect(protectedData, purpose);
        try
        {
            return Protect(plaintext, purpose);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
