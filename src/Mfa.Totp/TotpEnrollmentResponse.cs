using Mfa.Core.Factors;

namespace Mfa.Totp;

/// <summary>Completes a TOTP enrollment with the first code the app shows.</summary>
/// <param name="code">The code.</param>
public sealed class TotpEnrollmentResponse(string code) : EnrollmentResponse
{
    /// <inheritdoc />
    public override string Kind => Core.Factors.FactorKinds.Totp;

    /// <summary>The code the user typed.</summary>
    public string Code { get; } = code ?? throw new ArgumentNullException(nameof(code));

    /// <inheritdoc />
    public override string ToString() => "TotpEnrollmentResponse { Code = *** }";
}
