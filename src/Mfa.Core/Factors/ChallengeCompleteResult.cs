using System.Diagnostics.CodeAnalysis;

namespace Mfa.Core.Factors;

/// <summary>The result of completing a challenge.</summary>
public class ChallengeCompleteResult : MfaResult
{
    /// <summary>Creates a successful result.</summary>
    /// <param name="authenticator">The authenticator that answered; if the factor changed it (a counter), the changed record, which the service stores.</param>
    /// <param name="changed">Whether <paramref name="authenticator"/> carries changes the service must write back.</param>
    public ChallengeCompleteResult(AuthenticatorRecord authenticator, bool changed = false)
        : base(MfaFailureReason.None, message: null)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        Authenticator = authenticator;
        AuthenticatorChanged = changed;
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    /// <param name="authenticator">The authenticator the attempt was made with, if known (for lockout accounting).</param>
    protected ChallengeCompleteResult(MfaFailureReason reason, string? message, AuthenticatorRecord? authenticator = null)
        : base(reason, message) => Authenticator = authenticator;

    /// <summary>Whether the challenge succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Authenticator))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The authenticator used (always on success; on failure when known).</summary>
    public AuthenticatorRecord? Authenticator { get; }

    /// <summary>
    /// On a failure that no single authenticator can be blamed for (a code checked against each of several TOTP apps on
    /// an unbound challenge), the authenticators the attempt was checked against. The service counts a consecutive
    /// failure toward the hard lock of each one. Ignored when <see cref="Authenticator"/> is set.
    /// </summary>
    public IReadOnlyList<AuthenticatorRecord> AttemptedAuthenticators { get; init; } = [];

    /// <summary>Whether the factor changed <see cref="Authenticator"/> and the service must write it back.</summary>
    public bool AuthenticatorChanged { get; }

    /// <summary>Creates a failed result of the base type.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    /// <param name="authenticator">The authenticator tried, if known.</param>
    /// <param name="attempted">When no single authenticator can be named: those the attempt was checked against (<see cref="AttemptedAuthenticators"/>).</param>
    /// <returns>The result.</returns>
    public static ChallengeCompleteResult Failure(MfaFailureReason reason, string? message = null, AuthenticatorRecord? authenticator = null, IReadOnlyList<AuthenticatorRecord>? attempted = null) =>
        new(reason, message, authenticator) { AttemptedAuthenticators = attempted ?? [] };
}
