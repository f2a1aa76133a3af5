using System.Diagnostics.CodeAnalysis;

namespace Mfa.Core.Factors;

/// <summary>The result of completing an enrollment: the new authenticator record, or a failure.</summary>
public class EnrollmentCompleteResult : MfaResult
{
    /// <summary>Creates a successful result.</summary>
    /// <param name="authenticator">The new record, not yet stored.</param>
    public EnrollmentCompleteResult(AuthenticatorRecord authenticator)
        : base(MfaFailureReason.None, message: null)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        Authenticator = authenticator;
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    protected EnrollmentCompleteResult(MfaFailureReason reason, string? message)
        : base(reason, message)
    {
    }

    /// <summary>Whether enrollment succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Authenticator))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The new authenticator record (on success).</summary>
    public AuthenticatorRecord? Authenticator { get; }

    /// <summary>
    /// Work the factor must do once the record is stored (for example marking the first TOTP step as used).
    /// Runs only if the record was stored.
    /// </summary>
    public Func<AuthenticatorRecord, CancellationToken, ValueTask>? OnStored { get; init; }

    /// <summary>Creates a failed result of the base type.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    /// <returns>The result.</returns>
    public static EnrollmentCompleteResult Failure(MfaFailureReason reason, string? message = null) => new(reason, message);
}
