using Mfa.Core.Factors;

namespace Mfa.Push.Factor;

/// <summary>What an approved push reports: the device that approved and whether it verified the user (biometric or PIN key).</summary>
public sealed class PushVerificationDetails : VerificationDetails
{
    internal PushVerificationDetails(string credentialId, bool userVerified)
    {
        CredentialId = credentialId;
        UserVerified = userVerified;
    }

    /// <summary>The approving device's push credential id.</summary>
    public string CredentialId { get; }

    /// <inheritdoc />
    public override bool UserVerified { get; }

    /// <inheritdoc />
    public override string ToString() => $"PushVerificationDetails {{ CredentialId = {CredentialId}, UserVerified = {UserVerified} }}";
}
