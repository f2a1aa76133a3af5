using Mfa.Core.Service;
using Mfa.Core.Tests.Fakes;

namespace Mfa.Core.Tests.Service;

/// <summary>A success for one user or purpose can never be presented as another's.</summary>
[TestFixture]
public sealed class MfaVerificationResultTests
{
    private static readonly MfaPurpose s_passwordChange = MfaPurpose.StepUp("password-change");

    private MfaHarness _mfa = null!;

    private static MfaUser Alice => MfaHarness.Alice;

    [SetUp]
    public void SetUp() => _mfa = new MfaHarness();

    [TearDown]
    public void TearDown() => _mfa.Dispose();

    [Test]
    public async Task Proves_OwnUserAndPurpose_True()
    {
        var result = await SucceedAsync(s_passwordChange);

        Assert.That(result.Proves(Alice.Id, s_passwordChange), Is.True);
    }

    [Test]
    public async Task Proves_OtherUser_False()
    {
        var result = await SucceedAsync(s_passwordChange);

        Assert.That(result.Proves(MfaHarness.Bob.Id, s_passwordChange), Is.False);
    }

    [Test]
    public async Task Proves_UserIdInOtherCase_False()
    {
        var result = await SucceedAsync(s_passwordChange);

        Assert.That(result.Proves(Alice.Id.ToUpperInvariant(), s_passwordChange), Is.False);
    }

    [Test]
    public async Task Proves_OtherPurpose_False()
    {
        var result = await SucceedAsync(s_passwordChange);

        Assert.That(result.Proves(Alice.Id, MfaPurpose.SignIn), Is.False);
        Assert.That(result.Proves(Alice.Id, MfaPurpose.StepUp("delete-account")), Is.False);
        Assert.That(result.Proves(Alice.Id, MfaPurpose.Enrollment), Is.False);
    }

    [Test]
    public async Task Proves_Failure_FalseEvenForItsOwnUserAndPurpose()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, _) = await _mfa.BeginAsync(Alice, s_passwordChange);

        var result = await _mfa.CompleteAsync(Alice, id, CodeFactor.NewCode(), s_passwordChange);

        Assert.That(result.UserId, Is.EqualTo(Alice.Id));
        Assert.That(result.Purpose, Is.EqualTo(s_passwordChange));
        Assert.That(result.Proves(Alice.Id, s_passwordChange), Is.False);
    }

    [Test]
    public async Task Proves_CompletedWithDefaultPurpose_ProvesSignIn()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice, MfaPurpose.SignIn);

        var result = await _mfa.Service.CompleteChallengeAsync(Alice, id, default, new CodeChallengeResponse(CodeFactor.DefaultKind, code));

        Assert.That(result.Proves(Alice.Id, MfaPurpose.SignIn), Is.True);
    }

    private async Task<MfaVerificationResult> SucceedAsync(MfaPurpose purpose)
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice, purpose);
        var result = await _mfa.CompleteAsync(Alice, id, code, purpose);
        Assert.That(result.Succeeded, Is.True);
        return result;
    }
}
