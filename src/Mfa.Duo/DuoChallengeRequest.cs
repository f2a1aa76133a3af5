using Mfa.Core;
using Mfa.Core.Factors;

namespace Mfa.Duo;

/// <summary>Asks for a Duo challenge in one <see cref="DuoChallengeMode"/>.</summary>
public sealed class DuoChallengeRequest : ChallengeRequest<DuoChallengePrompt>
{
    /// <summary>Creates a request.</summary>
    /// <param name="purpose">What the challenge is for.</param>
    /// <param name="mode">The flow; an Auth API mode must be one the administrator allowed (<see cref="DuoOptions.AllowedAuthOptions"/>).</param>
    public DuoChallengeRequest(MfaPurpose purpose, DuoChallengeMode mode = DuoChallengeMode.UniversalPrompt)
        : base(FactorKinds.Duo, purpose) => Mode = mode;

    /// <summary>The flow.</summary>
    public DuoChallengeMode Mode { get; }

    /// <summary>Auth API push or phone: the Duo device id to use (from preauth); <c>auto</c> (the default) lets Duo pick.</summary>
    public string? Device { get; init; }

    /// <summary>Auth API: the end user's IP address, passed to Duo for its policies.</summary>
    public string? IpAddress { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"DuoChallengeRequest {{ Mode = {Mode}, Purpose = {Purpose} }}";
}
