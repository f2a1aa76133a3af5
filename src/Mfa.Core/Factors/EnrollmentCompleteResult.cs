using System.Diagnostics.CodeAnalysis;

namespace Mfa.Core.Factors;

/// <summary>A factor's answer to an enrollment complete step: the new record (which the service stores), or a failure.</summary>
public sealed class EnrollmentCompleteResult : MfaResult
{
    private EnrollmentCompleteResult(MfaFailureReason reason, string? message, AuthenticatorRecord? authenticator)
        : base(reason, message) => Authenticator = authenticator;

    /// <summary>Whether enrollment succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Authenticator))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The new authenticator record, not yet stored. Its id must be the same on every completion of one enrollment.</summary>
    public AuthenticatorRecord? Authenticator { get; }

    /// <summary>
    /// A replay-guard step the service records for the new authenticator before storing it (the TOTP step of the first
    /// code, so that code can never sign in), or <see langword="null"/>.
    /// </summary>
    public long? InitialReplayStep { get; private init; }

    /// <summary>Whether this failure ends the enrollment (<see cref="FinalFailure"/>): the service consumes it.</summary>
    public bool ConsumesEnrollment { get; private init; }

    /// <summary>An enrolled authenticator.</summary>
    /// <param name="authenticator">The new record.</param>
    /// <param name="initialReplayStep">A replay-guard step to record first (<see cref="InitialReplayStep"/>), or <see langword="null"/>.</param>
    /// <returns>The result.</returns>
    public static EnrollmentCompleteResult Enrolled(AuthenticatorRecord authenticator, long? initialReplayStep = null)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        return new(MfaFailureReason.None, null, authenticator) { InitialReplayStep = initialReplayStep };
    }

    /// <summary>A failure.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    /// <returns>The result.</returns>
    public static EnrollmentCompleteResult Failure(MfaFailureReason reason, string? message = null) => new(reason, message, null);

    /// <summary>
    /// A failure that ends the enrollment: the service consumes it, as it consumes a sign-in challenge on any completed
    /// attempt (a WebAuthn registration that failed verification). <see cref="Failure"/> leaves it usable for a retry
    /// (a mistyped first TOTP code).
    /// </summary>
    /// <param name="reason">Why.</param>
    /// <param name="message">A safe message for the user; defaults to the reason's message.</param>
    /// <returns>The result.</returns>
    public static EnrollmentCompleteResult FinalFailure(MfaFailureReason reason, string? message = null) => new(reason, message, null) { ConsumesEnrollment = true };
}
