using Mfa.Duo.Signing;

namespace Mfa.Duo.Tests.Signing;

[TestFixture]
public sealed class DuoDateTests
{
    [Test]
    public void Format_Instant_IsRfc2822WithMinusZero() =>
        Assert.That(DuoDate.Format(new DateTimeOffset(2012, 8, 21, 17, 29, 18, TimeSpan.Zero)), Is.EqualTo("Tue, 21 Aug 2012 17:29:18 -0000"));

    [TestCase("Tue, 21 Aug 2012 17:29:18 -0000", 1345570158L)]
    [TestCase("Tue, 21 Aug 2012 17:29:18 GMT", 1345570158L)]
    [TestCase("Tue, 21 Aug 2012 19:29:18 +0200", 1345570158L)]
    public void TryParse_ValidForms_Parse(string text, long unix)
    {
        Assert.That(DuoDate.TryParse(text, out var instant), Is.True);
        Assert.That(instant.ToUnixTimeSeconds(), Is.EqualTo(unix));
    }

    [TestCase("")]
    [TestCase("Tue, 21 Aug 2012 17:29:18")]
    [TestCase("Tue, 21 Aug 2012 17:29:18 +9999")]
    [TestCase("2012-08-21T17:29:18Z")]
    public void TryParse_Invalid_Fails(string text) => Assert.That(DuoDate.TryParse(text, out _), Is.False);
}
