namespace Mfa.WebAuthn.Ceremonies;

/// <summary>What an assertion is checked against besides the public key: the stored counter and backup eligibility.</summary>
/// <param name="SignCount">The stored signature counter.</param>
/// <param name="BackupEligible">The stored BE flag (fixed at registration).</param>
internal readonly record struct StoredCredentialState(uint SignCount, bool BackupEligible);
