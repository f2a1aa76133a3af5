using System.Security.Cryptography;
using Mfa.Core;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// The §7.2 steps once the credential record is identified: the user handle, the stored key, then
/// <see cref="AssertionVerifier"/>. Shared by the factor and <see cref="WebAuthnVerifier"/>.
/// </summary>
internal static class CredentialAssertion
{
    /// <summary>If allowCredentials is not empty, whether the credential id is listed in it.</summary>
    public static bool IsAllowed(IReadOnlyCollection<string> allowCredentials, string credentialId) =>
        allowCredentials.Count == 0 || allowCredentials.Contains(credentialId, StringComparer.Ordinal);

    /// <summary>Verifies an assertion against an identified credential.</summary>
    /// <param name="policy">The relying party.</param>
    /// <param name="keys">The decoded-key cache.</param>
    /// <param name="expectation">What the ceremony expects (UV is also required for device authenticators).</param>
    /// <param name="publicKey">The stored COSE_Key.</param>
    /// <param name="stored">The stored counter and BE flag.</param>
    /// <param name="ownerHandle">The user handle of the credential's owner; empty when unknown (imported legacy keys).</param>
    /// <param name="decoded">The response.</param>
    /// <param name="requireUserHandle">Whether the user was not identified before the ceremony, so the handle must be present.</param>
    /// <returns>The outcome.</returns>
    public static AssertionOutcome Verify(
        RelyingPartyPolicy policy,
        CoseKeyCache keys,
        in AssertionExpectation expectation,
        ReadOnlyMemory<byte> publicKey,
        in StoredCredentialState stored,
        ReadOnlySpan<byte> ownerHandle,
        DecodedAssertion decoded,
        bool requireUserHandle)
    {
        // If response.userHandle is present it must be the owner's user handle (when the owner's is known); when the
        // user was not identified before the ceremony it must be present and must be the owner's.
        var check = requireUserHandle || (decoded.UserHandle is not null && !ownerHandle.IsEmpty);
        if (check && (decoded.UserHandle is null || ownerHandle.IsEmpty || !CryptographicOperations.FixedTimeEquals(ownerHandle, decoded.UserHandle)))
        {
            return AssertionOutcome.Fail(MfaFailureReason.UserHandleMismatch, "The user handle does not name the credential's owner.");
        }

        if (!keys.TryGetOrDecode(publicKey, policy.AllowRs1, out var key, out _) || key is null)
        {
            return AssertionOutcome.Fail(MfaFailureReason.UnsupportedAlgorithm, "The stored credential key cannot be used (malformed, or its algorithm is not enabled).");
        }

        return AssertionVerifier.Verify(policy, expectation, key, stored, decoded.ClientDataJson, decoded.AuthenticatorData, decoded.Signature, decoded.AppIdUsed);
    }
}
