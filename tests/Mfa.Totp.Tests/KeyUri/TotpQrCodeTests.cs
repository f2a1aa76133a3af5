using Mfa.Totp.KeyUri;

namespace Mfa.Totp.Tests.KeyUri;

[TestFixture]
public sealed class TotpQrCodeTests
{
    private const string Uri = "otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME";

    [Test]
    public void ToPng_Uri_IsAPngImage()
    {
        var png = TotpQrCode.ToPng(Uri);
        Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
    }

    [Test]
    public void ToPng_LargerModules_LargerImage()
    {
        Assert.That(TotpQrCode.ToPng(Uri, 10), Has.Length.GreaterThan(TotpQrCode.ToPng(Uri, 2).Length));
    }

    [Test]
    public void ToSvg_Uri_IsAnSvgDocument()
    {
        Assert.That(TotpQrCode.ToSvg(Uri), Does.Contain("<svg").And.Contain("</svg>"));
    }

    [Test]
    public void ToText_Uri_IsASquareOfBlockCharacters()
    {
        var lines = TotpQrCode.ToText(Uri).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.GreaterThan(10));
            Assert.That(lines.Select(l => l.Length).Distinct().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void ToPng_ModulesOutOfRange_Throws()
    {
        Assert.That(() => TotpQrCode.ToPng(Uri, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
