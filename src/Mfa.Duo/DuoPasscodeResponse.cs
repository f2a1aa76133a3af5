using Mfa.Core.Factors;

namespace Mfa.Duo;

/// <summary>Completes a passcode challenge with what the user typed.</summary>
/// <param name="passcode">The passcode.</param>
public sealed class DuoPasscodeResponse(string passcode) : ChallengeResponse
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Duo;

    /// <summary>The passcode the user typed.</summary>
    public string Passcode { get; } = passcode ?? throw new ArgumentNullException(nameof(passcode));

    /// <inheritdoc />
    public override string ToString() => "DuoPasscodeResponse { Passcode = *** }";
}
