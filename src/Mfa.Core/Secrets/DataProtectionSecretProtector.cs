using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Mfa.Core.Secrets;

/// <summary>An <see cref="ISecretProtector"/> over ASP.NET Core Data Protection (key ring, rotation, key storage by the host).</summary>
/// <remarks>
/// Data Protection names its key in each payload (a magic header, then the key's GUID) and tells on unprotect whether the
/// key is no longer the default one, which <see cref="Reprotect"/> uses to move only what needs moving. A key that is gone
/// or revoked throws <see cref="CryptographicException"/>, which factors turn into <see cref="MfaFailureReason.SecretUnavailable"/>.
/// </remarks>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private const string RootPurpose = "Mfa.Sdk.Secrets.v1";

    /// <summary>The magic header of a Data Protection payload (key-ring based, version 0).</summary>
    private const uint MagicHeader = 0x09F0C9F0;

    private readonly IDataProtector _root = provider.CreateProtector(RootPurpose);

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return _root.CreateProtector(purpose).Protect(plaintext.ToArray());
    }

    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return _root.CreateProtector(purpose).Unprotect(protectedData.ToArray());
    }

    public string? GetKeyId(ReadOnlySpan<byte> protectedData) =>
        protectedData.Length >= 20 && BinaryPrimitives.ReadUInt32BigEndian(protectedData) == MagicHeader
            ? new Guid(protectedData.Slice(4, 16)).ToString("D")
            : null;

    public byte[]? Reprotect(ReadOnlySpan<byte> protectedData, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var protector = _root.CreateProtector(purpose);
        if (protector is not IPersistedDataProtector persisted)
        {
            var opened = protector.Unprotect(protectedData.ToArray());
            return Reprotected(protector, opened);
        }

        // Revoked keys stay refused: moving a secret off a revoked key would trust what revocation distrusts.
        var plaintext = persisted.DangerousUnprotect(protectedData.ToArray(), ignoreRevocationErrors: false, out var requiresMigration, out _);
        if (!requiresMigration)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return null;
        }

        return Reprotected(protector, plaintext);
    }

    private static byte[] Reprotected(IDataProtector protector, byte[] plaintext)
    {
        try
        {
            return protector.Protect(plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
