namespace Mfa.Core.Tests;

[TestFixture]
public sealed class MfaUserTests
{
    [Test]
    public void Constructor_ValidIdAndName_KeepsThem()
    {
        var user = new MfaUser("7f3c2a", "Alice Example");

        Assert.That(user.Id, Is.EqualTo("7f3c2a"));
        Assert.That(user.DisplayName, Is.EqualTo("Alice Example"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Constructor_EmptyId_ThrowsArgumentException(string id)
    {
        Assert.That(() => new MfaUser(id, "Alice"), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_NullId_ThrowsArgumentNull()
    {
        Assert.That(() => new MfaUser(null!, "Alice"), Throws.ArgumentNullException);
    }

    [Test]
    public void Constructor_IdOfMaxLength_Accepted()
    {
        Assert.That(new MfaUser(new string('u', MfaUser.MaxIdLength), "Alice").Id, Has.Length.EqualTo(256));
    }

    [Test]
    public void Constructor_IdOneOverMaxLength_ThrowsArgumentException()
    {
        Assert.That(() => new MfaUser(new string('u', MfaUser.MaxIdLength + 1), "Alice"), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("id"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Constructor_EmptyDisplayName_ThrowsArgumentException(string displayName)
    {
        Assert.That(() => new MfaUser("alice", displayName), Throws.ArgumentException);
    }

    [Test]
    public void Equals_SameIdAndName_Equal()
    {
        var first = new MfaUser("alice", "Alice");

        Assert.That(new MfaUser("alice", "Alice"), Is.EqualTo(first));
    }
}
