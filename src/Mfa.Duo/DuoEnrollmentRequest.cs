using Mfa.Core.Factors;

namespace Mfa.Duo;

/// <summary>
/// Binds a user to a Duo account. Nothing secret is stored: the record holds the Duo username, and completing the
/// enrollment checks with Duo's preauth that the user exists there.
/// </summary>
public sealed class DuoEnrollmentRequest : EnrollmentRequest<DuoEnrollmentPrompt>
{
    /// <inheritdoc />
    public override string Kind => Core.Factors.FactorKinds.Duo;

    /// <summary>
    /// The user's Duo username; defaults to the <see cref="Core.MfaUser"/>'s id (stable, unlike a display name). 1 to 1024
    /// characters, no control characters.
    /// </summary>
    public string? Username { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"DuoEnrollmentRequest {{ Name = {Name}, Username = {Username} }}";
}
