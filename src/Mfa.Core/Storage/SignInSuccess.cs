namespace Mfa.Core.Storage;

/// <summary>A verified sign-in to write back (<see cref="ISignInStore.ApplySuccessAsync"/>).</summary>
/// <param name="Authenticator">The authenticator that answered, as read (its <see cref="AuthenticatorRecord.Version"/> guards <paramref name="UpdatedData"/>).</param>
/// <param name="UpdatedData">Its new data (a WebAuthn counter), or <see langword="null"/> when only its last use changes.</param>
/// <param name="ReplaySteps">The replay-guard steps the response matched, or none.</param>
/// <param name="Now">The current time (the last use).</param>
/// <param name="CountersToReset">The counters a success clears.</param>
public sealed record SignInSuccess(AuthenticatorRecord Authenticator, string? UpdatedData, IReadOnlyList<long> ReplaySteps, DateTimeOffset Now, IReadOnlyList<string> CountersToReset);
