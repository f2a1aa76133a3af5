using Mfa.Duo.UniversalPrompt;

namespace Mfa.Duo.Tests.UniversalPrompt;

[TestFixture]
public sealed class DuoCallbackTests
{
    private const string State = "stateSTATEstate0123456789";

    private static bool Parse(out DuoCallback? callback, params (string Name, string? Value)[] query) =>
        DuoCallback.TryParse(query.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)), out callback);

    [TestCase("duo_code")]
    [TestCase("code")]
    public void TryParse_CodeAndState_HasCode(string name)
    {
        Assert.That(Parse(out var callback, (name, "abc"), ("state", State)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(callback!.HasCode, Is.True);
            Assert.That(callback.Code, Is.EqualTo("abc"));
            Assert.That(callback.State, Is.EqualTo(State));
        });
    }

    [Test]
    public void TryParse_Error_NoCodeEvenIfOneIsSent()
    {
        Assert.That(Parse(out var callback, ("error", "access_denied"), ("error_description", "denied\u001b[31m"), ("duo_code", "abc"), ("state", State)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(callback!.HasCode, Is.False);
            Assert.That(callback.Code, Is.Null);
            Assert.That(callback.Error, Is.EqualTo("access_denied"));
            Assert.That(callback.ErrorDescription, Is.EqualTo("denied[31m"));
        });
    }

    [Test]
    public void TryParse_StateMissing_Refused() => Assert.That(Parse(out _, ("duo_code", "abc")), Is.False);

    [Test]
    public void TryParse_BothCodeNames_Refused() => Assert.That(Parse(out _, ("duo_code", "a"), ("code", "b"), ("state", State)), Is.False);

    [Test]
    public void TryParse_StateTwice_Refused() => Assert.That(Parse(out _, ("duo_code", "a"), ("state", State), ("state", State + "x")), Is.False);

    [Test]
    public void TryParse_EmptyValue_Refused() => Assert.That(Parse(out _, ("duo_code", string.Empty), ("state", State)), Is.False);

    [Test]
    public void TryParse_OversizedCode_Refused() => Assert.That(Parse(out _, ("duo_code", new string('a', 1025)), ("state", State)), Is.False);

    [Test]
    public void TryParse_OtherParameters_Ignored() => Assert.That(Parse(out _, ("duo_code", "a"), ("state", State), ("utm", "x")), Is.True);
}
