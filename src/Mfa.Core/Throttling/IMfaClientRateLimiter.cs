namespace Mfa.Core.Throttling;

/// <summary>
/// Limits requests per client where no user is known yet (username-less passkey sign-in begins): every begin writes a
/// pending challenge, so an anonymous client must not be able to create them without bound. The web integration backs
/// it with ASP.NET Core's rate limiter; the default allows a fixed number of begins per client per minute in process.
/// </summary>
public interface IMfaClientRateLimiter
{
    /// <summary>Takes one permit for <paramref name="clientKey"/>.</summary>
    /// <param name="clientKey">Who is asking (for example the remote address); <see langword="null"/> if unknown.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the request may proceed, and if not, when to retry.</returns>
    ValueTask<MfaRateLimitDecision> TryAcquireAsync(string? clientKey, CancellationToken cancellationToken = default);
}
