using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Push.Challenges;

namespace Mfa.Push.Factor;

/// <summary>Starts a push challenge: a signed request to every active phone of the user, with the context it shows.</summary>
/// <param name="purpose">What the verification is for (sign-in, a step-up action).</param>
public sealed class PushChallengeRequest(MfaPurpose purpose) : ChallengeRequest<PushChallengePrompt>(FactorKinds.Push, purpose)
{
    /// <summary>The application the user signs in to, shown on the phone.</summary>
    public string? Application { get; init; }

    /// <summary>The sign-in's IP address, shown on the phone.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The approximate location of <see cref="IpAddress"/>, if the host knows it (shown as approximate).</summary>
    public PushLocation? Location { get; init; }

    /// <summary>The browser's description, shown on the phone.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The account label shown on the phone; defaults to the user's display name.</summary>
    public string? AccountLabel { get; init; }

    /// <summary>The host's identifier of the sign-in client (for example a hash of a device cookie): the per-client anti-fatigue limits use it.</summary>
    public string? ClientKey { get; init; }

    /// <summary>Whether the host rates this sign-in as risky (number matching mode <c>risk</c> turns matching on).</summary>
    public bool HighRisk { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"PushChallengeRequest {{ Purpose = {Purpose} }}";
}
