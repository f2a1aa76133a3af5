namespace Mfa.Core.Factors;

/// <summary>What the service tells a factor about an enrollment step.</summary>
/// <param name="User">The user enrolling.</param>
/// <param name="EnrollmentId">The pending enrollment's id, minted by the service.</param>
/// <param name="Name">
/// The authenticator's name, already validated by the service (<see cref="AuthenticatorNames"/>), or <see langword="null"/>
/// when the user gave none and the factor picks its default.
/// </param>
/// <param name="Now">The current time.</param>
/// <param name="ExpiresAt">When the pending enrollment expires.</param>
/// <param name="Existing">The user's authenticators of this factor (for example to exclude known credentials).</param>
public sealed record EnrollmentContext(MfaUser User, string EnrollmentId, string? Name, DateTimeOffset Now, DateTimeOffset ExpiresAt, IReadOnlyList<AuthenticatorRecord> Existing);
