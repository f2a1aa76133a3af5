using Mfa.Push.Jose;

namespace Mfa.Push.Tests.Jose;

[TestFixture]
public sealed class Base64UrlStrictTests
{
    [TestCase("QQ==", Description = "padding")]
    [TestCase("Q Q", Description = "whitespace")]
    [TestCase("+/8", Description = "base64 alphabet")]
    [TestCase("QR", Description = "non-zero unused bits")]
    [TestCase("Q", Description = "impossible length")]
    public void TryDecode_NotStrictBase64Url_IsRefused(string text) => Assert.That(Base64UrlStrict.TryDecode(text, out _), Is.False);

    [TestCase("QQ", new byte[] { 0x41 })]
    [TestCase("_-8", new byte[] { 0xFF, 0xEF })]
    [TestCase("", new byte[0])]
    public void TryDecode_StrictBase64Url_Decodes(string text, byte[] expected)
    {
        Assert.That(Base64UrlStrict.TryDecode(text, out var bytes), Is.True);
        Assert.That(bytes, Is.EqualTo(expected));
    }
}
