namespace Mfa.Core.Storage;

/// <summary>One of the user's authenticators and its consecutive failures (its hard-lock counter).</summary>
/// <param name="Record">The authenticator.</param>
/// <param name="ConsecutiveFailures">The failures counted since its last success.</param>
public sealed record SignInCandidate(AuthenticatorRecord Record, int ConsecutiveFailures);
