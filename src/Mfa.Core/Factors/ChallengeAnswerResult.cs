using System.Diagnostics.CodeAnalysis;

namespace Mfa.Core.Factors;

/// <summary>A factor's verdict on an out-of-band answer: what to record, or a failure (which records nothing).</summary>
public sealed class ChallengeAnswerResult : MfaResult
{
    private ChallengeAnswerResult(MfaFailureReason reason, string? message, ChallengeAnswerOutcome outcome, ReadOnlyMemory<byte> record, AuthenticatorRecord? authenticator)
        : base(reason, message)
    {
        Outcome = outcome;
        Record = record;
        Authenticator = authenticator;
    }

    /// <summary>Whether the answer was authenticated.</summary>
    [MemberNotNullWhen(true, nameof(Authenticator))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>What the answering party said.</summary>
    public ChallengeAnswerOutcome Outcome { get; }

    /// <summary>The bytes the service records as the challenge's answer; the factor reads them back on completion.</summary>
    public ReadOnlyMemory<byte> Record { get; }

    /// <summary>The authenticator (device) that answered.</summary>
    public AuthenticatorRecord? Authenticator { get; }

    /// <summary>An authenticated answer.</summary>
    /// <param name="authenticator">The authenticator that answered (one of the context's candidates).</param>
    /// <param name="outcome">What it said.</param>
    /// <param name="record">What to record.</param>
    /// <returns>The result.</returns>
    public static ChallengeAnswerResult Answered(AuthenticatorRecord authenticator, ChallengeAnswerOutcome outcome, ReadOnlyMemory<byte> record)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        return new(MfaFailureReason.None, null, outcome, record, authenticator);
    }

    /// <summary>A refused answer.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    /// <returns>The result.</returns>
    public static ChallengeAnswerResult Failure(MfaFailureReason reason, string? message = null) => new(reason, message, ChallengeAnswerOutcome.Denied, ReadOnlyMemory<byte>.Empty, null);
}
