using Mfa.Sample.Web.Accounts;
using Mfa.Sample.Web.Duo;
using Mfa.Sample.Web.Hosting;
using Mfa.Sample.Web.Phone;
using Mfa.Sample.Web.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;

namespace Mfa.Sample.Web;

/// <summary>
/// Builds the sample site: every factor of Mfa.Sdk through Mfa.AspNetCore (its <c>/mfa</c> endpoints, two-step sign-in,
/// policies and <c>mfa.js</c>), with nothing to install. <c>Program</c> runs it; the end-to-end tests start it
/// in-process on a free loopback port with a temporary data folder.
/// </summary>
public static class SampleApp
{
    /// <summary>The address used when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> gives one.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>Builds the application (not started).</summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--contentRoot</c>, <c>--Sample:DataDirectory=…</c>, …).</param>
    /// <param name="configure">Last-minute changes to the builder (tests).</param>
    /// <returns>The application, to run or start.</returns>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name pins Razor Pages discovery to this assembly, also when a test process hosts the sample.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(SampleApp).Assembly.GetName().Name });
        configure?.Invoke(builder);
        var url = SampleUrls.Resolve(builder.Configuration);
        builder.WebHost.UseUrls(url.ToString());
        var origin = SampleUrls.BrowserOrigin(url);

        var data = SampleDataDirectory.Open(builder.Environment.ContentRootPath, builder.Configuration["Sample:DataDirectory"]);
        var connectionString = "Data Source=" + data.DatabaseFile;
        var services = builder.Services;
        services.AddSingleton(data);
        services.AddSingleton(new SampleSiteOptions(origin));
        services.AddDataProtection()
            .SetApplicationName("Mfa.Sample.Web")
            .PersistKeysToFileSystem(new DirectoryInfo(data.DataProtectionKeys));

        // The host's own sign-in cookie; Mfa.AspNetCore signs in with it once the second factor is done.
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "sample.auth";
                o.LoginPath = "/Account/SignIn";
                o.AccessDeniedPath = "/AccessDenied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(SampleSignIn.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(SampleSignIn.AdminRole).RequireMfa())
            .AddPolicy(SampleSignIn.RecentMfaPolicy, p => p.RequireAuthenticatedUser().RequireRecentMfa(SampleSignIn.RecentMfaMaxAge));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Security");
            o.Conventions.AuthorizePage("/Security/Password", SampleSignIn.RecentMfaPolicy);
            o.Conventions.AuthorizeFolder("/Admin", SampleSignIn.AdminPolicy);
        });

        var duo = await SampleDuo.StartEmulatorIfNeededAsync(builder.Configuration);
        if (duo is not null)
        {
            services.AddSingleton(duo);
        }

        var mfa = services
            .AddMfa(builder.Configuration.GetSection("Mfa"), o =>
            {
                o.SecretKey ??= data.MfaSecretKey();
                // Optional by default: a user who has set up a factor is asked for it; the admin page can require MFA.
                o.RequireMfaByDefault = false;
            })
            .UseSqlite(connectionString)
            .AddTotp(o => o.Issuer = "Mfa.Sdk sample")
            .AddWebAuthn(o =>
            {
                o.RelyingPartyId = new Uri(origin).Host;
                o.RelyingPartyName = "Mfa.Sdk sample";
                o.Origins = [origin];
            });
        mfa.AddPush(o =>
            {
                // The phone runs server-side for the phone page, so the verifier id only names this site to it.
                o.VerifierId = "https://" + new Uri(origin).Host;
                o.IssuerLabel = "Mfa.Sdk sample";
                o.ChallengeSigningKey = data.PushSigningKey();
                o.ChallengeSigningKeyId = "sample-1";
                o.AllowInProcessAddresses = true;
            })
            .AddInProcess();
        mfa.AddDuo(o => SampleDuo.Configure(o, builder.Configuration, duo, origin));
        mfa.AddAspNetCore(o =>
        {
            o.AdminPolicy = SampleSignIn.AdminPolicy;
            o.ErrorRedirectPath = "/Account/Mfa";
            // A page that needs a (recent) MFA sends the browser here to confirm and back, instead of "access denied".
            o.StepUpPath = "/Account/Mfa";
            o.PasskeyUserClaims = SampleSignIn.PasskeyClaimsAsync;
            // Mfa:AspNetCore:* (rate limits, lifetimes) from configuration, as for the rest of Mfa:*.
            builder.Configuration.GetSection("Mfa:AspNetCore").Bind(o);
        });

        services.AddSingleton(sp => new AccountStore(connectionString, builder.Configuration["Sample:AdminUsername"], sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PhoneService>();

        var app = builder.Build();
        app.UseMiddleware<LocalhostRedirectMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapMfaEndpoints("/mfa");
        app.MapRazorPages();
        if (duo is not null)
        {
            app.Lifetime.ApplicationStopped.Register(() => duo.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }

        return app;
    }
}
