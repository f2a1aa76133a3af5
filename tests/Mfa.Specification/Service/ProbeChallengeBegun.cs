using Mfa.Core.Factors;

namespace Mfa.Specification.Service;

/// <summary>A begun probe challenge: the nonce to answer with.</summary>
public sealed class ProbeChallengeBegun(ReadOnlyMemory<byte> nonce) : ChallengeBeginResult(nonce)
{
    /// <summary>The correct answer.</summary>
    public ReadOnlyMemory<byte> Nonce => State;
}
