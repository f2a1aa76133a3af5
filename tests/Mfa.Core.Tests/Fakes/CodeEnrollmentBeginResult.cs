using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>A begun <see cref="CodeFactor"/> enrollment: the code the user must type back to confirm it.</summary>
public sealed class CodeEnrollmentBeginResult(ReadOnlyMemory<byte> state, string code) : EnrollmentBeginResult(state)
{
    public string Code { get; } = code;
}
