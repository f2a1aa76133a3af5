using QRCoder;

namespace Mfa.Totp.KeyUri;

/// <summary>Renders an <c>otpauth://</c> URI as a QR code (PNG, SVG or terminal text) without System.Drawing.</summary>
/// <remarks>The QR code carries the secret: serve it only to the enrolling user, over HTTPS, with no caching.</remarks>
public static class TotpQrCode
{
    /// <summary>Renders a PNG image.</summary>
    /// <param name="uri">The URI text.</param>
    /// <param name="pixelsPerModule">Pixels per QR module, 1 to 40.</param>
    /// <returns>The PNG bytes.</returns>
    public static byte[] ToPng(string uri, int pixelsPerModule = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixelsPerModule, 40);
        using var data = Encode(uri);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>Renders an SVG document.</summary>
    /// <param name="uri">The URI text.</param>
    /// <param name="pixelsPerModule">Size of one module in SVG units, 1 to 40.</param>
    /// <returns>The SVG text.</returns>
    public static string ToSvg(string uri, int pixelsPerModule = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixelsPerModule, 40);
        using var data = Encode(uri);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>Renders text for a terminal (two modules per character row, with half-block characters).</summary>
    /// <param name="uri">The URI text.</param>
    /// <returns>The text, lines separated by '\n'.</returns>
    public static string ToText(string uri)
    {
        using var data = Encode(uri);
        return new AsciiQRCode(data).GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n");
    }

    private static QRCodeData Encode(string uri)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        return QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
    }
}
