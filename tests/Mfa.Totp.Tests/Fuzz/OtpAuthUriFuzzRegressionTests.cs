using Mfa.Totp.KeyUri;

namespace Mfa.Totp.Tests.Fuzz;

/// <summary>
/// Inputs AFL++ found (fuzz/run.sh otpauth-uri, 2026-12-04): a label whose account name is only spaces made
/// <see cref="OtpAuthUri.TryParse"/> throw <see cref="ArgumentException"/> from the constructor's
/// <c>ThrowIfNullOrWhiteSpace(accountName)</c> instead of returning false (fixed: Parse checks for white space).
/// </summary>
[TestFixture]
public sealed class OtpAuthUriFuzzRegressionTests
{
    [TestCase("b3RwYXV0aDovL3RvdHAvID9zZWNyZXQ9SkJTV1kzR1BFSFBLM1BzPQ==", Description = "otpauth://totp/ ?secret=JBSWY3GPEHPK3Ps=")]
    [TestCase("b3RwYXV0aDovL3RvdHAvID9zZWNyZXQ9SkJTV1kzRFBFSFBLM290cGF1dGg=", Description = "otpauth://totp/ ?secret=JBSWY3DPEHPK3otpauth")]
    [TestCase("b3RwYXV0aDovL3RvdHAvID9zZWNyZXQ9SkJTV1kzRFBFSFBLM1BYUCZudHBhdXRo", Description = "otpauth://totp/ ?secret=JBSWY3DPEHPK3PXP&ntpauth")]
    public void TryParse_WhitespaceAccountName_IsFalseWithoutThrowing(string base64)
    {
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));

        Assert.That(() => OtpAuthUri.TryParse(text, out _, out _), Throws.Nothing);
        Assert.That(OtpAuthUri.TryParse(text, out var uri, out var error), Is.False);
        Assert.That(uri, Is.Null);
        Assert.That(error, Is.Not.Null);
    }
}
