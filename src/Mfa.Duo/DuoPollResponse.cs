using Mfa.Core.Factors;

namespace Mfa.Duo;

/// <summary>Polls a push or phone challenge (Duo's <c>auth_status</c>); also completes a fail-open bypass.</summary>
public sealed class DuoPollResponse : ChallengeResponse
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Duo;
}
