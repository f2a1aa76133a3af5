using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>The code a user types to confirm a <see cref="CodeFactor"/> enrollment.</summary>
public sealed class CodeEnrollmentResponse(string kind, string code) : EnrollmentResponse
{
    public override string Kind { get; } = kind;

    public string Code { get; } = code;
}
