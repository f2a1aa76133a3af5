using Mfa.Core.Factors;
using Mfa.Totp.Codes;
using Mfa.Totp.KeyUri;

namespace Mfa.Totp;

/// <summary>What to show a user enrolling a TOTP app: the secret (for manual entry), the otpauth URI and its QR code.</summary>
/// <remarks>Everything here reveals the secret: show it to the enrolling user only, once. <see cref="ToString"/> hides it.</remarks>
public sealed class TotpEnrollmentPrompt : EnrollmentPrompt
{
    internal TotpEnrollmentPrompt(string secretBase32, string uri, TotpParameters parameters)
    {
        SecretBase32 = secretBase32;
        Uri = uri;
        Parameters = parameters;
    }

    /// <summary>The secret in Base32, for typing into an app by hand.</summary>
    public string SecretBase32 { get; }

    /// <summary>The <c>otpauth://</c> URI.</summary>
    public string Uri { get; }

    /// <summary>The TOTP parameters.</summary>
    public TotpParameters Parameters { get; }

    /// <summary>The URI as a PNG QR code.</summary>
    /// <param name="pixelsPerModule">Pixels per module.</param>
    /// <returns>The PNG bytes.</returns>
    public byte[] GetQrPng(int pixelsPerModule = 6) => TotpQrCode.ToPng(Uri, pixelsPerModule);

    /// <summary>The URI as an SVG QR code.</summary>
    /// <param name="pixelsPerModule">Units per module.</param>
    /// <returns>The SVG text.</returns>
    public string GetQrSvg(int pixelsPerModule = 6) => TotpQrCode.ToSvg(Uri, pixelsPerModule);

    /// <summary>The URI as a QR code for a terminal.</summary>
    /// <returns>The text.</returns>
    public string GetQrText() => TotpQrCode.ToText(Uri);

    /// <inheritdoc />
    public override string ToString() => "TotpEnrollmentPrompt { Secret = hidden }";
}
