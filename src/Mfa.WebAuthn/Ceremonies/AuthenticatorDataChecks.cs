using System.Security.Cryptography;
using Mfa.Core;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>The authenticator-data checks both ceremonies share: RP ID hash, UP, UV and the BE/BS combination.</summary>
internal static class AuthenticatorDataChecks
{
    public static MfaFailureReason Verify(AuthenticatorData data, ReadOnlySpan<byte> expectedRpIdHash, bool requireUserPresence, bool requireUserVerification, out string? message)
    {
        // Verify that the rpIdHash in authData is the SHA-256 hash of the RP ID expected by the RP.
        if (!CryptographicOperations.FixedTimeEquals(data.RpIdHash.Span, expectedRpIdHash))
        {
            message = "The authenticator data is for another relying party.";
            return MfaFailureReason.RelyingPartyMismatch;
        }

        // Verify that the UP bit of the flags in authData is set (a registration may skip it only for conditional mediation).
        if (requireUserPresence && !data.Flags.HasFlag(AuthenticatorDataFlags.UserPresent))
        {
            message = "The authenticator did not test user presence.";
            return MfaFailureReason.UserPresenceRequired;
        }

        // If the RP requires user verification, verify that the UV bit is set.
        if (requireUserVerification && !data.Flags.HasFlag(AuthenticatorDataFlags.UserVerified))
        {
            message = "The authenticator did not verify the user.";
            return MfaFailureReason.UserVerificationRequired;
        }

        // §6.1.3: BS set without BE is a combination authenticators must never produce.
        if (data.Flags.HasFlag(AuthenticatorDataFlags.BackupState) && !data.Flags.HasFlag(AuthenticatorDataFlags.BackupEligible))
        {
            message = "The authenticator data reports a backed-up credential that is not backup eligible.";
            return MfaFailureReason.MalformedInput;
        }

        message = null;
        return MfaFailureReason.None;
    }
}
