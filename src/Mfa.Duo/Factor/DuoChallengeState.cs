namespace Mfa.Duo.Factor;

/// <summary>
/// What a Duo challenge keeps between begin and complete (stored by the service, never seen by the browser):
/// the flow, the Universal Prompt state and nonce or the Auth API transaction, the username, and whether Duo was bypassed.
/// </summary>
internal sealed record DuoChallengeState(
    DuoChallengeMode Mode,
    string AuthenticatorId,
    string Username,
    string? State,
    string? Nonce,
    string? TransactionId,
    DuoChallengeStep Step,
    Http.DuoFailureKind BypassFailure);
