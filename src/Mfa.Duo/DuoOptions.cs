using Mfa.Duo.Signing;

namespace Mfa.Duo;

/// <summary>
/// Duo settings. The Universal Prompt uses <see cref="ClientId"/>, <see cref="ClientSecret"/> and <see cref="RedirectUri"/>;
/// the Auth API uses <see cref="IntegrationKey"/> and <see cref="SecretKey"/> (a different Duo application). Configure
/// either pair or both; both share <see cref="ApiHost"/>.
/// </summary>
/// <remarks><see cref="ClientSecret"/> and <see cref="SecretKey"/> are secrets: load them from a secret store, never log them.</remarks>
public sealed class DuoOptions
{
    /// <summary>The Web SDK application's client id.</summary>
    /// <value>Exactly 20 letters or digits, or <see langword="null"/> when the Universal Prompt is not used.</value>
    public string? ClientId { get; set; }

    /// <summary>The Web SDK application's client secret (the HS512 key of every JWT).</summary>
    /// <value>Exactly 40 characters; required with <see cref="ClientId"/>.</value>
    public string? ClientSecret { get; set; }

    /// <summary>The Auth API application's integration key (ikey).</summary>
    /// <value>Exactly 20 letters or digits, or <see langword="null"/> when the Auth API is not used.</value>
    public string? IntegrationKey { get; set; }

    /// <summary>The Auth API application's secret key (skey), the HMAC key of request signatures.</summary>
    /// <value>Exactly 40 characters; required with <see cref="IntegrationKey"/>.</value>
    public string? SecretKey { get; set; }

    /// <summary>The API hostname, e.g. <c>api-XXXXXXXX.duosecurity.com</c>: no scheme, no path; a <c>:port</c> only for tests.</summary>
    /// <value>Required.</value>
    public string ApiHost { get; set; } = string.Empty;

    /// <summary>The app's Universal Prompt callback: an absolute https URL, sent byte-identically to authorize and token.</summary>
    /// <value>Required with <see cref="ClientId"/>; https unless <see cref="AllowInsecureLoopbackHttp"/> allows http on loopback.</value>
    public Uri? RedirectUri { get; set; }

    /// <summary>What happens when Duo is unreachable before the user is sent to it.</summary>
    /// <value>Default <see cref="DuoFailmode.Closed"/>.</value>
    public DuoFailmode Failmode { get; set; } = DuoFailmode.Closed;

    /// <summary>The Auth API options users may pick; the client refuses the others without calling Duo.</summary>
    /// <value>Default <see cref="DuoAuthOptions.All"/>; at least one.</value>
    public DuoAuthOptions AllowedAuthOptions { get; set; } = DuoAuthOptions.All;

    /// <summary>
    /// Whether a Duo policy bypass (preauth <c>allow</c>; a Universal Prompt result for a bypass user) counts as a passed
    /// challenge. When false (the default) it is refused with <see cref="Core.MfaFailureReason.DuoPolicyBypass"/>; when true it
    /// succeeds with <see cref="DuoVerificationDetails.PolicyBypassed"/> set, so the host can tell.
    /// </summary>
    /// <value>Default false: no second factor was performed, so none is claimed.</value>
    public bool AcceptDuoPolicyBypass { get; set; }

    /// <summary>The Auth API canonical-request version.</summary>
    /// <value>Default <see cref="DuoSignatureVersion.V5"/> (with SHA-512 and <c>X-Duo-Date</c>); <see cref="DuoSignatureVersion.V2"/> as a switch (SHA-512).</value>
    public DuoSignatureVersion SignatureVersion { get; set; } = DuoSignatureVersion.V5;

    /// <summary>The time limit of one HTTP attempt (health check, token, ping, check, preauth, auth_status, asynchronous auth).</summary>
    /// <value>Default 10 s; 100 ms to 2 min.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The time limit of a synchronous <c>/auth/v2/auth</c>, which blocks until the user answers (spec §3.1).</summary>
    /// <value>Default 90 s; 100 ms to 5 min.</value>
    public TimeSpan SynchronousAuthTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>The clock leeway when checking id_token <c>exp</c>, <c>iat</c> and <c>nbf</c>.</summary>
    /// <value>Default 60 s; 0 to 5 min.</value>
    public TimeSpan ClockLeeway { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest response body read; a larger one is a <see cref="Http.DuoFailureKind.ResponseTooLarge"/> failure.</summary>
    /// <value>Default 64 KiB; 1 KiB to 1 MiB.</value>
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>Retries of the safe calls only (health check, ping, check, auth_status) after a transport error, timeout, 5xx or 429. Never <c>auth</c>.</summary>
    /// <value>Default 2; 0 to 5.</value>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry delay (then exponential with jitter); a <c>Retry-After</c> header wins.</summary>
    /// <value>Default 1 s; 0 to 30 s.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Test-only: call Duo over plain http when <see cref="ApiHost"/> is a loopback address (the emulator), and allow an http loopback <see cref="RedirectUri"/>.</summary>
    /// <value>Default <see langword="false"/>. Never set it in production.</value>
    public bool AllowInsecureLoopbackHttp { get; set; }
}
