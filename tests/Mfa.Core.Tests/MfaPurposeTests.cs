namespace Mfa.Core.Tests;

[TestFixture]
public sealed class MfaPurposeTests
{
    [Test]
    public void Value_Predefined_StableStrings()
    {
        Assert.That(MfaPurpose.SignIn.Value, Is.EqualTo("sign-in"));
        Assert.That(MfaPurpose.Enrollment.Value, Is.EqualTo("enrollment"));
        Assert.That(MfaPurpose.StepUp("password-change").Value, Is.EqualTo("step-up:password-change"));
    }

    [TestCase("sign-in")]
    [TestCase("enrollment")]
    [TestCase("step-up:password-change")]
    [TestCase("step-up:a")]
    [TestCase("step-up:export_keys.v2")]
    public void Parse_Value_RoundTrips(string value)
    {
        var purpose = MfaPurpose.Parse(value);

        Assert.That(purpose.Value, Is.EqualTo(value));
        Assert.That(purpose.ToString(), Is.EqualTo(value));
    }

    [Test]
    public void Parse_StepUpValue_EqualsTheStepUpPurpose()
    {
        Assert.That(MfaPurpose.Parse("step-up:password-change"), Is.EqualTo(MfaPurpose.StepUp("password-change")));
    }

    [TestCase("", Description = "empty")]
    [TestCase("Sign-In", Description = "case differs")]
    [TestCase("sign-in ", Description = "trailing space")]
    [TestCase("step-up:", Description = "no action")]
    [TestCase("step-up", Description = "no separator")]
    [TestCase("admin", Description = "unknown")]
    [TestCase("step-up:Password-Change", Description = "upper-case action")]
    [TestCase("step-up:password change", Description = "space in action")]
    [TestCase("step-up:a:b", Description = "colon in action")]
    public void Parse_NotAPurpose_ThrowsFormatException(string value)
    {
        Assert.That(() => MfaPurpose.Parse(value), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.That(() => MfaPurpose.Parse(null!), Throws.ArgumentNullException);
    }

    [TestCase("", Description = "empty")]
    [TestCase("   ", Description = "white space")]
    [TestCase("Password-Change", Description = "upper case")]
    [TestCase("password change", Description = "space")]
    [TestCase("pass:word", Description = "colon")]
    [TestCase("pässword", Description = "non-ASCII")]
    [TestCase("password\n", Description = "control character")]
    public void StepUp_InvalidAction_ThrowsArgumentException(string action)
    {
        Assert.That(() => MfaPurpose.StepUp(action), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void StepUp_NullAction_ThrowsArgumentNull()
    {
        Assert.That(() => MfaPurpose.StepUp(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void StepUp_SixtyFiveCharacters_ThrowsArgumentException()
    {
        Assert.That(() => MfaPurpose.StepUp(new string('a', 65)), Throws.ArgumentException);
    }

    [Test]
    public void StepUp_SixtyFourCharacters_Accepted()
    {
        Assert.That(MfaPurpose.StepUp(new string('a', 64)).Value, Has.Length.EqualTo(8 + 64));
    }

    [Test]
    public void Equals_SameStepUpAction_Equal()
    {
        var first = MfaPurpose.StepUp("password-change");
        var second = MfaPurpose.StepUp("password" + "-change");

        Assert.That(second, Is.EqualTo(first));
        Assert.That(second.GetHashCode(), Is.EqualTo(first.GetHashCode()));
    }

    [Test]
    public void Equals_DifferentPurposes_NotEqual()
    {
        Assert.That(MfaPurpose.StepUp("password-change"), Is.Not.EqualTo(MfaPurpose.StepUp("delete-account")));
        Assert.That(MfaPurpose.StepUp("password-change"), Is.Not.EqualTo(MfaPurpose.SignIn));
        Assert.That(MfaPurpose.Enrollment, Is.Not.EqualTo(MfaPurpose.SignIn));
    }

    [Test]
    public void Default_Value_IsSignIn()
    {
        Assert.That(default(MfaPurpose).Value, Is.EqualTo("sign-in"));
    }

    [Test]
    public void Default_ComparedWithSignIn_Equal()
    {
        Assert.That(default(MfaPurpose) == MfaPurpose.SignIn, Is.True);
        Assert.That(default(MfaPurpose).GetHashCode(), Is.EqualTo(MfaPurpose.SignIn.GetHashCode()));
    }
}
