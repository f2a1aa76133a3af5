using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore;

/// <summary>Options of the web integration (<c>AddAspNetCore(o => …)</c>).</summary>
public sealed class MfaAspNetCoreOptions
{
    /// <summary>The host's authentication scheme a successful challenge signs in with, and whose session counts as signed in.</summary>
    /// <value>Default <c>"Cookies"</c> (<see cref="CookieAuthenticationDefaults.AuthenticationScheme"/>); with ASP.NET Core Identity use <c>IdentityConstants.ApplicationScheme</c>.</value>
    public string SignInScheme { get; set; } = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>How long the "MFA pending" cookie lasts after the first factor.</summary>
    /// <value>Default 5 minutes; 1 to 30 minutes.</value>
    public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The name of the "MFA pending" cookie.</summary>
    /// <value>Default <c>.Mfa.Pending</c>.</value>
    public string PendingCookieName { get; set; } = ".Mfa.Pending";

    /// <summary>The authorization policy that guards the admin endpoints.</summary>
    /// <value>Default <see langword="null"/>: no admin endpoint is mapped.</value>
    public string? AdminPolicy { get; set; }

    /// <summary>The longest one long-poll (<c>wait</c>) request is held before it answers "pending".</summary>
    /// <value>Default 25 seconds; 1 to 60 seconds.</value>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// The longest one server-sent event stream (<c>GET …/challenges/{kind}/{challengeId}/events</c>) stays open before it
    /// sends a <c>timeout</c> event and ends (the client reconnects or falls back to the long poll).
    /// </summary>
    /// <value>Default 2 minutes (a push challenge's default lifetime); 1 second to 10 minutes.</value>
    public TimeSpan EventStreamTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether <c>MapMfaEndpoints</c> serves mfa.js's self-test page at <c>{prefix}/self-test</c> (it runs in the browser
    /// against fakes, prints <c>PASS n</c> and sets <c>window.mfaTestResult = { passed, failed, failures }</c>).
    /// </summary>
    /// <value>Default <see langword="null"/>: only when the host environment is Development.</value>
    public bool? ServeSelfTest { get; set; }

    /// <summary>How often an event stream with nothing to report sends a comment line, so proxies keep it open.</summary>
    /// <value>Default 15 seconds; 1 to 60 seconds.</value>
    public TimeSpan EventStreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Per-client limit of the username-less passkey sign-in endpoints.</summary>
    /// <value>Default 10 requests a minute per client address.</value>
    public MfaRateLimit PasskeySignInRateLimit { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Per-client limit of the push device endpoints (enroll, fetch, answer).</summary>
    /// <value>Default 30 requests a minute per client address.</value>
    public MfaRateLimit DeviceRateLimit { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Where the Duo callback sends the browser after a success, unless the challenge named a local <c>returnUrl</c>.</summary>
    /// <value>Default <c>/</c>; a local path.</value>
    public string SignedInRedirectPath { get; set; } = "/";

    /// <summary>
    /// Where a signed-in browser goes when the only requirements it fails are MFA ones (<c>RequireMfa</c>,
    /// <c>RequireRecentMfa</c>): the host's page that runs a challenge (the step-up) and returns. The package appends
    /// <c>stepUp</c> (an action name derived from the path, for the challenge's <c>step-up:&lt;action&gt;</c> purpose) and
    /// <c>returnUrl</c> (the local path and query that was refused).
    /// </summary>
    /// <value>
    /// Default <see langword="null"/>: ASP.NET Core's usual "access denied". A local path. Requests that do not accept
    /// <c>text/html</c> (fetch, APIs) keep the 403, and a host's own <c>IAuthorizationMiddlewareResultHandler</c>
    /// registered before <c>AddAspNetCore</c> is left in place (the package then does not redirect).
    /// </value>
    public string? StepUpPath { get; set; }

    /// <summary>Where the Duo callback sends the browser after a failure (<c>?mfaError=ReasonName</c> is appended).</summary>
    /// <value>Default <c>/</c>; a local path.</value>
    public string ErrorRedirectPath { get; set; } = "/";

    /// <summary>
    /// Loads the claims (name, roles…) of a user who signed in with a passkey alone (no first factor ran, so no
    /// <c>SignInMfaPendingAsync</c> carried them). Return <see langword="null"/> to refuse the sign-in (a disabled account).
    /// </summary>
    /// <value>Default <see langword="null"/>: the principal holds only the user id (as both id and name).</value>
    public Func<HttpContext, string, Task<IReadOnlyList<Claim>?>>? PasskeyUserClaims { get; set; }
}
