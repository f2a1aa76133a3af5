using System.Security.Claims;
using System.Security.Cryptography;
using Mfa.AspNetCore.Authorization;
using Mfa.Push.Transports.InProcess;
using Mfa.Testing;
using Mfa.Testing.Logging;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mfa.AspNetCore.Tests;

/// <summary>
/// A tiny host: a cookie sign-in, <c>AddMfa(…).AddAspNetCore(…)</c> with TOTP, WebAuthn and push (in-memory stores,
/// in-process transport, manual clock), <c>MapMfaEndpoints("/mfa")</c>, a password step and protected pages.
/// </summary>
internal sealed class WebTestHost : IAsyncDisposable
{
    public const string Origin = "https://login.example.com";

    private WebTestHost(WebApplication app, ManualTimeProvider time, InProcessPushTransport transport, ECDsa serverKey, CapturingLoggerProvider logs)
    {
        Logs = logs;
        App = app;
        Time = time;
        Transport = transport;
        _serverKey = serverKey;
    }

    private readonly ECDsa _serverKey;

    public WebApplication App { get; }

    public ManualTimeProvider Time { get; }

    public InProcessPushTransport Transport { get; }

    /// <summary>What the host logged (the MFA categories at every level, the rest from warnings up).</summary>
    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<WebTestHost> StartAsync(Action<MfaAspNetCoreOptions>? configure = null, Action<IMfaBuilder>? addFactors = null, ManualTimeProvider? clock = null)
    {
        var time = clock ?? new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        var transport = new InProcessPushTransport();
        var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Mfa", LogLevel.Debug);
        var services = builder.Services;
        services.AddSingleton<TimeProvider>(time);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = 401; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = 403; return Task.CompletedTask; };
        });
        services.AddAuthorizationBuilder().AddPolicy("Admins", p => p.RequireRole("admin"));
        var mfa = services.AddMfa(o => o.SecretKey = TestKeys.SecretKey)
            .UseInMemoryStores()
            .AddTotp(o => o.Issuer = "Contoso")
            .AddWebAuthn(o =>
            {
                o.RelyingPartyId = "login.example.com";
                o.RelyingPartyName = "Contoso";
                o.Origins = [Origin];
            });
        mfa.AddPush(o =>
        {
            o.VerifierId = Origin;
            o.IssuerLabel = "Contoso";
            o.ChallengeSigningKey = serverKey;
            o.ChallengeSigningKeyId = "srv-test";
            o.AllowInProcessAddresses = true;
        }).AddInProcess(transport);
        addFactors?.Invoke(mfa);
        mfa.AddAspNetCore(o =>
        {
            o.AdminPolicy = "Admins";
            configure?.Invoke(o);
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapMfaEndpoints("/mfa");

        // The host's first factor (any password is right here) → MFA pending.
        app.MapPost("/login", (HttpContext http, string user) => http.SignInMfaPendingAsync(user, user + "@example.com", [new Claim(ClaimTypes.Role, "member")]));

        // A signed-in admin without MFA (a test shortcut for the admin endpoints).
        app.MapPost("/login-admin", (HttpContext http, string user) => http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user), new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.Role, "admin")], "test"))));
        app.MapGet("/plain", (HttpContext http) => http.User.Identity?.IsAuthenticated == true ? Results.Ok(http.User.Identity.Name) : Results.Unauthorized());
        app.MapGet("/secret", (HttpContext http) => Results.Json(http.User.Claims.Select(c => new[] { c.Type, c.Value }).ToArray()))
            .RequireAuthorization(MfaAuthorizationDefaults.RequireMfaPolicy);
        app.MapPost("/password", () => Results.Ok("changed")).RequireRecentMfa(TimeSpan.FromMinutes(5));
        await app.StartAsync();
        app.GetTestServer().BaseAddress = new Uri(Origin + "/");
        return new WebTestHost(app, time, transport, serverKey, logs);
    }

    /// <summary>A browser: its own cookie jar.</summary>
    public Browser NewBrowser()
    {
        var handler = new CookieHandler(App.GetTestServer().CreateHandler());
        return new Browser(new HttpClient(handler) { BaseAddress = new Uri(Origin + "/") }, handler);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _serverKey.Dispose();
    }
}
