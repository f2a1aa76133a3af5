using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mfa.Core.Factors;

namespace Mfa.Core.Tests;

[TestFixture]
public sealed class FactorJsonTests
{
    private static readonly JsonTypeInfo<StoredThing> s_type = (JsonTypeInfo<StoredThing>)JsonSerializerOptions.Default.GetTypeInfo(typeof(StoredThing));

    [Test]
    public void TryRead_ValidJson_Value()
    {
        Assert.That(FactorJson.TryRead("""{"Name":"a","Count":2}""", s_type, out var value), Is.True);
        Assert.That(value, Is.EqualTo(new StoredThing("a", 2)));
    }

    [TestCase("")]
    [TestCase("null")]
    [TestCase("{")]
    [TestCase("""{"Count":"two"}""")]
    [TestCase("\uD800")]
    public void TryRead_Unreadable_FalseNotAnException(string json)
    {
        Assert.That(FactorJson.TryRead(json, s_type, out var fromText), Is.False);
        Assert.That(fromText, Is.Null);
        Assert.That(FactorJson.TryRead(Encoding.UTF8.GetBytes(json), s_type, out var fromBytes), Is.False);
        Assert.That(fromBytes, Is.Null);
    }

    [Test]
    public void TryRead_InvalidUtf8_False() =>
        Assert.That(FactorJson.TryRead([0x22, 0xC3, 0x28, 0x22], s_type, out _), Is.False);

    public sealed record StoredThing(string Name, int Count);
}
