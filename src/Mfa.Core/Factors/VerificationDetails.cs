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
}
