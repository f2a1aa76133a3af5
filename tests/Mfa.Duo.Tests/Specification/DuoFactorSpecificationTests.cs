using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Duo.Emulator;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Specification.Factors;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Duo.Tests.Specification;

/// <summary>
/// The factor conventions (<see cref="FactorSpecification{TEnrollmentPrompt}"/>) for Duo against one emulator per fixture
/// that follows the host's clock. Duo's servers are the answering party: the "user" approves or denies at the emulator
/// and the page polls (Auth API) or returns from the redirect (Universal Prompt). Each flow inherits this once.
/// </summary>
public abstract class DuoFactorSpecificationTests : FactorSpecification<DuoEnrollmentPrompt>
{
    private const string Username = "alice-spec";
    private DuoEmulator _duo = null!;

    protected override string Kind => FactorKinds.Duo;

    /// <summary>The flow under test.</summary>
    protected abstract DuoChallengeMode Mode { get; }

    protected DuoEmulatorUser User => _duo.GetUser(Username)!;

    [OneTimeSetUp]
    public async Task StartEmulatorAsync() => _duo = await DuoEmulator.StartAsync();

    [OneTimeTearDown]
    public async Task StopEmulatorAsync() => await _duo.DisposeAsync();

    protected override void AddFactor(IMfaBuilder mfa)
    {
        // The emulator reads its clock at each request: point it at this test's host clock.
        _duo.Options.TimeProvider = Time;
        _duo.AddUser(Username).WithPasscode("123456");
        User.WaitingPolls = 0;
        RecordSecret(_duo.Options.SecretKey);
        RecordSecret(_duo.Options.ClientSecret);
        mfa.AddDuo(o => DuoTestHost.UseEmulator(o, _duo));
    }

    protected override EnrollmentRequest<DuoEnrollmentPrompt> EnrollmentRequest(string? name) => new DuoEnrollmentRequest { Name = name, Username = Username };

    /// <summary>The binding is checked at Duo (preauth): an active user binds.</summary>
    protected override Task<EnrollmentResponse> AnswerEnrollmentAsync(string enrollmentId, DuoEnrollmentPrompt prompt)
    {
        User.State = DuoEmulatorUserState.Active;
        return Task.FromResult<EnrollmentResponse>(new DuoEnrollmentResponse());
    }

    /// <summary>A user Duo has locked out cannot be bound.</summary>
    protected override Task<EnrollmentResponse> WrongEnrollmentAnswerAsync(string enrollmentId, DuoEnrollmentPrompt prompt)
    {
        User.State = DuoEmulatorUserState.Locked;
        return Task.FromResult<EnrollmentResponse>(new DuoEnrollmentResponse());
    }

    protected override ChallengeRequest ChallengeRequest(MfaPurpose purpose) => new DuoChallengeRequest(purpose, Mode);

    protected override Task<ChallengeResponse> AnswerChallengeAsync(string challengeId, ChallengePrompt prompt) => RespondAsync(prompt, DuoEmulatorOutcome.Approve);

    protected override Task<ChallengeResponse> WrongChallengeAnswerAsync(string challengeId, ChallengePrompt prompt) => RespondAsync(prompt, DuoEmulatorOutcome.Deny);

    private async Task<ChallengeResponse> RespondAsync(ChallengePrompt prompt, DuoEmulatorOutcome outcome)
    {
        User.State = DuoEmulatorUserState.Active;
        User.Outcome = outcome;
        if (Mode != DuoChallengeMode.UniversalPrompt)
        {
            return new DuoPollResponse();
        }

        var duoPrompt = (DuoChallengePrompt)prompt;
        Assert.That(duoPrompt.AuthorizationUrl, Is.Not.Null);
        var callback = await DuoTestHost.BrowseAsync(duoPrompt.AuthorizationUrl!);
        if (callback.Code is { Length: > 0 } code)
        {
            RecordSecret(code);
        }

        return DuoCallbackResponse.From(callback);
    }
}
