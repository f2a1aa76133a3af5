using Mfa.Core.Factors;

namespace Mfa.Push.Factor;

/// <summary>The sign-in page asks whether the phone answered: pending (poll again), verified or a typed failure.</summary>
public sealed class PushPollResponse : ChallengeResponse
{
    /// <summary>The one instance (a poll carries nothing).</summary>
    public static PushPollResponse Instance { get; } = new();

    /// <inheritdoc />
    public override string Kind => FactorKinds.Push;
}
