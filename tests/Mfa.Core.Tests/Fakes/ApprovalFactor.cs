using System.Security.Cryptography;
using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>
/// An out-of-band test factor (a push device in miniature): a challenge's state is a nonce; the "device" answers with
/// that nonce and an outcome; the sign-in page polls until the answer is recorded.
/// </summary>
public sealed class ApprovalFactor : IOutOfBandFactor
{
    public const string FactorKind = "approval";

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private int _completions;

    public string Kind => FactorKind;

    /// <summary>When true, an approval reports <see cref="ApprovalDetails.Bypassed"/> (a fail-open pass in miniature).</summary>
    public bool ReportBypass { get; set; }

    /// <summary>How many times the service asked for the outcome (polls included).</summary>
    public int Completions => Volatile.Read(ref _completions);

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(EnrollmentBeginResult.Begun(new CodeEnrollmentPrompt("device"), System.Text.Encoding.UTF8.GetBytes(context.EnrollmentId)));

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(EnrollmentCompleteResult.Enrolled(new AuthenticatorRecord
        {
            Id = System.Text.Encoding.UTF8.GetString(state.Span),
            UserId = context.User.Id,
            Kind = Kind,
            Name = context.Name ?? "Phone",
            Data = "{}",
            CreatedAt = context.Now,
        }));

    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        return ValueTask.FromResult(ChallengeBeginResult.Begun(new ApprovalPrompt(nonce) { PollInterval = PollInterval }, nonce));
    }

    public ValueTask<ChallengeAnswerResult> VerifyAnswerAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeAnswer answer, CancellationToken cancellationToken = default)
    {
        if (answer is not ApprovalAnswer typed || !CryptographicOperations.FixedTimeEquals(typed.Nonce.Span, state.Span))
        {
            return ValueTask.FromResult(ChallengeAnswerResult.Failure(MfaFailureReason.InvalidSignature));
        }

        var device = context.Authenticators.FirstOrDefault(r => r.Id == typed.AuthenticatorId);
        return ValueTask.FromResult(device is null
            ? ChallengeAnswerResult.Failure(MfaFailureReason.UnknownAuthenticator)
            : ChallengeAnswerResult.Answered(device, typed.Outcome, new[] { (byte)typed.Outcome }.Concat(System.Text.Encoding.UTF8.GetBytes(device.Id)).ToArray()));
    }

    public ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _completions);
        if (context.Answer is not { } answer)
        {
            return ValueTask.FromResult(ChallengeCompleteResult.Pending(PollInterval));
        }

        var outcome = (ChallengeAnswerOutcome)answer.Span[0];
        var deviceId = System.Text.Encoding.UTF8.GetString(answer.Span[1..]);
        var device = context.Authenticators.First(r => r.Id == deviceId);
        return ValueTask.FromResult(outcome switch
        {
            ChallengeAnswerOutcome.Approved => ChallengeCompleteResult.Verified(device, new ApprovalDetails(ReportBypass)),
            ChallengeAnswerOutcome.FraudReported => ChallengeCompleteResult.Failure(MfaFailureReason.FraudReported, authenticator: device),
            _ => ChallengeCompleteResult.Failure(MfaFailureReason.Denied, authenticator: device),
        });
    }
}
