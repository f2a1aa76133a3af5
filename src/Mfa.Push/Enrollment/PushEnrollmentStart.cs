namespace Mfa.Push.Enrollment;

/// <summary>A new enrollment: the QR code's URI for the user, and the state for the verifier to keep.</summary>
/// <remarks>The URI is a bearer secret (push spec §3.2): show it only in the authenticated session and never log it.</remarks>
public sealed class PushEnrollmentStart
{
    internal PushEnrollmentStart(string uri, PushEnrollmentState state)
    {
        Uri = uri;
        State = state;
    }

    /// <summary>The <c>mfapush://enroll?…</c> URI to show as a QR code (and as a link for same-device enrollment).</summary>
    public string Uri { get; }

    /// <summary>The enrollment id (<c>eid</c>): the key to find <see cref="State"/> by when the device posts its request.</summary>
    public string EnrollmentId => State.EnrollmentId;

    /// <summary>When the QR code stops working.</summary>
    public DateTimeOffset ExpiresAt => State.ExpiresAt;

    /// <summary>The state to keep until the device answers (contains no secret: the token only as a hash).</summary>
    public PushEnrollmentState State { get; }

    /// <inheritdoc />
    public override string ToString() => $"PushEnrollmentStart {{ ExpiresAt = {ExpiresAt:O} }}";
}
