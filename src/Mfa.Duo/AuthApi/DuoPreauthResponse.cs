namespace Mfa.Duo.AuthApi;

/// <summary>The answer of preauth.</summary>
/// <param name="Outcome">What to do.</param>
/// <param name="StatusMessage">Untrusted display text (control characters removed); HTML-encode before showing.</param>
/// <param name="Devices">The user's devices (for <see cref="DuoPreauthOutcome.Auth"/>).</param>
/// <param name="EnrollPortalUrl">The self-enrollment URL (for <see cref="DuoPreauthOutcome.Enroll"/>).</param>
/// <param name="TransactionId">Verified push: the <c>txid</c> to pass on to auth.</param>
public sealed record DuoPreauthResponse(DuoPreauthOutcome Outcome, string? StatusMessage, IReadOnlyList<DuoDevice> Devices, Uri? EnrollPortalUrl, string? TransactionId);
