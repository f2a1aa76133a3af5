using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>What the approval factor's "device" sends: the nonce it was shown, its id and its answer.</summary>
public sealed class ApprovalAnswer(ReadOnlyMemory<byte> nonce, string authenticatorId, ChallengeAnswerOutcome outcome) : ChallengeAnswer
{
    public override string Kind => ApprovalFactor.FactorKind;

    public ReadOnlyMemory<byte> Nonce { get; } = nonce;

    public string AuthenticatorId { get; } = authenticatorId;

    public ChallengeAnswerOutcome Outcome { get; } = outcome;
}
