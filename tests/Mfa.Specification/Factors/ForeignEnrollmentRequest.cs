using Mfa.Core.Factors;

namespace Mfa.Specification.Factors;

/// <summary>An enrollment request of a type the factor under test does not know, addressed to its kind.</summary>
/// <param name="kind">The kind of the factor under test.</param>
public sealed class ForeignEnrollmentRequest(string kind) : EnrollmentRequest<ForeignEnrollmentPrompt>
{
    /// <inheritdoc />
    public override string Kind => kind;
}
