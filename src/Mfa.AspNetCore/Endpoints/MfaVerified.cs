using Mfa.AspNetCore.Authentication;
using Mfa.Core.Service;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>
/// What the sign-in takes from a successful verification: enough to issue the session, and small enough to park for a
/// moment (<see cref="EventStreamEndpoint"/> hands it to the browser's next request as a one-time claim).
/// </summary>
/// <param name="UserId">The verified user.</param>
/// <param name="Kind">The factor kind (or <see cref="MfaAmr.RecoveryKind"/>).</param>
/// <param name="AuthenticatorId">The authenticator that answered, if any.</param>
/// <param name="Amr">The RFC 8176 values of this verification.</param>
/// <param name="At">When it was verified.</param>
internal sealed record MfaVerified(string UserId, string Kind, string? AuthenticatorId, IReadOnlyList<string> Amr, DateTimeOffset At)
{
    /// <summary>Whether the result succeeded without a second factor (no <c>mfa</c> value).</summary>
    public bool Bypassed => !Amr.Contains("mfa", StringComparer.Ordinal);

    public static MfaVerified From(MfaVerificationResult result, string kind, DateTimeOffset now) =>
        new(result.UserId, kind, result.AuthenticatorId, MfaAmr.For(result, kind), result.VerifiedAt ?? now);
}
