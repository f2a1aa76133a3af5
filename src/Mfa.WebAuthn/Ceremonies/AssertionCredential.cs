namespace Mfa.WebAuthn.Ceremonies;

/// <summary>The parts of a credential record (WebAuthn L3 §4 <c>credentialRecord</c>) that §7.2 reads.</summary>
/// <param name="PublicKey">The stored COSE_Key.</param>
/// <param name="UserHandle">The user handle of the credential's owner; empty when unknown (imported legacy keys).</param>
/// <param name="SignCount">The stored signature counter.</param>
/// <param name="BackupEligible">The BE flag at registration.</param>
/// <param name="IsDevice">Whether the credential is a device (platform) authenticator, which always verifies the user.</param>
internal readonly record struct AssertionCredential(ReadOnlyMemory<byte> PublicKey, ReadOnlyMemory<byte> UserHandle, uint SignCount, bool BackupEligible, bool IsDevice);
