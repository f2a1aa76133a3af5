using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>A begun <see cref="CodeFactor"/> challenge: the code is "delivered" to the test out of band.</summary>
public sealed class CodeChallengeBeginResult(ReadOnlyMemory<byte> state, string code) : ChallengeBeginResult(state)
{
    public string Code { get; } = code;
}
