using Mfa.Core.Factors;

namespace Mfa.Specification.Service;

/// <summary>A begun probe challenge: the nonce to answer with (a real factor never shows its answer).</summary>
public sealed class ProbeChallengePrompt(ReadOnlyMemory<byte> nonce) : ChallengePrompt
{
    /// <summary>The correct answer.</summary>
    public ReadOnlyMemory<byte> Nonce { get; } = nonce;
}
