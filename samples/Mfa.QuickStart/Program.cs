using Mfa.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
builder.Services
    .AddMfa(builder.Configuration.GetSection("Mfa"))  // Mfa:SecretKey from a secret store (`mfa keygen`)
    .UseSqlite("Data Source=mfa.db")
    .AddTotp(o => o.Issuer = "Contoso")
    .AddWebAuthn(o => { o.RelyingPartyId = "contoso.com"; o.RelyingPartyName = "Contoso"; o.Origins = ["https://contoso.com"]; })
    .AddAspNetCore();
var app = builder.Build();
app.UseStaticFiles();                 // serves /_content/Mfa.AspNetCore/mfa.js
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();                 // enforces the passkey / push-device limits
app.MapMfaEndpoints("/mfa");
var hasher = new PasswordHasher<string>();   // the first factor: a stand-in for your user store (or ASP.NET Core Identity)
var accounts = new Dictionary<string, string>(StringComparer.Ordinal) { ["alice"] = hasher.HashPassword("alice", "correct horse battery staple") };
app.MapPost("/login", async (HttpContext http) =>
{
    var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : FormCollection.Empty;
    string user = form["user"].ToString(), password = form["password"].ToString();
    if (!accounts.TryGetValue(user, out var hash) || hasher.VerifyHashedPassword(user, hash, password) == PasswordVerificationResult.Failed) { return Results.Unauthorized(); }
    await http.SignInMfaPendingAsync(user, user);   // first factor done: MFA pending, the page now runs mfa.js
    return Results.Ok();
});
app.MapGet("/account", () => "only after MFA").RequireAuthorization(MfaAuthorizationDefaults.RequireMfaPolicy);
app.MapPost("/password", () => "changed").RequireRecentMfa(TimeSpan.FromMinutes(5));   // step-up
app.Run();
