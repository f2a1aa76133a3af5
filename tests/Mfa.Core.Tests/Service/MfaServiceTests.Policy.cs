using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Policy;
using Mfa.Core.Service;
using Mfa.Core.Tests.Fakes;

namespace Mfa.Core.Tests.Service;

/// <summary>Policy: requirement per user (default from options), enrollment grace period, allowed factors.</summary>
public sealed partial class MfaServiceTests
{
    private static readonly TimeSpan s_grace = TimeSpan.FromDays(7);

    [Test]
    public async Task GetStatusAsync_RequiredByDefaultNoGrace_MustEnroll()
    {
        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.Requirement, Is.EqualTo(MfaRequirement.Required));
        Assert.That(status.State, Is.EqualTo(MfaUserState.MustEnroll));
        Assert.That(status.GracePeriodEndsAt, Is.EqualTo(_mfa.Time.GetUtcNow()));
        Assert.That(status.EnrolledFactors, Is.Empty);
    }

    [Test]
    public async Task GetStatusAsync_OptionalByDefault_NotRequired()
    {
        Use(o => o.RequireMfaByDefault = false);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.Requirement, Is.EqualTo(MfaRequirement.Optional));
        Assert.That(status.State, Is.EqualTo(MfaUserState.NotRequired));
        Assert.That(status.GracePeriodEndsAt, Is.Null);
    }

    [Test]
    public async Task GetStatusAsync_WithinGracePeriod_InGracePeriodUntilFirstSeenPlusGrace()
    {
        Use(o => o.EnrollmentGracePeriod = s_grace);
        var firstSeen = _mfa.Time.GetUtcNow();
        await Service.GetStatusAsync(Alice);
        _mfa.Time.Advance(s_grace - TimeSpan.FromSeconds(1));

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.State, Is.EqualTo(MfaUserState.InGracePeriod));
        Assert.That(status.GracePeriodEndsAt, Is.EqualTo(firstSeen + s_grace));
    }

    [Test]
    public async Task GetStatusAsync_GracePeriodOver_MustEnroll()
    {
        Use(o => o.EnrollmentGracePeriod = s_grace);
        await Service.GetStatusAsync(Alice);
        _mfa.Time.Advance(s_grace);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.State, Is.EqualTo(MfaUserState.MustEnroll));
    }

    [Test]
    public async Task GetStatusAsync_EnrolledDuringGrace_EnrolledWithoutGraceEnd()
    {
        Use(o => o.EnrollmentGracePeriod = s_grace);
        await Service.GetStatusAsync(Alice);
        await _mfa.EnrollAsync(Alice);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.State, Is.EqualTo(MfaUserState.Enrolled));
        Assert.That(status.GracePeriodEndsAt, Is.Null);
    }

    [Test]
    public async Task GetStatusAsync_PerUserOptional_OverridesRequiredDefault()
    {
        await Service.Administration.SetRequirementAsync(Alice.Id, MfaRequirement.Optional);

        var alice = await Service.GetStatusAsync(Alice);
        var bob = await Service.GetStatusAsync(Bob);

        Assert.That(alice.State, Is.EqualTo(MfaUserState.NotRequired));
        Assert.That(alice.RequirementIsUserSpecific, Is.True);
        Assert.That(bob.State, Is.EqualTo(MfaUserState.MustEnroll));
        Assert.That(bob.RequirementIsUserSpecific, Is.False);
    }

    [Test]
    public async Task GetStatusAsync_PerUserRequired_OverridesOptionalDefault()
    {
        Use(o => o.RequireMfaByDefault = false);
        await Service.Administration.SetRequirementAsync(Alice.Id, MfaRequirement.Required);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.Requirement, Is.EqualTo(MfaRequirement.Required));
        Assert.That(status.State, Is.EqualTo(MfaUserState.MustEnroll));
    }

    [Test]
    public async Task GetStatusAsync_PerUserSettingCleared_FollowsDefaultAgain()
    {
        await Service.Administration.SetRequirementAsync(Alice.Id, MfaRequirement.Optional);
        await Service.Administration.SetRequirementAsync(Alice.Id, requirement: null);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.Requirement, Is.EqualTo(MfaRequirement.Required));
        Assert.That(status.RequirementIsUserSpecific, Is.False);
    }

    [Test]
    public async Task SetRequirementAsync_AnyValue_LogsRequirementChanged()
    {
        await Service.Administration.SetRequirementAsync(Alice.Id, MfaRequirement.Optional);

        var entry = _mfa.Logs.Entries.Single(e => e.EventId.Id == MfaEventIds.RequirementChanged);
        Assert.That(entry.Message, Does.Contain(Alice.Id).And.Contain("optional"));
    }

    [Test]
    public async Task BeginEnrollmentAsync_FactorNotInAllowedFactors_FactorNotAllowed()
    {
        Use(o => o.AllowedFactors.Add(CodeFactor.DefaultKind));

        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(MfaHarness.OtherKind));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.FactorNotAllowed));
    }

    [Test]
    public async Task BeginEnrollmentAsync_FactorInAllowedFactors_Succeeds()
    {
        Use(o => o.AllowedFactors.Add(CodeFactor.DefaultKind));

        var id = await _mfa.EnrollAsync(Alice);

        Assert.That(id, Is.Not.Empty);
    }

    [Test]
    public async Task BeginChallengeAsync_EnrolledFactorNoLongerAllowed_FactorNotAllowed()
    {
        await _mfa.EnrollAsync(Alice, kind: MfaHarness.OtherKind);
        AllowOnly(CodeFactor.DefaultKind);

        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(MfaHarness.OtherKind, MfaPurpose.SignIn));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.FactorNotAllowed));
        Assert.That(_mfa.Other.ChallengeBegins, Is.Zero);
    }

    [Test]
    public async Task CompleteChallengeAsync_FactorDisallowedAfterBegin_FactorNotAllowedWithoutVerifying()
    {
        await _mfa.EnrollAsync(Alice, kind: MfaHarness.OtherKind);
        var (id, code) = await _mfa.BeginAsync(Alice, kind: MfaHarness.OtherKind);
        AllowOnly(CodeFactor.DefaultKind);

        var result = await _mfa.CompleteAsync(Alice, id, code, kind: MfaHarness.OtherKind);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.FactorNotAllowed));
        Assert.That(_mfa.Other.ChallengeCompletions, Is.Zero);
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_LastAllowedOneWhileOtherFactorDisallowed_LastAuthenticator()
    {
        var usable = await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Alice, kind: MfaHarness.OtherKind);
        AllowOnly(CodeFactor.DefaultKind);

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, usable);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.LastAuthenticator));
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_LastAllowedOneForcedWhileOtherFactorDisallowed_UserLockedOut()
    {
        var usable = await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Alice, kind: MfaHarness.OtherKind);
        AllowOnly(CodeFactor.DefaultKind);

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, usable, force: true);

        Assert.That(result.UserLockedOut, Is.True);
        Assert.That(_mfa.Logs.EventIds, Does.Contain(MfaEventIds.UserLockedOutByRemoval));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_DisallowedOneWhileAllowedOneRemains_Removed()
    {
        await _mfa.EnrollAsync(Alice);
        var unusable = await _mfa.EnrollAsync(Alice, kind: MfaHarness.OtherKind);
        AllowOnly(CodeFactor.DefaultKind);

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, unusable);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.UserLockedOut, Is.False);
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_OnlyADisallowedOne_RemovedWithoutForce()
    {
        var unusable = await _mfa.EnrollAsync(Alice, kind: MfaHarness.OtherKind);
        AllowOnly(CodeFactor.DefaultKind);

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, unusable);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.UserLockedOut, Is.False, "the removal did not take away any usable authenticator");
    }

    [Test]
    public async Task GetStatusAsync_OnlyDisallowedFactorEnrolled_MustEnroll()
    {
        await _mfa.EnrollAsync(Alice, kind: MfaHarness.OtherKind);
        AllowOnly(CodeFactor.DefaultKind);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.State, Is.EqualTo(MfaUserState.MustEnroll));
        Assert.That(status.EnrolledFactors, Is.EqualTo(new[] { MfaHarness.OtherKind }));
    }

    /// <summary>An admin narrows the allowed factors after users enrolled (the live options instance is the service's).</summary>
    private void AllowOnly(string kind) => _mfa.Get<Microsoft.Extensions.Options.IOptions<MfaOptions>>().Value.AllowedFactors.Add(kind);
}
