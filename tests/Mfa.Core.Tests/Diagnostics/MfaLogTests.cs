using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Core.Tests.Fakes;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Mfa.Core.Tests.Diagnostics;

/// <summary>Every security decision is logged with a stable event id, and no log carries a code, a recovery code or the key.</summary>
[TestFixture]
public sealed class MfaLogTests
{
    private static readonly Dictionary<int, Func<MfaHarness, Task>> s_scenarios = new()
    {
        [MfaEventIds.ChallengeBegun] = m => Enrolled(m, () => m.BeginAsync(MfaHarness.Alice)),
        [MfaEventIds.ChallengeSucceeded] = m => Enrolled(m, () => m.PassAsync(MfaHarness.Alice)),
        [MfaEventIds.ChallengeFailed] = m => Enrolled(m, () => m.FailAsync(MfaHarness.Alice)),
        [MfaEventIds.LockedOut] = m => Enrolled(m, async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await m.FailAsync(MfaHarness.Alice);
            }

            await m.Service.BeginChallengeAsync(MfaHarness.Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));
        }),
        [MfaEventIds.AuthenticatorHardLocked] = m => Enrolled(m, async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await m.FailAsync(MfaHarness.Alice, (await m.Service.ListAuthenticatorsAsync(MfaHarness.Alice.Id))[0].Id);
            }
        }),
        [MfaEventIds.Unlocked] = m => m.Service.Administration.UnlockAsync(MfaHarness.Alice.Id),
        [MfaEventIds.EnrollmentBegun] = m => m.Service.BeginEnrollmentAsync(MfaHarness.Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind)),
        [MfaEventIds.EnrollmentSucceeded] = m => m.EnrollAsync(MfaHarness.Alice),
        [MfaEventIds.EnrollmentFailed] = async m =>
        {
            var start = await m.Service.BeginEnrollmentAsync(MfaHarness.Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));
            await m.Service.CompleteEnrollmentAsync(MfaHarness.Alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeFactor.NewCode()));
        },
        [MfaEventIds.AuthenticatorRenamed] = async m => await m.Service.RenameAuthenticatorAsync(MfaHarness.Alice.JustVerified(m.Time), await m.EnrollAsync(MfaHarness.Alice), "New name"),
        [MfaEventIds.AuthenticatorRemoved] = async m =>
        {
            await m.Service.Administration.SetRequirementAsync(MfaHarness.Alice.Id, Policy.MfaRequirement.Optional);
            await m.Service.RemoveAuthenticatorAsync(MfaHarness.Alice.JustVerified(m.Time), await m.EnrollAsync(MfaHarness.Alice));
        },
        [MfaEventIds.AdministratorRenamedAuthenticator] = async m => await m.Service.Administration.RenameAuthenticatorAsync(MfaHarness.Alice.Id, await m.EnrollAsync(MfaHarness.Alice), "New name"),
        [MfaEventIds.AdministratorRemovedAuthenticator] = async m => await m.Service.Administration.RemoveAuthenticatorAsync(MfaHarness.Alice.Id, await m.EnrollAsync(MfaHarness.Alice), force: true),
        [MfaEventIds.ReauthenticationRequired] = async m => await m.Service.RenameAuthenticatorAsync(MfaHarness.Alice, await m.EnrollAsync(MfaHarness.Alice), "New name"),
        [MfaEventIds.StoreUnavailable] = async m =>
        {
            await m.EnrollAsync(MfaHarness.Alice);
            var (id, code) = await m.BeginAsync(MfaHarness.Alice);
            ((ThrowingChallengeStore)m.Get<IChallengeStore>()).ConsumeFault = new MfaStoreException();
            await m.CompleteAsync(MfaHarness.Alice, id, code);
        },
        [MfaEventIds.LastAuthenticatorRemovalRefused] = async m => await m.Service.Administration.RemoveAuthenticatorAsync(MfaHarness.Alice.Id, await m.EnrollAsync(MfaHarness.Alice)),
        [MfaEventIds.UserLockedOutByRemoval] = async m => await m.Service.Administration.RemoveAuthenticatorAsync(MfaHarness.Alice.Id, await m.EnrollAsync(MfaHarness.Alice), force: true),
        [MfaEventIds.RecoveryCodesGenerated] = m => m.Service.GenerateRecoveryCodesAsync(MfaHarness.Alice),
        [MfaEventIds.RecoveryCodeRedeemed] = async m =>
            await m.Service.RedeemRecoveryCodeAsync(MfaHarness.Alice, (await m.Service.GenerateRecoveryCodesAsync(MfaHarness.Alice)).Codes[0], MfaPurpose.SignIn),
        [MfaEventIds.RecoveryCodeRefused] = m => m.Service.RedeemRecoveryCodeAsync(MfaHarness.Alice, "00000-00000", MfaPurpose.SignIn),
        [MfaEventIds.ChallengeAnswered] = m => Answered(m, ChallengeAnswerOutcome.Approved),
        [MfaEventIds.FraudReported] = m => Answered(m, ChallengeAnswerOutcome.FraudReported),
        [MfaEventIds.AnswerRefused] = async m =>
        {
            var device = await m.EnrollDeviceAsync(MfaHarness.Alice);
            var (id, _) = await m.BeginApprovalAsync(MfaHarness.Alice);
            await m.Service.AnswerChallengeAsync(id, new ApprovalAnswer(new byte[16], device, ChallengeAnswerOutcome.Approved));
        },
        [MfaEventIds.RequirementChanged] = m => m.Service.Administration.SetRequirementAsync(MfaHarness.Alice.Id, Policy.MfaRequirement.Optional),
        [MfaEventIds.SecretUnavailable] = async m =>
        {
            var store = m.Get<IAuthenticatorStore>();
            var record = await store.FindByIdAsync(await m.EnrollAsync(MfaHarness.Alice));
            await store.TryUpdateAsync(record! with { Data = "{\"sealed\":true}" });
            await m.Service.Administration.ReencryptSecretsAsync(null, 10);
        },
        [MfaEventIds.SecretsReencrypted] = async m =>
        {
            await m.EnrollAsync(MfaHarness.Alice);
            await m.Service.Administration.ReencryptSecretsAsync(null, 10);
        },
    };

    /// <summary>Events about the whole store, not one user: their message names no user.</summary>
    private static readonly HashSet<int> s_storeWide = [MfaEventIds.SecretsReencrypted];

    private static async Task Answered(MfaHarness m, ChallengeAnswerOutcome outcome)
    {
        var device = await m.EnrollDeviceAsync(MfaHarness.Alice);
        var (id, nonce) = await m.BeginApprovalAsync(MfaHarness.Alice);
        await m.Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, outcome));
    }

    private static IEnumerable<int> EventIds => typeof(MfaEventIds).GetFields().Select(f => (int)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(EventIds))]
    public async Task Log_DecisionMade_LoggedWithItsEventId(int eventId)
    {
        using var mfa = new MfaHarness(o => o.HardLockThreshold = 5, s => s.Replace(ServiceDescriptor.Singleton<IChallengeStore, ThrowingChallengeStore>()));

        await s_scenarios[eventId](mfa);

        var entry = mfa.Logs.Entries.FirstOrDefault(e => e.EventId.Id == eventId);
        Assert.That(entry, Is.Not.Null, $"no log with event id {eventId}");
        Assert.That(entry!.Category, Is.EqualTo(typeof(MfaService).FullName));
        Assert.That(entry.Message, s_storeWide.Contains(eventId) ? Is.Not.Empty : Does.Contain(MfaHarness.Alice.Id));
    }

    [Test]
    public void EventIds_AllConstants_DistinctAndCoveredByAScenario()
    {
        Assert.That(EventIds, Is.Unique);
        Assert.That(s_scenarios.Keys, Is.EquivalentTo(EventIds));
    }

    [TestCase(MfaEventIds.ChallengeFailed, LogLevel.Warning)]
    [TestCase(MfaEventIds.ChallengeSucceeded, LogLevel.Information)]
    [TestCase(MfaEventIds.LockedOut, LogLevel.Warning)]
    [TestCase(MfaEventIds.UserLockedOutByRemoval, LogLevel.Warning)]
    [TestCase(MfaEventIds.RecoveryCodeRefused, LogLevel.Warning)]
    [TestCase(MfaEventIds.AdministratorRenamedAuthenticator, LogLevel.Warning)]
    [TestCase(MfaEventIds.AdministratorRemovedAuthenticator, LogLevel.Warning)]
    [TestCase(MfaEventIds.RequirementChanged, LogLevel.Warning)]
    [TestCase(MfaEventIds.Unlocked, LogLevel.Warning)]
    [TestCase(MfaEventIds.ReauthenticationRequired, LogLevel.Warning)]
    [TestCase(MfaEventIds.AuthenticatorRenamed, LogLevel.Information)]
    public async Task Log_Decision_HasItsLevel(int eventId, LogLevel level)
    {
        using var mfa = new MfaHarness();

        await s_scenarios[eventId](mfa);

        Assert.That(mfa.Logs.Entries.First(e => e.EventId.Id == eventId).Level, Is.EqualTo(level));
    }

    [Test]
    public async Task Log_ChallengeFailed_CarriesTheReasonAsState()
    {
        using var mfa = new MfaHarness();

        await s_scenarios[MfaEventIds.ChallengeFailed](mfa);

        var entry = mfa.Logs.Entries.Single(e => e.EventId.Id == MfaEventIds.ChallengeFailed);
        Assert.That(entry.State, Does.Contain(new KeyValuePair<string, object?>("Reason", MfaFailureReason.InvalidCode)));
    }

    [Test]
    public async Task Log_EveryPath_NoCodeRecoveryCodeOrKeyInMessagesOrState()
    {
        using var mfa = new MfaHarness();

        var secrets = await SecretScenario.RunAsync(mfa);

        var texts = mfa.Logs.Entries.SelectMany(e => e.Texts()).ToList();
        Assert.That(mfa.Logs.Entries.Select(e => e.EventId.Id).Distinct().Count(), Is.GreaterThanOrEqualTo(12), "the scenario reaches most decisions");
        foreach (var secret in secrets)
        {
            Assert.That(texts, Has.None.Contains(secret), "a log contains a secret");
        }
    }

    private static async Task Enrolled(MfaHarness mfa, Func<Task> then)
    {
        await mfa.EnrollAsync(MfaHarness.Alice);
        await then();
    }
}
