using Mfa.Core.Factors;

namespace Mfa.Totp.CounterBased;

/// <summary>Completes an HOTP enrollment with the first code the app or token shows.</summary>
/// <param name="code">The code.</param>
public sealed class HotpEnrollmentResponse(string code) : EnrollmentResponse
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Hotp;

    /// <summary>The code the user typed.</summary>
    public string Code { get; } = code ?? throw new ArgumentNullException(nameof(code));

    /// <inheritdoc />
    public override string ToString() => "HotpEnrollmentResponse { Code = *** }";
}
