using Mfa.Core.Factors;

namespace Mfa.Totp;

/// <summary>Answers a TOTP challenge with a code.</summary>
/// <param name="code">The code.</param>
public sealed class TotpChallengeResponse(string code) : ChallengeResponse
{
    /// <inheritdoc />
    public override string Kind => Core.Factors.FactorKinds.Totp;

    /// <summary>The code the user typed.</summary>
    public string Code { get; } = code ?? throw new ArgumentNullException(nameof(code));

    /// <inheritdoc />
    public override string ToString() => "TotpChallengeResponse { Code = *** }";
}
