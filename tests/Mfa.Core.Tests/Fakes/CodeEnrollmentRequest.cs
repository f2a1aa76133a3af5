using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>Asks a <see cref="CodeFactor"/> to enroll a new authenticator.</summary>
public sealed class CodeEnrollmentRequest(string kind) : EnrollmentRequest<CodeEnrollmentPrompt>
{
    public override string Kind { get; } = kind;
}
