using Mfa.Core.Factors;
using Mfa.Duo.Http;
using Mfa.Duo.Jwt;

namespace Mfa.Duo;

/// <summary>
/// What a successful Duo challenge reports. <b>Check <see cref="Bypassed"/></b> (or
/// <see cref="Core.Service.MfaVerificationResult.Bypassed"/>): when true no second factor was performed (Duo unreachable
/// with failmode open, or Duo's bypass policy) — mark the session accordingly.
/// </summary>
public sealed class DuoVerificationDetails : VerificationDetails
{
    internal DuoVerificationDetails(DuoChallengeMode mode, string username)
    {
        Mode = mode;
        Username = username;
    }

    /// <summary>The flow that ran.</summary>
    public DuoChallengeMode Mode { get; }

    /// <summary>The Duo username that was checked.</summary>
    public string Username { get; }

    /// <summary>
    /// True when Duo was NOT consulted: it was unreachable and <see cref="DuoOptions.Failmode"/> is
    /// <see cref="DuoFailmode.Open"/>. No second factor was performed; a Critical event <see cref="Failmode.DuoEventIds.FailOpen"/> was logged.
    /// </summary>
    public bool DuoBypassed { get; internal init; }

    /// <summary>When <see cref="DuoBypassed"/>, what failed (unreachable, timeout, 5xx, 429).</summary>
    public DuoFailureKind BypassFailure { get; internal init; }

    /// <summary>
    /// True when Duo itself waived the check by policy (preauth <c>allow</c>, a bypass user) and
    /// <see cref="DuoOptions.AcceptDuoPolicyBypass"/> let it through. No second factor was performed.
    /// </summary>
    public bool PolicyBypassed { get; internal init; }

    /// <summary>True when <see cref="DuoBypassed"/> or <see cref="PolicyBypassed"/>: no second factor was performed.</summary>
    /// <remarks>Core lifts it into <see cref="Core.Service.MfaVerificationResult.Bypassed"/>.</remarks>
    public override bool Bypassed => DuoBypassed || PolicyBypassed;

    /// <summary>The Duo factor used (Universal Prompt: <c>duo_push</c>, <c>phone_call</c>, …; Auth API: push, phone, passcode).</summary>
    public string? Factor { get; internal init; }

    /// <summary>Duo's transaction id.</summary>
    public string? TransactionId { get; internal init; }

    /// <summary>Universal Prompt: the device that approved (name, IP, location).</summary>
    public DuoAuthDevice? AuthDevice { get; internal init; }

    /// <summary>Universal Prompt: the device that signed in (browser, OS, IP, location).</summary>
    public DuoAccessDevice? AccessDevice { get; internal init; }

    /// <summary>Duo's status message, sanitized (for logs and support).</summary>
    public string? StatusMessage { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"DuoVerificationDetails {{ Mode = {Mode}, Factor = {Factor}, DuoBypassed = {DuoBypassed}, PolicyBypassed = {PolicyBypassed} }}";
}
