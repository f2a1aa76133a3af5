using Mfa.Core.Factors;

namespace Mfa.Specification.Service;

/// <summary>Enrolls a probe authenticator.</summary>
public sealed class ProbeEnrollmentRequest : EnrollmentRequest<ProbeEnrollmentPrompt>
{
    public override string Kind => ProbeFactor.FactorKind;
}
