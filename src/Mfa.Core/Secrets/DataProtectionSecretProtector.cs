using Microsoft.AspNetCore.DataProtection;

namespace Mfa.Core.Secrets;

/// <summary>An <see cref="ISecretProtector"/> over ASP.NET Core Data Protection (key ring, rotation, key storage by the host).</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private const string RootPurpose = "Mfa.Sdk.Secrets.v1";

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
}
