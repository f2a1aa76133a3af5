using System.Text;
using Mfa.Push.Jose;

namespace Mfa.Push.Tests.Jose;

[TestFixture]
public sealed class StrictJsonTests
{
    [TestCase("{\"a\":1,\"a\":2}", Description = "duplicate member")]
    [TestCase("{\"a\":{\"b\":1,\"b\":1}}", Description = "nested duplicate")]
    [TestCase("{\"a\":1,\"\\u0061\":2}", Description = "duplicate after unescaping")]
    [TestCase("{\"a\":\"\\ud800\"}", Description = "lone high surrogate")]
    [TestCase("{\"a\":\"\\udc00x\"}", Description = "lone low surrogate")]
    [TestCase("{\"a\\ud800\":1}", Description = "lone surrogate in a member name")]
    [TestCase("{\"a\":1,}", Description = "trailing comma")]
    [TestCase("{\"a\":1/*c*/}", Description = "comment")]
    [TestCase("[1]", Description = "not an object")]
    [TestCase("{\"a\":1}{}", Description = "trailing content")]
    [TestCase("", Description = "empty")]
    public void TryParseObject_NotStrict_IsRefused(string json) =>
        Assert.That(StrictJson.TryParseObject(Encoding.UTF8.GetBytes(json), out _), Is.False);

    [Test]
    public void TryParseObject_InvalidUtf8_IsRefused() =>
        Assert.That(StrictJson.TryParseObject(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' }, out _), Is.False);

    [Test]
    public void TryParseObject_ByteOrderMark_IsRefused() =>
        Assert.That(StrictJson.TryParseObject(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{}")).ToArray(), out _), Is.False);

    [Test]
    public void TryParseObject_TooDeep_IsRefused()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);
        Assert.That(StrictJson.TryParseObject(Encoding.UTF8.GetBytes(json), out _), Is.False);
    }

    [Test]
    public void TryParseObject_ValidPair_IsAccepted()
    {
        Assert.That(StrictJson.TryParseObject(Encoding.UTF8.GetBytes("{\"a\":\"\\ud83d\\ude00\",\"b\":[{\"a\":1},{\"a\":2}]}"), out var root), Is.True);
        Assert.That(root.GetProperty("a").GetString(), Is.EqualTo("\U0001F600"));
    }

    [TestCase("{\"iat\":1e3}", Description = "exponent")]
    [TestCase("{\"iat\":1.0}", Description = "fraction")]
    [TestCase("{\"iat\":99999999999999999999999999}", Description = "beyond 64 bits")]
    [TestCase("{\"iat\":\"1767229230\"}", Description = "string")]
    [TestCase("{\"iat\":null}", Description = "null")]
    public void TryGetInt64_NotA64BitInteger_IsRefused(string json)
    {
        Assert.That(StrictJson.TryParseObject(Encoding.UTF8.GetBytes(json), out var root), Is.True);
        Assert.That(new Claims(root).TryGetInt64("iat", out _), Is.False);
    }

    [TestCase("{\"sub\":1}")]
    [TestCase("{\"sub\":[\"a\"]}")]
    [TestCase("{\"sub\":\"\"}")]
    public void TryGetString_WrongTypeOrEmpty_IsRefused(string json)
    {
        Assert.That(StrictJson.TryParseObject(Encoding.UTF8.GetBytes(json), out var root), Is.True);
        Assert.That(new Claims(root).TryGetString("sub", out _), Is.False);
    }
}
