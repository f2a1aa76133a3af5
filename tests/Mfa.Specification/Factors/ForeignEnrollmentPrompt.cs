using Mfa.Core.Factors;

namespace Mfa.Specification.Factors;

/// <summary>An enrollment prompt no factor produces: what a <see cref="ForeignEnrollmentRequest"/> promises.</summary>
public sealed class ForeignEnrollmentPrompt : EnrollmentPrompt
{
}
