namespace Mfa.Core.Tests;

[TestFixture]
public sealed class AuthenticatorRecordTests
{
    [Test]
    public void ToString_Record_NeverPrintsData()
    {
        var record = new AuthenticatorRecord
        {
            Id = AuthenticatorRecord.NewId(),
            UserId = "alice",
            Kind = "totp",
            Name = "Phone",
            Data = "{\"secret\":\"JBSWY3DPEHPK3PXP\"}",
            CreatedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.That(record.ToString(), Does.Not.Contain("JBSWY3DPEHPK3PXP").And.Contain(record.Id));
    }

    [Test]
    public void NewId_Called_128BitBase64UrlAndUnique()
    {
        var ids = Enumerable.Range(0, 1_000).Select(_ => AuthenticatorRecord.NewId()).ToList();

        Assert.That(ids, Has.All.Matches("^[A-Za-z0-9_-]{22}$"));
        Assert.That(ids, Is.Unique);
    }
}
