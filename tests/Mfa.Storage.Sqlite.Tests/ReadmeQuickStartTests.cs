using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Testing;
using Mfa.Totp;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Storage.Sqlite.Tests;

/// <summary>The README quick start's service-level block, line for line, compiles and runs against a real SQLite file.</summary>
[TestFixture]
public sealed class ReadmeQuickStartTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task QuickStart_AsWritten_EnrollsAndSignsIn()
    {
        await using var file = new SqliteTestDatabase();
        var time = new FakeTimeProvider(s_start);
        var reason = await QuickStartAsync(file.ConnectionString(), time);

        Assert.That(reason, Is.EqualTo(MfaFailureReason.None));
    }

    [Test]
    public void Readme_QuickStart_IsTheCodeThisTestRuns()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        // The quick start's second block: the service without ASP.NET Core (the web block is Mfa.AspNetCore.Tests' QuickStartTests).
        var start = readme.IndexOf("```csharp", readme.IndexOf("Without ASP.NET Core, the service directly:", StringComparison.Ordinal), StringComparison.Ordinal);
        var block = readme[(start + 9)..readme.IndexOf("```", start + 9, StringComparison.Ordinal)];
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Mfa.Storage.Sqlite.Tests", "ReadmeQuickStartTests.cs"));

        // Every line of the README's code (but the connection string, which the test points at a temporary file) is in QuickStartAsync.
        var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith(".UseSqlite(", StringComparison.Ordinal)).ToList();
        Assert.That(lines.Where(l => !source.Contains(l, StringComparison.Ordinal)), Is.Empty);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mfa.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Mfa.Sdk.sln not found above the test directory.");
    }

    private static async Task<MfaFailureReason> QuickStartAsync(string connectionString, FakeTimeProvider time)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Mfa:SecretKey"] = Convert.ToBase64String(TestKeys.SecretKey);
        builder.Services.AddSingleton<TimeProvider>(time);
        string codeFromUser;
        byte[] secret;

        // ---- README: Quick start ----
builder.Services
    .AddMfa(builder.Configuration.GetSection("Mfa")) // Mfa:SecretKey = base64 of 32 random bytes (`mfa keygen`), from a secret store
    .UseSqlite(connectionString)
    .AddTotp(o => o.Issuer = "Contoso")
    .AddWebAuthn(o =>
    {
        o.RelyingPartyId = "contoso.com";
        o.RelyingPartyName = "Contoso";
        o.Origins = ["https://contoso.com"];
    });
        await using var app = builder.Build();

// Enroll: show the QR code, then check the first code the app shows.
var mfa = app.Services.GetRequiredService<IMfaService>();
var user = new MfaUser(id: "3f6c2a9e", displayName: "alice@contoso.com");
var begun = await mfa.BeginEnrollmentAsync(user, new TotpEnrollmentRequest { Name = "Work phone" });
if (!begun.Succeeded) { return begun.FailureReason; }
byte[] qrPng = begun.Prompt.GetQrPng();
        Assert.That(Base32.TryDecode(begun.Prompt.SecretBase32, out secret!, out _), Is.True);
        Assert.That(qrPng, Is.Not.Empty);
        codeFromUser = TotpCode.Generate(secret, time.GetUtcNow(), TotpParameters.Default);
var enrolled = await mfa.CompleteEnrollmentAsync(user, begun.EnrollmentId, new TotpEnrollmentResponse(codeFromUser));
        Assert.That(enrolled.Succeeded, Is.True, enrolled.Message);
        time.Advance(TimeSpan.FromSeconds(30));
        codeFromUser = TotpCode.Generate(secret, time.GetUtcNow(), TotpParameters.Default);

// Sign in: begin a challenge, complete it with the code; act only on a success that proves this user and purpose.
var challenge = await mfa.BeginChallengeAsync(user, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn));
if (!challenge.Succeeded) { return challenge.FailureReason; } // LockedOut (challenge.RetryAfter), NotEnrolled, …
var result = await mfa.CompleteChallengeAsync(user, challenge.ChallengeId, MfaPurpose.SignIn, new TotpChallengeResponse(codeFromUser));
#pragma warning disable MA0140 // The README's two branches are placeholders for the host's own code.
if (result.Proves(user.Id, MfaPurpose.SignIn)) { /* signed in */ }
else { /* result.FailureReason: InvalidCode, Replayed, LockedOut (result.RetryAfter), Expired, … */ }
#pragma warning restore MA0140

// Factor changes (recovery codes, another authenticator, rename, remove) need a recent proof: when the session last did MFA.
var verified = user with { LastVerifiedAt = result.VerifiedAt };
var recovery = await mfa.GenerateRecoveryCodesAsync(verified); // ReauthenticationRequired once that is over 5 minutes old
        Assert.That(recovery.Codes, Has.Count.EqualTo(10));
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.That((await mfa.GenerateRecoveryCodesAsync(verified)).FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));

        // ---- end of the README's code ----
        return result.FailureReason;
    }
}
