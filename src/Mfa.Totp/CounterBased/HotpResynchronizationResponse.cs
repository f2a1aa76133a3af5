using Mfa.Core.Factors;

namespace Mfa.Totp.CounterBased;

/// <summary>Completes a resynchronisation (<see cref="HotpResynchronizationRequest"/>) with two codes the token showed one after the other.</summary>
/// <param name="firstCode">The first code.</param>
/// <param name="secondCode">The next code.</param>
public sealed class HotpResynchronizationResponse(string firstCode, string secondCode) : ChallengeResponse
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Hotp;

    /// <summary>The first code.</summary>
    public string FirstCode { get; } = firstCode ?? throw new ArgumentNullException(nameof(firstCode));

    /// <summary>The code the token showed next.</summary>
    public string SecondCode { get; } = secondCode ?? throw new ArgumentNullException(nameof(secondCode));

    /// <inheritdoc />
    public override string ToString() => "HotpResynchronizationResponse { FirstCode = ***, SecondCode = *** }";
}
