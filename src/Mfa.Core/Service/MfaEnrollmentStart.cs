using System.Diagnostics.CodeAnalysis;
using Mfa.Core.Factors;

namespace Mfa.Core.Service;

/// <summary>The result of beginning an enrollment: its id, expiry and what to show the user, typed by the request.</summary>
/// <typeparam name="TPrompt">The factor's prompt type (a TOTP QR code, WebAuthn creation options, …).</typeparam>
public sealed class MfaEnrollmentStart<TPrompt> : MfaResult
    where TPrompt : EnrollmentPrompt
{
    private MfaEnrollmentStart(MfaFailureReason reason, string? message, string? enrollmentId, DateTimeOffset expiresAt, TPrompt? prompt, TimeSpan? retryAfter)
        : base(reason, message)
    {
        EnrollmentId = enrollmentId;
        ExpiresAt = expiresAt;
        Prompt = prompt;
        RetryAfter = retryAfter;
    }

    /// <summary>Whether enrollment was begun.</summary>
    [MemberNotNullWhen(true, nameof(EnrollmentId), nameof(Prompt))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The pending enrollment id to complete it with.</summary>
    public string? EnrollmentId { get; }

    /// <summary>When the pending enrollment expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>What to show the user.</summary>
    public TPrompt? Prompt { get; }

    /// <summary>When locked out: how long to wait.</summary>
    public TimeSpan? RetryAfter { get; }

    internal static MfaEnrollmentStart<TPrompt> Success(string enrollmentId, DateTimeOffset expiresAt, TPrompt prompt) => new(MfaFailureReason.None, null, enrollmentId, expiresAt, prompt, null);

    internal static MfaEnrollmentStart<TPrompt> Failure(MfaFailureReason reason, string? message = null, TimeSpan? retryAfter = null) => new(reason, message, null, default, null, retryAfter);
}
