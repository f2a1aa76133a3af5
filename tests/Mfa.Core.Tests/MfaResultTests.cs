using Mfa.Core.Factors;
using Mfa.Core.Tests.Fakes;

namespace Mfa.Core.Tests;

/// <summary>Results carry a reason and a secret-free message; ToString never prints codes, secrets or state.</summary>
[TestFixture]
public sealed class MfaResultTests
{
    private MfaHarness _mfa = null!;

    [SetUp]
    public void SetUp() => _mfa = new MfaHarness();

    [TearDown]
    public void TearDown() => _mfa.Dispose();

    [Test]
    public void Message_EveryFailureReason_HasItsOwnText()
    {
        var messages = Enum.GetValues<MfaFailureReason>().Select(r => ChallengeCompleteResult.Failure(r).Message).ToList();

        Assert.That(messages, Is.Unique);
        Assert.That(messages, Has.None.EqualTo("The step failed."));
    }

    [Test]
    public void Message_FactorMessage_Kept()
    {
        var result = ChallengeCompleteResult.Failure(MfaFailureReason.RemoteFailure, "Duo is unreachable.");

        Assert.That(result.Message, Is.EqualTo("Duo is unreachable."));
        Assert.That(result.ToString(), Is.EqualTo("ChallengeCompleteResult: RemoteFailure (Duo is unreachable.)"));
    }

    [Test]
    public async Task ToString_Success_NamesTypeOnly()
    {
        await _mfa.EnrollAsync(MfaHarness.Alice);
        var (id, code) = await _mfa.BeginAsync(MfaHarness.Alice);

        var result = await _mfa.CompleteAsync(MfaHarness.Alice, id, code);

        Assert.That(result.ToString(), Is.EqualTo("MfaVerificationResult: succeeded"));
    }

    [Test]
    public async Task ToString_WrongCode_HasReasonButNotTheCodes()
    {
        await _mfa.EnrollAsync(MfaHarness.Alice);
        var (id, code) = await _mfa.BeginAsync(MfaHarness.Alice);
        var wrong = CodeFactor.NewCode();

        var result = await _mfa.CompleteAsync(MfaHarness.Alice, id, wrong);

        Assert.That(result.ToString(), Does.Contain(nameof(MfaFailureReason.InvalidCode)));
        Assert.That(result.ToString(), Does.Not.Contain(wrong).And.Not.Contain(code));
        Assert.That(result.Message, Does.Not.Contain(wrong).And.Not.Contain(code));
    }

    [Test]
    public async Task ToString_ChallengeStart_HasNoCodeOrState()
    {
        await _mfa.EnrollAsync(MfaHarness.Alice);

        var start = await _mfa.Service.BeginChallengeAsync(MfaHarness.Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));

        var code = ((CodeChallengePrompt)start.Prompt!).Code;
        Assert.That(start.ToString(), Is.EqualTo("MfaChallengeStart`1: succeeded"));
        Assert.That(start.Prompt!.ToString(), Does.Not.Contain(code));
    }

    [Test]
    public async Task ToString_EnrollmentStart_HasNoCode()
    {
        var start = await _mfa.Service.BeginEnrollmentAsync(MfaHarness.Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));

        var code = start.Prompt!.Code;
        Assert.That(start.ToString(), Does.Not.Contain(code));
        Assert.That(start.Prompt, Is.Not.Null);
    }

    [Test]
    public async Task ToString_RecoveryCodes_CountOnly()
    {
        var codes = await _mfa.Service.GenerateRecoveryCodesAsync(MfaHarness.Alice);

        Assert.That(codes.ToString(), Is.EqualTo("RecoveryCodesResult { Count = 10 }"));
    }

    [Test]
    public async Task ToString_OperationResult_NoAuthenticatorData()
    {
        var id = await _mfa.EnrollAsync(MfaHarness.Alice);

        var result = await _mfa.Service.Administration.RenameAuthenticatorAsync(MfaHarness.Alice.Id, id, "Phone");

        Assert.That(result.ToString(), Is.EqualTo("MfaOperationResult: succeeded"));
    }

    [Test]
    public void Succeeded_NoneReason_True()
    {
        var result = ChallengeBeginResult.Begun(ChallengePrompt.None, ReadOnlyMemory<byte>.Empty);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.None));
    }

    [Test]
    public void Succeeded_Pending_NeitherSucceededNorFailed()
    {
        var result = ChallengeCompleteResult.Pending(TimeSpan.FromSeconds(2));

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.IsPending, Is.True);
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.None));
        Assert.That(result.ToString(), Does.EndWith("pending"));
    }
}
