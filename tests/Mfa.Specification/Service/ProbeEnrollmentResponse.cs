using Mfa.Core.Factors;

namespace Mfa.Specification.Service;

/// <summary>Completes a probe enrollment (always accepted).</summary>
public sealed class ProbeEnrollmentResponse : EnrollmentResponse
{
    public override string Kind => ProbeFactor.FactorKind;
}
