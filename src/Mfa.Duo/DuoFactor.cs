using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Duo.AuthApi;
using Mfa.Duo.Factor;
using Mfa.Duo.Failmode;
using Mfa.Duo.UniversalPrompt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Duo;

/// <summary>
/// Duo as a Core factor, both flows. It is an <see cref="IOutOfBandFactor"/> because Core lets only out-of-band factors
/// answer <see cref="ChallengeCompleteResult.Pending"/> and completes them without consuming first: the Auth API's
/// asynchronous push or phone call is polled (<c>auth_status</c>) from <see cref="CompleteChallengeAsync"/>, and a terminal
/// outcome is then counted and consumed exactly once by the service. Nobody answers through
/// <see cref="Core.Service.IMfaService.AnswerChallengeAsync"/>: Duo's own servers are the answering party, so
/// <see cref="VerifyAnswerAsync"/> refuses with <see cref="MfaFailureReason.WrongFactorFlow"/>.
/// </summary>
internal sealed partial class DuoFactor(
    IDuoUniversalClient universal,
    IDuoAuthApiClient authApi,
    DuoFailmodeEvaluator failmode,
    IOptions<DuoOptions> options,
    ILogger<DuoFactor> logger) : IOutOfBandFactor
{
    /// <summary>How often the page should poll a push or phone call (each poll is one <c>auth_status</c> call).</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private const string DefaultName = "Duo";
    private const int MaxUsernameLength = 1024;
    private const int MaxPasscodeLength = 64;

    private DuoOptions Options => options.Value;

    private bool HasUniversalPrompt => Options.ClientId is not null;

    private bool HasAuthApi => Options.IntegrationKey is not null;

    public string Kind => FactorKinds.Duo;

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (request is not DuoEnrollmentRequest duo)
        {
            return ValueTask.FromResult(EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, "Expected a Duo enrollment request."));
        }

        if (context.Existing.Any(r => r.Kind == Kind))
        {
            return ValueTask.FromResult(EnrollmentBeginResult.Failure(MfaFailureReason.AlreadyEnrolled, "The user is already bound to Duo."));
        }

        var username = duo.Username ?? context.User.Id;
        if (!IsUsername(username))
        {
            return ValueTask.FromResult(EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, $"A Duo username is 1 to {MaxUsernameLength} characters without control characters."));
        }

        var state = new DuoEnrollmentState(AuthenticatorRecord.NewId(), context.Name ?? DefaultName, username);
        return ValueTask.FromResult(EnrollmentBeginResult.Begun(new DuoEnrollmentPrompt(username), JsonSerializer.SerializeToUtf8Bytes(state, DuoFactorJsonContext.Default.DuoEnrollmentState)));
    }

    public async ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        if (response is not DuoEnrollmentResponse)
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a Duo enrollment response.");
        }

        if (!FactorJson.TryRead(state.Span, DuoFactorJsonContext.Default.DuoEnrollmentState, out var enrollment) || !IsUsername(enrollment.Username))
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "The enrollment state is unreadable.");
        }

        // With the Auth API configured, the binding is checked: the user must exist at Duo (auth, or allow for a bypass user).
        // Without it there is no side channel to ask; the first Universal Prompt sign-in is the check (Duo refuses or enrolls
        // unknown users by its new-user policy). No failmode here: an outage never creates a binding.
        if (HasAuthApi)
        {
            var preauth = await authApi.PreauthAsync(enrollment.Username, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!preauth.Succeeded)
            {
                return EnrollmentCompleteResult.Failure(preauth.FailureReason);
            }

            switch (preauth.Value.Outcome)
            {
                case DuoPreauthOutcome.Deny:
                    return EnrollmentCompleteResult.Failure(MfaFailureReason.Denied, preauth.Value.StatusMessage);
                case DuoPreauthOutcome.Enroll:
                    return EnrollmentCompleteResult.Failure(MfaFailureReason.NotEnrolled, "The user has no Duo device yet; enroll at Duo first.");
            }
        }

        var record = new AuthenticatorRecord
        {
            Id = enrollment.AuthenticatorId,
            UserId = context.User.Id,
            Kind = Kind,
            Name = enrollment.Name,
            Data = JsonSerializer.Serialize(new DuoAuthenticatorData(enrollment.Username), DuoFactorJsonContext.Default.DuoAuthenticatorData),
            CreatedAt = context.Now,
        };
        return EnrollmentCompleteResult.Enrolled(record);
    }

    public async ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (request is not DuoChallengeRequest duo || !Enum.IsDefined(duo.Mode))
        {
            return ChallengeBeginResult.Failure(MfaFailureReason.MalformedInput, "Expected a Duo challenge request.");
        }

        var record = context.Authenticators.FirstOrDefault(r => r.Kind == Kind);
        if (record is null)
        {
            return ChallengeBeginResult.Failure(MfaFailureReason.NotEnrolled);
        }

        if (!FactorJson.TryRead(record.Data, DuoFactorJsonContext.Default.DuoAuthenticatorData, out var data) || !IsUsername(data.Username))
        {
            return ChallengeBeginResult.Failure(MfaFailureReason.MalformedInput, "The stored Duo binding cannot be read.");
        }

        return duo.Mode == DuoChallengeMode.UniversalPrompt
            ? await BeginUniversalPromptAsync(context, record, data.Username, cancellationToken).ConfigureAwait(false)
            : await BeginAuthApiAsync(record, data.Username, duo, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        if (response is not (DuoCallbackResponse or DuoPollResponse or DuoPasscodeResponse))
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a Duo challenge response.");
        }

        if (!FactorJson.TryRead(state.Span, DuoFactorJsonContext.Default.DuoChallengeState, out var challenge) || !Enum.IsDefined(challenge.Mode) || !Enum.IsDefined(challenge.Step))
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The challenge state is unreadable.");
        }

        var record = context.Authenticators.FirstOrDefault(r => r.Id == challenge.AuthenticatorId);
        if (record is null)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.UnknownAuthenticator);
        }

        if (challenge.Step != DuoChallengeStep.Duo)
        {
            return CompleteBypass(context, record, challenge, response);
        }

        return (challenge.Mode, response) switch
        {
            (DuoChallengeMode.UniversalPrompt, DuoCallbackResponse callback) => await CompleteUniversalPromptAsync(record, challenge, callback, cancellationToken).ConfigureAwait(false),
            (DuoChallengeMode.Push or DuoChallengeMode.Phone, DuoPollResponse) => await PollAsync(record, challenge, cancellationToken).ConfigureAwait(false),
            (DuoChallengeMode.Passcode, DuoPasscodeResponse passcode) => await CompletePasscodeAsync(record, challenge, passcode, cancellationToken).ConfigureAwait(false),
            _ => ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, $"A {challenge.Mode} challenge is not completed with a {response.GetType().Name}.", record),
        };
    }

    public ValueTask<ChallengeAnswerResult> VerifyAnswerAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeAnswer answer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ChallengeAnswerResult.Failure(MfaFailureReason.WrongFactorFlow, "Duo challenges are answered at Duo, not through the service."));

    /// <summary>A fail-open or accepted policy bypass: a success the host can tell apart, with a loud event.</summary>
    private ChallengeCompleteResult CompleteBypass(ChallengeContext context, AuthenticatorRecord record, DuoChallengeState challenge, ChallengeResponse response)
    {
        if (response is not DuoPollResponse)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "A bypassed Duo challenge is completed with a DuoPollResponse.", record);
        }

        if (challenge.Step == DuoChallengeStep.FailOpen)
        {
            DuoFactorLog.FailOpenCompleted(logger, context.ChallengeId, context.User.Id, challenge.BypassFailure);
            return ChallengeCompleteResult.Verified(record, new DuoVerificationDetails(challenge.Mode, challenge.Username) { DuoBypassed = true, BypassFailure = challenge.BypassFailure });
        }

        return ChallengeCompleteResult.Verified(record, new DuoVerificationDetails(challenge.Mode, challenge.Username) { PolicyBypassed = true });
    }

    private static byte[] Serialize(DuoChallengeState state) => JsonSerializer.SerializeToUtf8Bytes(state, DuoFactorJsonContext.Default.DuoChallengeState);

    private static bool IsUsername(string username) => username.Length is > 0 and <= MaxUsernameLength && !username.Any(char.IsControl);
}
