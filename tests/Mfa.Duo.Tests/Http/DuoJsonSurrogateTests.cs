using System.Text;
using Mfa.Duo.Http;

namespace Mfa.Duo.Tests.Http;

/// <summary>
/// Issue #9 (found by tests/Mfa.RandomInput.Tests): a Duo body whose member name or string escapes a lone UTF-16
/// surrogate is unreadable (null), not an <see cref="InvalidOperationException"/> thrown to the caller, which it was
/// before the fix (from the duplicate-member check at parse time, or from GetString later).
/// </summary>
[TestFixture]
public sealed class DuoJsonSurrogateTests
{
    [TestCase("""{"\ud800":1,"stat":"OK"}""", Description = "member name")]
    [TestCase("""{"stat":"\udfff"}""", Description = "string value")]
    [TestCase("""{"stat":"OK","response":{"result":"deny","status_msg":"\ud83d"}}""", Description = "nested value")]
    [TestCase("""{"stat":"OK","response":{"devices":[{"display_name":"a\udc00b"}]}}""", Description = "array item")]
    public void ParseObject_EscapedLoneSurrogate_ReturnsNull(string json)
    {
        Assert.That(DuoJson.ParseObject(Encoding.UTF8.GetBytes(json)), Is.Null);
    }

    [Test]
    public void ParseObject_EscapedSurrogatePair_Reads()
    {
        var parsed = DuoJson.ParseObject("""{"stat":"\ud83d\ude00"}"""u8);

        Assert.That(parsed?.String("stat"), Is.EqualTo("\U0001F600"));
    }
}
