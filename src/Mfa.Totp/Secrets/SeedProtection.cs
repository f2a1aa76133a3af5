using System.Security.Cryptography;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Secrets;
using Microsoft.Extensions.Logging;

namespace Mfa.Totp.Secrets;

/// <summary>
/// How the TOTP and HOTP factors open and re-protect their seeds: a seed no configured key opens is a typed outcome and
/// an Error event naming the authenticator and the key id the seed asked for (<see cref="Core.Diagnostics.MfaEventIds.SecretUnavailable"/>),
/// never an exception.
/// </summary>
internal sealed class SeedProtection(ISecretProtector protector, ILogger logger, string factor)
{
    public byte[] Protect(ReadOnlySpan<byte> secret, string purpose) => protector.Protect(secret, purpose);

    /// <summary>Opens a seed; <see langword="null"/> (and the event) when no configured key opens it.</summary>
    public byte[]? TryUnprotect(byte[] protectedSecret, string purpose, string userId, string authenticatorId)
    {
        try
        {
            return protector.Unprotect(protectedSecret, purpose);
        }
        catch (CryptographicException)
        {
            // A rotated-away key, a wrong key, a corrupted record: the operator needs the key id, the user a typed failure.
            SeedProtectionLog.SecretUnavailable(logger, factor, authenticatorId, userId, protector.GetKeyId(protectedSecret) ?? "(none)");
            return null;
        }
    }

    /// <summary>Re-protects a record's seed under the newest key; <paramref name="withSeed"/> builds the record's data around the new blob.</summary>
    public SecretReprotection Reprotect(AuthenticatorRecord record, byte[] protectedSecret, string purpose, Func<byte[], string> withSeed)
    {
        var keyId = protector.GetKeyId(protectedSecret);
        byte[]? moved;
        try
        {
            moved = protector.Reprotect(protectedSecret, purpose);
        }
        catch (CryptographicException)
        {
            // The service raises the event for re-encryption (it counts the record as unreadable).
            return SecretReprotection.Unreadable(keyId);
        }

        return moved is null ? SecretReprotection.Current(keyId) : SecretReprotection.Reprotected(record with { Data = withSeed(moved) }, keyId);
    }
}
