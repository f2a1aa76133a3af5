using System.Security.Cryptography;
using Mfa.Core;
using Mfa.Core.Factors;

namespace Mfa.Specification.Service;

/// <summary>
/// A minimal factor for store tests: a challenge's state is a random nonce, and answering with that nonce succeeds.
/// It exercises the pending-challenge path of <see cref="Mfa.Core.Service.IMfaService"/> (consume once, lockout) without a real ceremony.
/// </summary>
public sealed class ProbeFactor : IFactor
{
    /// <summary>The factor kind.</summary>
    public const string FactorKind = "probe";

    public string Kind => FactorKind;

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(EnrollmentBeginResult.Begun(ProbeEnrollmentPrompt.Instance, System.Text.Encoding.UTF8.GetBytes(context.EnrollmentId)));

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = new AuthenticatorRecord
        {
            Id = System.Text.Encoding.UTF8.GetString(state.Span),
            UserId = context.User.Id,
            Kind = FactorKind,
            Name = "Probe",
            Data = "{}",
            CreatedAt = context.Now,
        };
        return ValueTask.FromResult(EnrollmentCompleteResult.Enrolled(record));
    }

    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        return ValueTask.FromResult(ChallengeBeginResult.Begun(new ProbeChallengePrompt(nonce), nonce));
    }

    public ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authenticators = context.Authenticators;
        var answered = response is ProbeChallengeResponse probe && CryptographicOperations.FixedTimeEquals(probe.Answer.Span, state.Span);
        return ValueTask.FromResult(answered
            ? ChallengeCompleteResult.Verified(authenticators[0])
            : ChallengeCompleteResult.Failure(MfaFailureReason.InvalidCode, authenticator: authenticators[0]));
    }
}
