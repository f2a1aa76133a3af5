namespace Mfa.Core.Factors;

/// <summary>The outcome of <see cref="IReprotectingFactor.Reprotect"/> for one record.</summary>
public sealed class SecretReprotection
{
    private SecretReprotection(SecretReprotectionStatus status, AuthenticatorRecord? record, string? keyId)
    {
        Status = status;
        Record = record;
        KeyId = keyId;
    }

    /// <summary>What was found.</summary>
    public SecretReprotectionStatus Status { get; }

    /// <summary>With <see cref="SecretReprotectionStatus.Reprotected"/>: the record to write back (its version unchanged).</summary>
    public AuthenticatorRecord? Record { get; }

    /// <summary>The key id the record's secret named before (from <see cref="Secrets.ISecretProtector.GetKeyId"/>), or <see langword="null"/>.</summary>
    public string? KeyId { get; }

    /// <summary>The secrets are already under the newest key.</summary>
    /// <param name="keyId">The key id they name.</param>
    /// <returns>The outcome.</returns>
    public static SecretReprotection Current(string? keyId) => new(SecretReprotectionStatus.Current, null, keyId);

    /// <summary>The secrets were protected again; <paramref name="record"/> carries them.</summary>
    /// <param name="record">The record with its new data, at the version it was read.</param>
    /// <param name="keyId">The key id the secret named before.</param>
    /// <returns>The outcome.</returns>
    public static SecretReprotection Reprotected(AuthenticatorRecord record, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(SecretReprotectionStatus.Reprotected, record, keyId);
    }

    /// <summary>No configured key opens the secrets (or the data cannot be read).</summary>
    /// <param name="keyId">The key id the secret asked for, if it names one.</param>
    /// <returns>The outcome.</returns>
    public static SecretReprotection Unreadable(string? keyId) => new(SecretReprotectionStatus.Unreadable, null, keyId);
}
