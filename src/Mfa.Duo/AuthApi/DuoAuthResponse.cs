namespace Mfa.Duo.AuthApi;

/// <summary>The answer of auth or auth_status. An asynchronous auth answers <see cref="DuoAuthOutcome.Waiting"/> with a <see cref="TransactionId"/>.</summary>
/// <param name="Outcome">Duo's verdict.</param>
/// <param name="TransactionId">The <c>txid</c> to poll (asynchronous auth), or the one polled.</param>
/// <param name="Status">An open-ended detail (<c>allow</c>, <c>deny</c>, <c>timeout</c>, <c>sent</c>, <c>pushed</c> …).</param>
/// <param name="StatusMessage">Untrusted display text (control characters removed); HTML-encode before showing.</param>
/// <param name="TrustedDeviceToken">A remembered-device token that may come with an allow.</param>
public sealed record DuoAuthResponse(DuoAuthOutcome Outcome, string? TransactionId, string? Status, string? StatusMessage, string? TrustedDeviceToken);
