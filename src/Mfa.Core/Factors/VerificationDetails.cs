namespace Mfa.Core.Factors;

/// <summary>
/// What a factor reports about a completed challenge that is safe to show (a TOTP drift, whether a WebAuthn
/// authenticator verified the user). Read it with <see cref="Service.MfaVerificationResult.GetDetails{TDetails}"/>.
/// </summary>
public abstract class VerificationDetails
{
    /// <summary>
    /// Whether the authenticator itself verified the user (a PIN or biometric): the step alone is then multi-factor
    /// (RFC 8176 <c>user</c>/<c>pin</c>). <see langword="false"/> for factors that cannot tell.
    /// </summary>
    public virtual bool UserVerified => false;

    /// <summary>
    /// Whether the challenge succeeded WITHOUT a second factor actually being performed: an out-of-band service was
    /// unreachable and its failmode is open, or the service waived the check by its own policy (Duo's bypass users).
    /// Core lifts it into <see cref="Service.MfaVerificationResult.Bypassed"/>. <see langword="false"/> by default.
    /// </summary>
    public virtual bool Bypassed => false;
}
