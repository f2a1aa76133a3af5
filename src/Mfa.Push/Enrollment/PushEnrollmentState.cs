namespace Mfa.Push.Enrollment;

/// <summary>
/// What the verifier keeps of one pending enrollment (push spec §3.1) between <see cref="PushEnrollment.Begin"/> and
/// <see cref="PushEnrollment.Verify"/>: the one-time token only as its SHA-256. Single use: the store consumes it atomically.
/// </summary>
public sealed record PushEnrollmentState
{
    /// <summary>The enrollment id (<c>eid</c>, 16 random octets, base64url).</summary>
    public required string EnrollmentId { get; init; }

    /// <summary>base64url SHA-256 of the ASCII one-time token <c>t</c>; the token itself is never stored.</summary>
    public required string TokenHash { get; init; }

    /// <summary>The user handle the new device will be bound to.</summary>
    public required string UserHandle { get; init; }

    /// <summary>When the QR code stops working.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"PushEnrollmentState {{ ExpiresAt = {ExpiresAt:O} }}";
}
