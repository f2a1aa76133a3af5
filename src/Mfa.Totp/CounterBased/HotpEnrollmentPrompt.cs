using Mfa.Core.Factors;
using Mfa.Totp.Codes;
using Mfa.Totp.KeyUri;

namespace Mfa.Totp.CounterBased;

/// <summary>What to show a user enrolling an HOTP app or token: the secret (for manual entry), the otpauth URI and its QR code.</summary>
/// <remarks>Everything here reveals the secret: show it to the enrolling user only, once. <see cref="ToString"/> hides it.</remarks>
public sealed class HotpEnrollmentPrompt : EnrollmentPrompt
{
    internal HotpEnrollmentPrompt(string secretBase32, string uri, TotpAlgorithm algorithm, int digits, long counter)
    {
        SecretBase32 = secretBase32;
        Uri = uri;
        Algorithm = algorithm;
        Digits = digits;
        Counter = counter;
    }

    /// <summary>The secret in Base32, for typing into an app by hand.</summary>
    public string SecretBase32 { get; }

    /// <summary>The <c>otpauth://hotp</c> URI.</summary>
    public string Uri { get; }

    /// <summary>The HMAC hash.</summary>
    public TotpAlgorithm Algorithm { get; }

    /// <summary>The code length.</summary>
    public int Digits { get; }

    /// <summary>The initial counter.</summary>
    public long Counter { get; }

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
    public override string ToString() => "HotpEnrollmentPrompt { Secret = hidden }";
}
