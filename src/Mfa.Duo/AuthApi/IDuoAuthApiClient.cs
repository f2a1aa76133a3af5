namespace Mfa.Duo.AuthApi;

/// <summary>
/// The Duo Auth API v2 (spec §3): no redirect; the host's own UI offers the options the administrator allowed. Every call
/// returns a typed result; only <see cref="ArgumentNullException"/> and <see cref="OperationCanceledException"/> escape.
/// </summary>
public interface IDuoAuthApiClient
{
    /// <summary><c>GET /auth/v2/ping</c> (unsigned): liveness and Duo's clock. Retried when Duo is unavailable.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Duo's time, or a failure.</returns>
    Task<DuoApiResult<DuoPingResponse>> PingAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /auth/v2/check</c> (signed): proves the integration key, secret key and signing work. Retried when Duo is unavailable.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Duo's time, or a failure (<see cref="Http.DuoFailureKind.Rejected"/> with 40102/40103 for bad credentials).</returns>
    Task<DuoApiResult<DuoPingResponse>> CheckAsync(CancellationToken cancellationToken = default);

    /// <summary><c>POST /auth/v2/preauth</c>: whether the user must, may skip or cannot do 2FA, and with which devices. Not retried.</summary>
    /// <param name="username">The Duo username.</param>
    /// <param name="ipAddress">The user's IP address, when known.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The preauth answer, or a failure.</returns>
    Task<DuoApiResult<DuoPreauthResponse>> PreauthAsync(string username, string? ipAddress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /auth/v2/auth</c>: authenticates with push, phone, passcode or auto, synchronously or (<see cref="DuoAuthRequest.Async"/>)
    /// returning a <c>txid</c>. Refused locally (<see cref="Http.DuoFailureKind.NotAllowed"/>) when the administrator did not allow the
    /// option. Never retried.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The verdict, the <c>txid</c> of an asynchronous call, or a failure.</returns>
    Task<DuoApiResult<DuoAuthResponse>> AuthAsync(DuoAuthRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /auth/v2/auth_status</c>: one (long) poll of an asynchronous transaction. Retried when Duo is unavailable.</summary>
    /// <param name="transactionId">The <c>txid</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="DuoAuthOutcome.Waiting"/>, the verdict, or a failure.</returns>
    Task<DuoApiResult<DuoAuthResponse>> AuthStatusAsync(string transactionId, CancellationToken cancellationToken = default);
}
