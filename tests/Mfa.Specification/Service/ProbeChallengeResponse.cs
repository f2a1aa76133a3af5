using Mfa.Core.Factors;

namespace Mfa.Specification.Service;

/// <summary>An answer to a probe challenge.</summary>
public sealed class ProbeChallengeResponse(ReadOnlyMemory<byte> answer) : ChallengeResponse
{
    public override string Kind => ProbeFactor.FactorKind;

    /// <summary>The nonce as the client returns it.</summary>
    public ReadOnlyMemory<byte> Answer { get; } = answer;
}
