using Mfa.Core.Factors;

namespace Mfa.Push.Factor;

/// <summary>
/// What the host shows to enroll a phone: <see cref="EnrollmentUri"/> as a QR code. The URI carries a one-time bearer
/// token: show it only in the user's authenticated session and never log it.
/// </summary>
public sealed class PushEnrollmentPrompt : EnrollmentPrompt
{
    internal PushEnrollmentPrompt(string enrollmentUri, DateTimeOffset expiresAt)
    {
        EnrollmentUri = enrollmentUri;
        ExpiresAt = expiresAt;
    }

    /// <summary>The <c>mfapush://enroll?…</c> URI to show as a QR code (push spec §3.2); its <c>eid</c> is the MFA service's enrollment id.</summary>
    public string EnrollmentUri { get; }

    /// <summary>When the enrollment stops being usable.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"PushEnrollmentPrompt {{ ExpiresAt = {ExpiresAt:O} }}";
}
