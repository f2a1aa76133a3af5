using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Mfa.Core;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// WebAuthn L3 §7.2 "Verifying an Authentication Assertion", top to bottom, each step numbered as in the
/// specification (the step list and its source are in <c>docs/webauthn-procedures.md</c>). The username-less
/// (discoverable) sign-in is the second branch of step 6. Shared by the factor and <see cref="WebAuthnVerifier"/>; the
/// caller has decoded the response (steps 1–4: the options it issued, the <c>AuthenticationResponseJSON</c>,
/// <c>clientExtensionResults</c>). Parsing helpers stay apart: the client data
/// (<see cref="ClientDataVerifier"/>), the authenticator data (<see cref="AuthenticatorData"/>, with the flag checks in
/// <see cref="AuthenticatorDataChecks"/>) and the key (<see cref="CoseKey"/>). The hot path of every sign-in: it
/// allocates only what parsing the authenticator data needs.
/// </summary>
internal static class AssertionProcedure
{
    private const int StackLimit = 512;

    /// <summary>Runs §7.2 steps 5–24 on a decoded response.</summary>
    /// <param name="policy">The relying party.</param>
    /// <param name="keys">The decoded-key cache.</param>
    /// <param name="expectation">What the ceremony expects (<c>options.challenge</c>, user verification, the AppID offered).</param>
    /// <param name="allowCredentials"><c>options.allowCredentials</c> (base64url ids); empty for a passkey sign-in.</param>
    /// <param name="decoded">The response.</param>
    /// <param name="lookup">Finds the credential record in the user's account.</param>
    /// <param name="userIdentifiedBefore">Whether the user was identified before the ceremony (a second factor); otherwise a username-less sign-in.</param>
    /// <returns>The outcome; on success the caller updates its record with it (step 23, <see cref="Credentials.WebAuthnCredentialData.AfterAssertion"/>).</returns>
    public static AssertionOutcome Verify(
        RelyingPartyPolicy policy,
        CoseKeyCache keys,
        in AssertionExpectation expectation,
        IReadOnlyCollection<string> allowCredentials,
        DecodedAssertion decoded,
        CredentialLookup lookup,
        bool userIdentifiedBefore)
    {
        // 1. Let options be a new PublicKeyCredentialRequestOptions structure configured to the Relying Party's needs
        //    for the ceremony. (Not here: BeginChallenge or the host built options; expectation holds what this
        //    procedure needs.)
        // 2. Call navigator.credentials.get() and pass options as the publicKey option. (Client side: the browser.)
        // 3. Let response be credential.response. If response is not an AuthenticatorAssertionResponse, abort the ceremony.
        // 4. Let clientExtensionResults be the result of calling credential.getClientExtensionResults().
        //    (Steps 3–4 are the caller's: ResponseDecoder decoded the AuthenticationResponseJSON into decoded.)

        // 5. If options.allowCredentials is not empty, verify that credential.id identifies one of the public key
        //    credentials listed in options.allowCredentials.
        if (allowCredentials.Count != 0 && !allowCredentials.Contains(decoded.CredentialIdText, StringComparer.Ordinal))
        {
            return AssertionOutcome.Fail(MfaFailureReason.CredentialNotAllowed, null);
        }

        // 6. Identify the user being authenticated and let credentialRecord be the credential record for the credential.
        //    The account must contain a credential record whose id equals credential.rawId (for a username-less
        //    sign-in the service found the account from the credential id before this step).
        var failure = lookup(decoded, out var credentialRecord, out var message);
        if (failure != MfaFailureReason.None)
        {
            return AssertionOutcome.Fail(failure, message);
        }

        var ownerHandle = credentialRecord.UserHandle.Span;
        if (userIdentifiedBefore)
        {
            // 6. If the user was identified before the authentication ceremony was initiated: if response.userHandle
            //    is present, verify that it equals the user handle of the user account (when the account's is known:
            //    imported legacy keys have none).
            if (decoded.UserHandle is not null && !ownerHandle.IsEmpty && !CryptographicOperations.FixedTimeEquals(ownerHandle, decoded.UserHandle))
            {
                return UserHandleMismatch();
            }
        }
        else if (decoded.UserHandle is null || ownerHandle.IsEmpty || !CryptographicOperations.FixedTimeEquals(ownerHandle, decoded.UserHandle))
        {
            // 6. If the user was not identified before the authentication ceremony was initiated: verify that
            //    response.userHandle is present, and that the user account it identifies owns credentialRecord.
            return UserHandleMismatch();
        }

        // credentialRecord.publicKey must be usable (step 21 verifies with it); checked here, before any response data.
        if (!keys.TryGetOrDecode(credentialRecord.PublicKey, policy.AllowRs1, out var publicKey, out _) || publicKey is null)
        {
            return AssertionOutcome.Fail(MfaFailureReason.UnsupportedAlgorithm, "The stored credential key cannot be used (malformed, or its algorithm is not enabled).");
        }

        // 7. Let cData, authData and sig denote the value of response's clientDataJSON, authenticatorData, and
        //    signature respectively.
        ReadOnlySpan<byte> cData = decoded.ClientDataJson;
        ReadOnlyMemory<byte> authDataBytes = decoded.AuthenticatorData;
        ReadOnlySpan<byte> sig = decoded.Signature;

        // 8. Let JSONtext be the result of running UTF-8 decode on the value of cData.
        // 9. Let C, the client data claimed as used for the signature, be the result of running an
        //    implementation-specific JSON parser on JSONtext.
        // 10. Verify that the value of C.type is the string webauthn.get.
        // 11. Verify that the value of C.challenge equals the base64url encoding of options.challenge.
        // 12. Verify that the value of C.origin is an origin expected by the Relying Party.
        // 13. If C.topOrigin is present, verify that the Relying Party expects this credential to be used within an
        //     iframe that is not same-origin with its ancestors, and that C.topOrigin is a page it expects to be framed in.
        //     (ClientDataVerifier parses C and runs these checks in this order, with C.crossOrigin and tokenBinding.)
        failure = ClientDataVerifier.Verify(cData, "webauthn.get"u8, expectation.Challenge.Span, policy, out message);
        if (failure != MfaFailureReason.None)
        {
            return AssertionOutcome.Fail(failure, message);
        }

        if (!AuthenticatorData.TryParse(authDataBytes, out var authData, out failure) || authData is null)
        {
            return AssertionOutcome.Fail(failure == MfaFailureReason.None ? MfaFailureReason.MalformedInput : failure, "The authenticator data is malformed.");
        }

        // 14. Verify that the rpIdHash in authData is the SHA-256 hash of the RP ID expected by the Relying Party.
        //     With the appid extension (§10.1.1) the client reports appid: true when the AppID was used, and the hash
        //     is then SHA-256 of the AppID instead of the RP ID.
        Span<byte> appIdHash = stackalloc byte[SHA256.HashSizeInBytes];
        scoped ReadOnlySpan<byte> expectedRpIdHash = policy.RelyingPartyIdHash;
        if (decoded.AppIdUsed == true)
        {
            if (expectation.AppId is null)
            {
                return AssertionOutcome.Fail(MfaFailureReason.RelyingPartyMismatch, "The client used an AppID this ceremony did not offer.", authData.Flags);
            }

            SHA256.HashData(Encoding.UTF8.GetBytes(expectation.AppId), appIdHash);
            expectedRpIdHash = appIdHash;
        }

        // 15. Verify that the UP bit of the flags in authData is set.
        // 16. Determine whether user verification is required for this assertion (the ceremony asked for it, or the
        //     credential is a device authenticator); if so, verify that the UV bit of the flags in authData is set.
        // 17. If the BE bit of the flags in authData is not set, verify that the BS bit is not set.
        //     (AuthenticatorDataChecks runs steps 14–17 in this order.)
        var requireUserVerification = expectation.RequireUserVerification || credentialRecord.IsDevice;
        failure = AuthenticatorDataChecks.Verify(authData, expectedRpIdHash, requireUserPresence: true, requireUserVerification, out message);
        if (failure != MfaFailureReason.None)
        {
            return AssertionOutcome.Fail(failure, message, authData.Flags);
        }

        // 18. Compare currentBe with credentialRecord.backupEligible: if it is set, verify that currentBe is set; if it
        //     is not set, verify that currentBe is not set. (currentBs is stored at step 23.)
        if (authData.Flags.HasFlag(AuthenticatorDataFlags.BackupEligible) != credentialRecord.BackupEligible)
        {
            return AssertionOutcome.Fail(MfaFailureReason.BackupEligibilityChanged, "The credential's backup eligibility changed since it was registered.", authData.Flags);
        }

        // 19. Verify that the client and authenticator extension outputs are as expected: the only extension requested
        //     is appid, whose output step 14 used.

        // 20. Let hash be the result of computing a hash over the cData using SHA-256.
        // 21. Using credentialRecord.publicKey, verify that sig is a valid signature over the binary concatenation of
        //     authData and hash.
        if (!VerifySignature(publicKey, authDataBytes.Span, cData, sig))
        {
            return AssertionOutcome.Fail(MfaFailureReason.InvalidSignature, "The assertion signature does not verify.", authData.Flags);
        }

        // 22. If authData.signCount is nonzero or credentialRecord.signCount is nonzero: if authData.signCount is
        //     greater than credentialRecord.signCount the counter is valid; otherwise the authenticator may be cloned,
        //     and the Relying Party's policy (CounterRollbackPolicy) decides whether the ceremony fails.
        var reported = authData.SignCount;
        var rollback = (reported != 0 || credentialRecord.SignCount != 0) && reported <= credentialRecord.SignCount;
        if (rollback && policy.CounterRollback == CounterRollbackPolicy.Fail)
        {
            return new AssertionOutcome(MfaFailureReason.CounterRollback, "The signature counter did not increase; the authenticator may be cloned.", authData.Flags, reported, credentialRecord.SignCount, CounterRollback: true);
        }

        // 23. Update credentialRecord with new state values: signCount (never lower: a rollback accepted under FlagOnly
        //     keeps the stored value), backupState to currentBs. The outcome carries them; the caller's typed record
        //     applies them (WebAuthnCredentialData.AfterAssertion in the factor, whose record the service writes back
        //     with its concurrency token; WebAuthnStoredCredential.AfterAssertion for hosts of WebAuthnVerifier).
        //     uvInitialized is not kept: user verification is decided per ceremony at step 16.
        // 24. If all the above steps are successful, continue with the authentication ceremony as appropriate; otherwise
        //     fail it (every failure above returned a typed reason).
        return new AssertionOutcome(MfaFailureReason.None, null, authData.Flags, reported, Math.Max(reported, credentialRecord.SignCount), rollback);

        static AssertionOutcome UserHandleMismatch() =>
            AssertionOutcome.Fail(MfaFailureReason.UserHandleMismatch, "The user handle does not name the credential's owner.");
    }

    /// <summary>Verifies <paramref name="signature"/> over <c>authenticatorData || SHA-256(clientDataJson)</c> (steps 20–21).</summary>
    /// <param name="publicKey">The credential's key.</param>
    /// <param name="authenticatorData">The raw authenticator data.</param>
    /// <param name="clientDataJson">The raw client data.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>Whether it verifies.</returns>
    private static bool VerifySignature(CoseKey publicKey, ReadOnlySpan<byte> authenticatorData, ReadOnlySpan<byte> clientDataJson, ReadOnlySpan<byte> signature)
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
