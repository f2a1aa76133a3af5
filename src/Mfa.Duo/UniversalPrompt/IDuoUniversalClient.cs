namespace Mfa.Duo.UniversalPrompt;

/// <summary>
/// The Duo Universal Prompt (OIDC, spec §2). The caller owns state: it supplies <c>state</c> and <c>nonce</c> (the factor
/// passes its challenge id as state), stores them with the username, checks the callback's state once, then exchanges the
/// code with the stored nonce and username.
/// </summary>
public interface IDuoUniversalClient
{
    /// <summary><c>POST /oauth/v1/health_check</c> with a client assertion; retried when Duo is unavailable. Never throws for remote faults.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Healthy, unreachable (the failmode decides) or rejected (fail closed).</returns>
    Task<DuoHealthCheckResult> HealthCheckAsync(CancellationToken cancellationToken = default);

    /// <summary>Builds the authorize URL with a signed request JWT (HS512, spec §2.4). Send the browser there with a top-level navigation.</summary>
    /// <param name="username">The user Duo must authenticate (<c>duo_uname</c>), 1 to 1024 characters.</param>
    /// <param name="state">The state, 16 to 1024 URL-safe characters (<c>[A-Za-z0-9._~-]</c>).</param>
    /// <param name="nonce">The nonce (same rules), or <see langword="null"/> to send none.</param>
    /// <returns>The URL.</returns>
    /// <exception cref="ArgumentException">An argument outside the rules above (a host bug, not user input).</exception>
    Uri BuildAuthorizationUrl(string username, string state, string? nonce);

    /// <summary>
    /// <c>POST /oauth/v1/token</c> with a client assertion, then validates the id_token exactly as spec §2.8 orders it. Not retried.
    /// </summary>
    /// <param name="code">The code from the callback (untrusted).</param>
    /// <param name="expectedNonce">The nonce sent with the authorize URL, or <see langword="null"/> if none was.</param>
    /// <param name="expectedUsername">The username sent as <c>duo_uname</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The validated token and Duo's verdict, or a typed failure.</returns>
    Task<DuoTokenExchangeResult> ExchangeCodeAsync(string code, string? expectedNonce, string expectedUsername, CancellationToken cancellationToken = default);
}
