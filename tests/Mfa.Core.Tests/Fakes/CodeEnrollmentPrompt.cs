using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>The test factor's enrollment prompt: the code that completes the enrollment.</summary>
public sealed class CodeEnrollmentPrompt(string code) : EnrollmentPrompt
{
    public string Code { get; } = code;
}
