using Mfa.Core.Factors;

namespace Mfa.Duo;

/// <summary>Confirms a Duo binding; the factor then checks with Duo's preauth that the user exists there.</summary>
public sealed class DuoEnrollmentResponse : EnrollmentResponse
{
    /// <inheritdoc />
    public override string Kind => Core.Factors.FactorKinds.Duo;
}
