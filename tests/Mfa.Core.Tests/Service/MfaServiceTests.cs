using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Core.Tests.Service;

/// <summary>The IFactor steps through IMfaService: enrollment, challenges with any enrolled factor, status and listing.</summary>
[TestFixture]
public sealed partial class MfaServiceTests
{
    private static MfaUser Alice => MfaHarness.Alice;
    private static MfaUser Bob => MfaHarness.Bob;

    private MfaHarness _mfa = null!;

    private IMfaService Service => _mfa.Service;

    [SetUp]
    public void SetUp() => _mfa = new MfaHarness();

    [TearDown]
    public void TearDown() => _mfa.Dispose();

    [Test]
    public async Task BeginEnrollmentAsync_RegisteredFactor_ReturnsIdExpiryAndFactorDetails()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));

        Assert.That(start.Succeeded, Is.True);
        Assert.That(start.EnrollmentId, Has.Length.EqualTo(22));
        Assert.That(start.ExpiresAt, Is.EqualTo(_mfa.Time.GetUtcNow() + TimeSpan.FromMinutes(10)));
        Assert.That(start.Prompt, Is.TypeOf<CodeEnrollmentPrompt>());
    }

    [Test]
    public async Task BeginEnrollmentAsync_UnregisteredFactor_FactorNotAllowed()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest("unregistered"));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.FactorNotAllowed));
        Assert.That(start.EnrollmentId, Is.Null);
    }

    [Test]
    public async Task CompleteEnrollmentAsync_RightCode_StoresAuthenticatorWithItsName()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind) { Name = "Work phone" });

        var done = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeOf(start)));

        Assert.That(done.Succeeded, Is.True);
        var listed = await Service.ListAuthenticatorsAsync(Alice.Id);
        Assert.That(listed.Select(a => (a.Id, a.Kind, a.Name)), Is.EqualTo(new[] { (done.Authenticator!.Id, CodeFactor.DefaultKind, "Work phone") }));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_WrongCode_FailsAndStaysPending()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));

        var wrong = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeFactor.NewCode()));
        var right = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeOf(start)));

        Assert.That(wrong.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
        Assert.That(right.Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteEnrollmentAsync_Twice_SecondReturnsTheStoredAuthenticatorAndStoresNothingMore()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));
        var response = new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeOf(start));
        var first = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, response);

        var second = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, response);

        // Idempotent: a caller whose first reply was lost to a fault hears what is stored.
        Assert.That(second.Authenticator?.Id, Is.EqualTo(first.Authenticator!.Id));
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_AfterEnrollmentLifetime_Expired()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));
        _mfa.Time.Advance(TimeSpan.FromMinutes(10));

        var done = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeOf(start)));

        Assert.That(done.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
        Assert.That(_mfa.Factor.EnrollmentCompletions, Is.Zero);
    }

    [Test]
    public async Task CompleteEnrollmentAsync_OtherUser_MismatchAndOwnerCanStillComplete()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));
        var response = new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeOf(start));

        var stolen = await Service.CompleteEnrollmentAsync(Bob, start.EnrollmentId!, response);
        var owner = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, response);

        Assert.That(stolen.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
        Assert.That(await Service.ListAuthenticatorsAsync(Bob.Id), Is.Empty);
        Assert.That(owner.Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteEnrollmentAsync_OtherFactor_Mismatch()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));

        var done = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new CodeEnrollmentResponse(MfaHarness.OtherKind, CodeOf(start)));

        Assert.That(done.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_UnknownId_ChallengeNotFound()
    {
        var done = await Service.CompleteEnrollmentAsync(Alice, "AAAAAAAAAAAAAAAAAAAAAA", new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeFactor.NewCode()));

        Assert.That(done.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeNotFound));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_FactorAsksForReplayStep_StepRecordedForTheNewRecord()
    {
        _mfa.Factor.InitialReplayStep = 1000;
        var id = await _mfa.EnrollAsync(Alice);

        var guard = _mfa.Get<IReplayGuardStore>();
        Assert.That(await guard.TryAdvanceStepAsync(id, 1000), Is.False, "the enrollment's step is used");
        Assert.That(await guard.TryAdvanceStepAsync(id, 1001), Is.True);
    }

    [Test]
    public async Task CompleteEnrollmentAsync_SameEnrollmentCompletedAgainAfterAFault_ReturnsTheStoredRecord()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));
        var first = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeOf(start)));
        // Simulate a fault after the record was stored but before the enrollment was consumed: un-consume it.
        var challenges = (Mfa.Core.Storage.InMemory.InMemoryChallengeStore)_mfa.Get<IChallengeStore>();
        challenges.Unconsume(start.EnrollmentId!);

        var again = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeOf(start)));

        Assert.That(again.Succeeded, Is.True, again.Message);
        Assert.That(again.Authenticator!.Id, Is.EqualTo(first.Authenticator!.Id));
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task BeginEnrollmentAsync_ContextCarriesServiceMintedIdAndValidatedName()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind) { Name = "  Work phone  " });

        var context = _mfa.Factor.EnrollmentContexts.Single();
        Assert.That(context.EnrollmentId, Is.EqualTo(start.EnrollmentId));
        Assert.That(context.Name, Is.EqualTo("Work phone"));
        Assert.That(context.ExpiresAt, Is.EqualTo(start.ExpiresAt));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_CredentialAlreadyRegistered_AlreadyEnrolledAndNothingStored()
    {
        _mfa.Factor.EnrollCredentialId = "credential-1";
        await _mfa.EnrollAsync(Bob);
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));

        var done = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeOf(start)));

        Assert.That(done.FailureReason, Is.EqualTo(MfaFailureReason.AlreadyEnrolled));
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Is.Empty);
    }

    [Test]
    public async Task BeginChallengeAsync_NotEnrolled_NotEnrolled()
    {
        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.NotEnrolled));
        Assert.That(_mfa.Factor.ChallengeBegins, Is.Zero);
    }

    [Test]
    public async Task BeginChallengeAsync_UnregisteredFactor_FactorNotAllowed()
    {
        await _mfa.EnrollAsync(Alice);

        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest("unregistered", MfaPurpose.SignIn));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.FactorNotAllowed));
    }

    [Test]
    public async Task BeginChallengeAsync_FactorFails_ReturnsFactorReasonAndStoresNothing()
    {
        await _mfa.EnrollAsync(Alice);
        _mfa.Factor.BeginFailure = MfaFailureReason.RemoteFailure;

        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.RemoteFailure));
        Assert.That(start.ChallengeId, Is.Null);
    }

    [Test]
    public async Task BeginChallengeAsync_Enrolled_ExpiresAfterChallengeLifetime()
    {
        await _mfa.EnrollAsync(Alice);

        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));

        Assert.That(start.ExpiresAt, Is.EqualTo(_mfa.Time.GetUtcNow() + TimeSpan.FromMinutes(2)));
        Assert.That(start.Prompt, Is.TypeOf<CodeChallengePrompt>());
    }

    [Test]
    public async Task BeginChallengeAsync_OtherUsersAuthenticator_UnknownAuthenticator()
    {
        await _mfa.EnrollAsync(Alice);
        var bobs = await _mfa.EnrollAsync(Bob);

        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn) { AuthenticatorId = bobs });

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
    }

    [Test]
    public async Task CompleteChallengeAsync_RightCode_SucceedsForUserPurposeAndAuthenticator()
    {
        var id = await _mfa.EnrollAsync(Alice);
        var (challengeId, code) = await _mfa.BeginAsync(Alice);

        var result = await _mfa.CompleteAsync(Alice, challengeId, code);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.UserId, Is.EqualTo(Alice.Id));
        Assert.That(result.Purpose, Is.EqualTo(MfaPurpose.SignIn));
        Assert.That(result.Kind, Is.EqualTo(CodeFactor.DefaultKind));
        Assert.That(result.AuthenticatorId, Is.EqualTo(id));
        Assert.That(result.ChallengeId, Is.EqualTo(challengeId));
        Assert.That(result.VerifiedAt, Is.EqualTo(_mfa.Time.GetUtcNow()));
        Assert.That(result.IsPending, Is.False);
    }

    [Test]
    public async Task CompleteChallengeAsync_AnyEnrolledFactor_Succeeds()
    {
        await _mfa.EnrollAsync(Alice);
        var other = await _mfa.EnrollAsync(Alice, kind: MfaHarness.OtherKind);
        var (challengeId, code) = await _mfa.BeginAsync(Alice, kind: MfaHarness.OtherKind);

        var result = await _mfa.CompleteAsync(Alice, challengeId, code, kind: MfaHarness.OtherKind);

        Assert.That(result.AuthenticatorId, Is.EqualTo(other));
        Assert.That(_mfa.Other.ChallengeCompletions, Is.EqualTo(1));
        Assert.That(_mfa.Factor.ChallengeCompletions, Is.Zero);
    }

    [Test]
    public async Task CompleteChallengeAsync_Success_RecordsLastUse()
    {
        var id = await _mfa.EnrollAsync(Alice);
        _mfa.Time.Advance(TimeSpan.FromHours(1));

        await _mfa.PassAsync(Alice);

        var listed = await Service.ListAuthenticatorsAsync(Alice.Id);
        var status = await Service.GetStatusAsync(Alice);
        Assert.That(listed.Single(a => a.Id == id).LastUsedAt, Is.EqualTo(_mfa.Time.GetUtcNow()));
        Assert.That(status.LastUsedAt, Is.EqualTo(_mfa.Time.GetUtcNow()));
    }

    [Test]
    public async Task CompleteChallengeAsync_WrongCode_InvalidCodeAndChallengeIsBurned()
    {
        await _mfa.EnrollAsync(Alice);
        var (challengeId, code) = await _mfa.BeginAsync(Alice);

        var wrong = await _mfa.CompleteAsync(Alice, challengeId, CodeFactor.NewCode());
        var retry = await _mfa.CompleteAsync(Alice, challengeId, code);

        Assert.That(wrong.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
        Assert.That(wrong.AuthenticatorId, Is.Null);
        Assert.That(retry.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
    }

    [Test]
    public async Task CompleteChallengeAsync_FactorReportsChange_WritesRecordBack()
    {
        var id = await _mfa.EnrollAsync(Alice);
        var before = await _mfa.Get<IAuthenticatorStore>().FindByIdAsync(id);
        _mfa.Factor.ReportChange = true;

        var result = await _mfa.PassAsync(Alice);

        var after = await _mfa.Get<IAuthenticatorStore>().FindByIdAsync(id);
        Assert.That(result.Succeeded, Is.True);
        Assert.That(after!.Data, Is.Not.EqualTo(before!.Data));
        Assert.That(after.Version, Is.EqualTo(before.Version + 1));
        Assert.That(after.LastUsedAt, Is.EqualTo(_mfa.Time.GetUtcNow()));
    }

    [Test]
    public async Task CompleteChallengeAsync_FactorChangeOnRecordChangedMeanwhile_ConcurrencyConflict()
    {
        var id = await _mfa.EnrollAsync(Alice);
        _mfa.Factor.ReportChange = true;
        _mfa.Factor.InsideVerifier = () => Service.Administration.RenameAuthenticatorAsync(Alice.Id, id, "Renamed meanwhile");

        var result = await _mfa.PassAsync(Alice);

        var stored = await _mfa.Get<IAuthenticatorStore>().FindByIdAsync(id);
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ConcurrencyConflict));
        Assert.That(stored!.Name, Is.EqualTo("Renamed meanwhile"));
        Assert.That(stored.LastUsedAt, Is.Null);
    }

    [Test]
    public async Task CompleteChallengeAsync_UnchangedRecordChangedMeanwhile_SucceedsAndKeepsTheOtherChange()
    {
        var id = await _mfa.EnrollAsync(Alice);
        _mfa.Factor.InsideVerifier = () => Service.Administration.RenameAuthenticatorAsync(Alice.Id, id, "Renamed meanwhile");

        var result = await _mfa.PassAsync(Alice);

        var stored = await _mfa.Get<IAuthenticatorStore>().FindByIdAsync(id);
        Assert.That(result.Succeeded, Is.True);
        Assert.That(stored!.Name, Is.EqualTo("Renamed meanwhile"));
        Assert.That(stored.LastUsedAt, Is.EqualTo(_mfa.Time.GetUtcNow()));
    }

    [Test]
    public async Task CompleteChallengeAsync_FactorAnswersWithAnotherUsersRecord_UnknownAuthenticator()
    {
        await _mfa.EnrollAsync(Alice);
        var bobs = await _mfa.EnrollAsync(Bob);
        _mfa.Factor.AnswerWith = await _mfa.Get<IAuthenticatorStore>().FindByIdAsync(bobs);

        var result = await _mfa.PassAsync(Alice);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
        Assert.That(result.Proves(Alice.Id, MfaPurpose.SignIn), Is.False);
    }

    [Test]
    public async Task GetStatusAsync_TwoFactors_ListsFactorsAuthenticatorsAndRequirement()
    {
        var first = await _mfa.EnrollAsync(Alice, "Phone");
        _mfa.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await _mfa.EnrollAsync(Alice, "Key", MfaHarness.OtherKind);
        _mfa.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await _mfa.EnrollAsync(Alice, "Tablet");

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.UserId, Is.EqualTo(Alice.Id));
        Assert.That(status.Requirement, Is.EqualTo(Policy.MfaRequirement.Required));
        Assert.That(status.RequirementIsUserSpecific, Is.False);
        Assert.That(status.State, Is.EqualTo(MfaUserState.Enrolled));
        Assert.That(status.EnrolledFactors, Is.EquivalentTo(new[] { CodeFactor.DefaultKind, MfaHarness.OtherKind }));
        Assert.That(status.Authenticators.Select(a => a.Id), Is.EqualTo(new[] { first, second, third }));
        Assert.That(status.LastUsedAt, Is.Null);
        Assert.That(status.IsLockedOut, Is.False);
        Assert.That(status.HardLockedAuthenticators, Is.Empty);
    }

    [Test]
    public async Task ListAuthenticatorsAsync_OtherUser_SeesOnlyTheirOwn()
    {
        await _mfa.EnrollAsync(Alice);
        var bobs = await _mfa.EnrollAsync(Bob);

        var listed = await Service.ListAuthenticatorsAsync(Bob.Id);

        Assert.That(listed.Select(a => a.Id), Is.EqualTo(new[] { bobs }));
    }

    [Test]
    public async Task ListAuthenticatorsAsync_EnrolledOverTime_OldestFirst()
    {
        var first = await _mfa.EnrollAsync(Alice, "First");
        _mfa.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await _mfa.EnrollAsync(Alice, "Second");

        var listed = await Service.ListAuthenticatorsAsync(Alice.Id);

        Assert.That(listed.Select(a => a.Id), Is.EqualTo(new[] { first, second }));
    }

    private static string CodeOf(MfaEnrollmentStart<CodeEnrollmentPrompt> start) => start.Prompt!.Code;

    private void Use(Action<MfaOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        _mfa.Dispose();
        _mfa = new MfaHarness(configure, services);
    }
}
