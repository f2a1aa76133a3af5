using Mfa.Core.Factors;

namespace Mfa.Totp.CounterBased;

/// <summary>Answers an HOTP challenge (begun with <c>new ChallengeRequest(FactorKinds.Hotp, purpose)</c>) with a code.</summary>
/// <param name="code">The code.</param>
public sealed class HotpChallengeResponse(string code) : ChallengeResponse
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Hotp;

    /// <summary>The code the user typed.</summary>
    public string Code { get; } = code ?? throw new ArgumentNullException(nameof(code));

    /// <inheritdoc />
    public override string ToString() => "HotpChallengeResponse { Code = *** }";
}
