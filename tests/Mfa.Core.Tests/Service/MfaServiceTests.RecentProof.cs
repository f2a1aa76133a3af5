using Mfa.Core.Diagnostics;
using Mfa.Core.Tests.Fakes;
using Mfa.Testing;

namespace Mfa.Core.Tests.Service;

/// <summary>
/// Factor changes need a recent proof (<see cref="MfaUser.LastVerifiedAt"/> within <see cref="MfaOptions.RecentVerificationMaxAge"/>):
/// stale or missing is <see cref="MfaFailureReason.ReauthenticationRequired"/> and changes nothing; the administrative path
/// needs none and raises its own event.
/// </summary>
public sealed partial class MfaServiceTests
{
    private static readonly TimeSpan s_maxAge = TimeSpan.FromMinutes(5);

    private MfaUser Fresh => Alice.JustVerified(_mfa.Time);

    private MfaUser Stale => Alice with { LastVerifiedAt = _mfa.Time.GetUtcNow() - s_maxAge - TimeSpan.FromSeconds(1) };

    [Test]
    public async Task BeginEnrollmentAsync_FirstAuthenticatorWithoutProof_Succeeds()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));

        Assert.That(start.Succeeded, Is.True, start.Message);
    }

    [Test]
    public async Task BeginEnrollmentAsync_SecondAuthenticatorWithStaleProof_ReauthenticationRequiredAndNothingStored()
    {
        await _mfa.EnrollAsync(Alice);

        var stale = await Service.BeginEnrollmentAsync(Stale, new CodeEnrollmentRequest(CodeFactor.DefaultKind));
        var none = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));

        Assert.That(stale.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
        Assert.That(none.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
        Assert.That(_mfa.Logs.EventIds, Does.Contain(MfaEventIds.ReauthenticationRequired));
        Assert.That(_mfa.Logs.EventIds.Count(e => e == MfaEventIds.EnrollmentBegun), Is.EqualTo(1), "only the first enrollment began");
    }

    [Test]
    public async Task BeginEnrollmentAsync_SecondAuthenticatorWithProofExactlyMaxAgeOld_Succeeds()
    {
        await _mfa.EnrollAsync(Alice);
        var user = Alice with { LastVerifiedAt = _mfa.Time.GetUtcNow() - s_maxAge };

        var start = await Service.BeginEnrollmentAsync(user, new CodeEnrollmentRequest(CodeFactor.DefaultKind));

        Assert.That(start.Succeeded, Is.True, start.Message);
    }

    [Test]
    public async Task BeginEnrollmentAsync_ConfiguredMaxAge_Honoured()
    {
        Use(o => o.RecentVerificationMaxAge = TimeSpan.FromMinutes(1));
        await _mfa.EnrollAsync(Alice);
        var twoMinutes = Alice with { LastVerifiedAt = _mfa.Time.GetUtcNow() - TimeSpan.FromMinutes(2) };

        var start = await Service.BeginEnrollmentAsync(twoMinutes, new CodeEnrollmentRequest(CodeFactor.DefaultKind));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_ProofGrewStaleSinceTheBegin_ReauthenticationRequiredNothingStoredAndStillUsable()
    {
        await _mfa.EnrollAsync(Alice);
        var start = await Service.BeginEnrollmentAsync(Fresh, new CodeEnrollmentRequest(CodeFactor.DefaultKind));
        var user = Fresh;
        _mfa.Time.Advance(s_maxAge + TimeSpan.FromSeconds(1));

        var stale = await Service.CompleteEnrollmentAsync(user, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, start.Prompt!.Code));
        var fresh = await Service.CompleteEnrollmentAsync(Fresh, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, start.Prompt!.Code));

        Assert.That(stale.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
        Assert.That(fresh.Succeeded, Is.True, fresh.Message);
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_AnotherAuthenticatorAddedSinceAFirstBegin_ReauthenticationRequired()
    {
        var first = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));
        await _mfa.EnrollAsync(Alice);

        var result = await Service.CompleteEnrollmentAsync(Alice, first.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, first.Prompt!.Code));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_FirstSetWithoutAuthenticatorOrProof_Succeeds()
    {
        var result = await Service.GenerateRecoveryCodesAsync(Alice);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_StaleProof_ReauthenticationRequiredAndOldSetKept()
    {
        var old = await Service.GenerateRecoveryCodesAsync(Alice);
        await _mfa.EnrollAsync(Alice);

        var result = await Service.GenerateRecoveryCodesAsync(Stale);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
        Assert.That(result.Codes, Is.Empty);
        Assert.That((await Service.RedeemRecoveryCodeAsync(Alice, old.Codes[0], MfaPurpose.SignIn)).Succeeded, Is.True);
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_RegeneratedWithoutAuthenticatorButStale_ReauthenticationRequired()
    {
        await Service.GenerateRecoveryCodesAsync(Alice);

        var result = await Service.GenerateRecoveryCodesAsync(Stale);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_FreshProof_Succeeds()
    {
        await _mfa.EnrollAsync(Alice);

        var result = await Service.GenerateRecoveryCodesAsync(Fresh);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task RenameAuthenticatorAsync_StaleProof_ReauthenticationRequiredAndNameKept()
    {
        var id = await _mfa.EnrollAsync(Alice, "Phone");

        var result = await Service.RenameAuthenticatorAsync(Stale, id, "Attacker's");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
        Assert.That((await Service.ListAuthenticatorsAsync(Alice.Id)).Single().Name, Is.EqualTo("Phone"));
    }

    [Test]
    public async Task RenameAuthenticatorAsync_ProofFromTheFutureBeyondMaxAge_ReauthenticationRequired()
    {
        var id = await _mfa.EnrollAsync(Alice, "Phone");
        var user = Alice with { LastVerifiedAt = _mfa.Time.GetUtcNow() + TimeSpan.FromDays(1) };

        var result = await Service.RenameAuthenticatorAsync(user, id, "Tablet");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_StaleProof_ReauthenticationRequiredAndKept()
    {
        await _mfa.EnrollAsync(Alice);
        var second = await _mfa.EnrollAsync(Alice);

        var result = await Service.RemoveAuthenticatorAsync(Stale, second);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_FreshProofLastWhileRequired_LastAuthenticatorEvenThen()
    {
        var id = await _mfa.EnrollAsync(Alice);

        var result = await Service.RemoveAuthenticatorAsync(Fresh, id);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.LastAuthenticator));
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AdministrationRenameAuthenticatorAsync_WithoutProof_RenamedWithItsOwnWarning()
    {
        var id = await _mfa.EnrollAsync(Alice, "Phone");

        var result = await Service.Administration.RenameAuthenticatorAsync(Alice.Id, id, "Tablet");

        Assert.That(result.Succeeded, Is.True, result.Message);
        var entry = _mfa.Logs.Entries.Single(e => e.EventId.Id == MfaEventIds.AdministratorRenamedAuthenticator);
        Assert.That(entry.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.That(_mfa.Logs.EventIds, Does.Not.Contain(MfaEventIds.AuthenticatorRenamed));
    }

    [Test]
    public async Task AdministrationRemoveAuthenticatorAsync_WithoutProof_RemovedWithItsOwnWarning()
    {
        await _mfa.EnrollAsync(Alice);
        var second = await _mfa.EnrollAsync(Alice);

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, second);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(_mfa.Logs.EventIds, Does.Contain(MfaEventIds.AdministratorRemovedAuthenticator));
        Assert.That(_mfa.Logs.EventIds, Does.Not.Contain(MfaEventIds.AuthenticatorRemoved));
    }
}
