using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Mfa.Core;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// Verifies an authentication assertion against a credential record (WebAuthn L3 §7.2, from the client data on; the
/// caller has already matched the credential id against allowCredentials and the user handle against the record).
/// The hot path of every sign-in: it allocates only what parsing the authenticator data needs.
/// </summary>
internal static class AssertionVerifier
{
    private const int StackLimit = 512;

    /// <summary>Verifies an assertion.</summary>
    /// <param name="policy">The relying party.</param>
    /// <param name="expectation">What the ceremony expects.</param>
    /// <param name="publicKey">The credential record's public key.</param>
    /// <param name="stored">The credential record's counter and backup eligibility.</param>
    /// <param name="clientDataJson">The raw client data.</param>
    /// <param name="authenticatorData">The raw authenticator data.</param>
    /// <param name="signature">The assertion signature.</param>
    /// <param name="appIdUsed">The client's <c>appid</c> extension output, if any.</param>
    /// <returns>The outcome.</returns>
    public static AssertionOutcome Verify(
        RelyingPartyPolicy policy,
        in AssertionExpectation expectation,
        CoseKey publicKey,
        in StoredCredentialState stored,
        ReadOnlySpan<byte> clientDataJson,
        ReadOnlyMemory<byte> authenticatorData,
        ReadOnlySpan<byte> signature,
        bool? appIdUsed)
    {
        // Verify C.type is webauthn.get, C.challenge, C.origin, C.crossOrigin and C.topOrigin.
        var failure = ClientDataVerifier.Verify(clientDataJson, "webauthn.get"u8, expectation.Challenge.Span, policy, out var message);
        if (failure != MfaFailureReason.None)
        {
            return AssertionOutcome.Fail(failure, message);
        }

        if (!AuthenticatorData.TryParse(authenticatorData, out var data, out failure) || data is null)
        {
            return AssertionOutcome.Fail(failure == MfaFailureReason.None ? MfaFailureReason.MalformedInput : failure, "The authenticator data is malformed.");
        }

        // Verify the rpIdHash; with the appid extension (§10.1.1) the client reports appid: true when the AppID was
        // used, and the hash is then SHA-256 of the AppID instead of the RP ID.
        Span<byte> appIdHash = stackalloc byte[SHA256.HashSizeInBytes];
        scoped ReadOnlySpan<byte> expectedRpIdHash = policy.RelyingPartyIdHash;
        if (appIdUsed == true)
        {
            if (expectation.AppId is null)
            {
                return AssertionOutcome.Fail(MfaFailureReason.RelyingPartyMismatch, "The client used an AppID this ceremony did not offer.", data.Flags);
            }

            SHA256.HashData(Encoding.UTF8.GetBytes(expectation.AppId), appIdHash);
            expectedRpIdHash = appIdHash;
        }

        failure = AuthenticatorDataChecks.Verify(data, expectedRpIdHash, requireUserPresence: true, expectation.RequireUserVerification, out message);
        if (failure != MfaFailureReason.None)
        {
            return AssertionOutcome.Fail(failure, message, data.Flags);
        }

        // Backup eligibility is fixed when a credential is created: compare currentBe with the record's BE.
        if (data.Flags.HasFlag(AuthenticatorDataFlags.BackupEligible) != stored.BackupEligible)
        {
            return AssertionOutcome.Fail(MfaFailureReason.BackupEligibilityChanged, "The credential's backup eligibility changed since it was registered.", data.Flags);
        }

        // Let hash be SHA-256(cData); verify that sig is a valid signature over authData || hash with the record's key.
        if (!VerifySignature(publicKey, authenticatorData.Span, clientDataJson, signature))
        {
            return AssertionOutcome.Fail(MfaFailureReason.InvalidSignature, "The assertion signature does not verify.", data.Flags);
        }

        // If either counter is non-zero, the new one must be greater; otherwise the authenticator may be cloned. The
        // stored value never decreases, whatever the policy.
        var reported = data.SignCount;
        var rollback = (reported != 0 || stored.SignCount != 0) && reported <= stored.SignCount;
        if (rollback && policy.CounterRollback == CounterRollbackPolicy.Fail)
        {
            return new AssertionOutcome(MfaFailureReason.CounterRollback, "The signature counter did not increase; the authenticator may be cloned.", data.Flags, reported, stored.SignCount, CounterRollback: true);
        }

        return new AssertionOutcome(MfaFailureReason.None, null, data.Flags, reported, Math.Max(reported, stored.SignCount), rollback);
    }

    /// <summary>Verifies <paramref name="signature"/> over <c>authenticatorData || SHA-256(clientDataJson)</c>.</summary>
    public static bool VerifySignature(CoseKey publicKey, ReadOnlySpan<byte> authenticatorData, ReadOnlySpan<byte> clientDataJson, ReadOnlySpan<byte> signature)
    {
        var length = authenticatorData.Length + SHA256.HashSizeInBytes;
        byte[]? rented = null;
        var signed = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            authenticatorData.CopyTo(signed);
            SHA256.HashData(clientDataJson, signed[authenticatorData.Length..]);
            return publicKey.VerifySignature(signed[..length], signature);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
