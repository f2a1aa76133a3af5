using System.Diagnostics.CodeAnalysis;
using Mfa.Core.Factors;

namespace Mfa.Core.Service;

/// <summary>The result of beginning an enrollment: its id, expiry and what the factor shows the user.</summary>
public sealed class MfaEnrollmentStart : MfaResult
{
    private MfaEnrollmentStart(MfaFailureReason reason, string? message, string? enrollmentId, DateTimeOffset expiresAt, EnrollmentBeginResult? details)
        : base(reason, message)
    {
        EnrollmentId = enrollmentId;
        ExpiresAt = expiresAt;
        Details = details;
    }

    /// <summary>Whether enrollment was begun.</summary>
    [MemberNotNullWhen(true, nameof(EnrollmentId), nameof(Details))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The pending enrollment id to complete it with.</summary>
    public string? EnrollmentId { get; }

    /// <summary>When the pending enrollment expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The factor's result (for example the TOTP secret, URI and QR code); cast to the factor's type.</summary>
    public EnrollmentBeginResult? Details { get; }

    internal static MfaEnrollmentStart Success(string enrollmentId, DateTimeOffset expiresAt, EnrollmentBeginResult details) => new(MfaFailureReason.None, null, enrollmentId, expiresAt, details);

    internal static MfaEnrollmentStart Failure(MfaFailureReason reason, string? message = null) => new(reason, message, null, default, null);
}
