using System.Net;
using Mfa.Core;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Duo.Http;
using Mfa.Duo.Jwt;
using Mfa.Duo.UniversalPrompt;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Duo.Tests.EndToEnd;

/// <summary>The Universal Prompt client against the emulator: health, authorize, callback, token, id_token.</summary>
[TestFixture]
public sealed class UniversalPromptEndToEndTests
{
    private const string State = "stateSTATEstate0123456789abcdefghij";
    private const string Nonce = "nonceNONCEnonce0123456789abcdefghij";

    [Test]
    public async Task HealthCheckAsync_Emulator_Healthy()
    {
        await using var host = await DuoTestHost.StartAsync();
        var health = await host.Universal.HealthCheckAsync();
        Assert.Multiple(() =>
        {
            Assert.That(health.Status, Is.EqualTo(DuoHealthStatus.Healthy));
            Assert.That(health.IsHealthy, Is.True);
        });
    }

    [Test]
    public async Task HealthCheckAsync_WrongClientSecret_Rejected()
    {
        await using var host = await DuoTestHost.StartAsync(o => o.ClientSecret = new string('z', 40));
        var health = await host.Universal.HealthCheckAsync();
        Assert.Multiple(() =>
        {
            Assert.That(health.Status, Is.EqualTo(DuoHealthStatus.Rejected));
            Assert.That(health.DuoErrorCode, Is.EqualTo(40002));
            Assert.That(health.ErrorMessage, Does.Contain("invalid_client"));
        });
    }

    [TestCase(DuoEmulatorOutage.ServerError, DuoFailureKind.ServerError)]
    [TestCase(DuoEmulatorOutage.RateLimited, DuoFailureKind.RateLimited)]
    public async Task HealthCheckAsync_DuoDown_Unreachable(DuoEmulatorOutage outage, DuoFailureKind expected)
    {
        await using var host = await DuoTestHost.StartAsync();
        host.Duo.Outage = outage;
        var health = await host.Universal.HealthCheckAsync();
        Assert.Multiple(() =>
        {
            Assert.That(health.Status, Is.EqualTo(DuoHealthStatus.Unreachable));
            Assert.That(health.Failure, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task HealthCheckAsync_DuoHangs_TimesOut()
    {
        await using var host = await DuoTestHost.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        host.Duo.Outage = DuoEmulatorOutage.Hang;
        var health = await DuoTestHost.TimeOutHeldCallAsync(host.Time, host.Duo, () => host.Universal.HealthCheckAsync(), TimeSpan.FromMilliseconds(200));
        Assert.Multiple(() =>
        {
            Assert.That(health.Status, Is.EqualTo(DuoHealthStatus.Unreachable));
            Assert.That(health.Failure, Is.EqualTo(DuoFailureKind.Timeout));
        });
    }

    [Test]
    public async Task HealthCheckAsync_EmulatorStopped_Unreachable()
    {
        await using var host = await DuoTestHost.StartAsync();
        await host.Duo.StopAsync();
        var health = await host.Universal.HealthCheckAsync();
        Assert.That(health.Failure, Is.EqualTo(DuoFailureKind.Unreachable));
    }

    [Test]
    public async Task HealthCheckAsync_CallerCancels_Throws()
    {
        await using var host = await DuoTestHost.StartAsync();
        host.Duo.Outage = DuoEmulatorOutage.Hang;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.That(async () => await host.Universal.HealthCheckAsync(cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task FullFlow_UserApproves_SucceedsWithUsernameAndContext()
    {
        await using var host = await DuoTestHost.StartAsync();
        var url = host.Universal.BuildAuthorizationUrl("alice", State, Nonce);
        var callback = await DuoTestHost.BrowseAsync(url);
        Assert.Multiple(() =>
        {
            Assert.That(callback.HasCode, Is.True);
            Assert.That(callback.State, Is.EqualTo(State));
        });

        var result = await host.Universal.ExchangeCodeAsync(callback.Code!, Nonce, "alice");
        Assert.That(result.Succeeded, Is.True, $"{result.Failure} {result.IdTokenFailure} {result.OAuthError}");
        Assert.Multiple(() =>
        {
            Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.None));
            Assert.That(result.IdToken!.Username, Is.EqualTo("alice"));
            Assert.That(result.IdToken.Nonce, Is.EqualTo(Nonce));
            Assert.That(result.IdToken.AuthResult.Result, Is.EqualTo("allow"));
            Assert.That(result.IdToken.AuthContext.Factor, Is.EqualTo("duo_push"));
            Assert.That(result.IdToken.AuthContext.AuthDevice?.Name, Is.Not.Null);
            Assert.That(result.IdToken.AuthContext.AccessDevice?.Location?.Country, Is.EqualTo("United States"));
        });
    }

    [Test]
    public async Task FullFlow_WithoutNonce_Succeeds()
    {
        await using var host = await DuoTestHost.StartAsync();
        var callback = await DuoTestHost.BrowseAsync(host.Universal.BuildAuthorizationUrl("alice", State, null));
        var result = await host.Universal.ExchangeCodeAsync(callback.Code!, null, "alice");
        Assert.That(result.Succeeded, Is.True);
    }

    [TestCase(DuoEmulatorOutcome.Deny)]
    [TestCase(DuoEmulatorOutcome.Timeout)]
    public async Task FullFlow_UserDeniesOrTimesOut_CallbackCarriesAnError(DuoEmulatorOutcome outcome)
    {
        await using var host = await DuoTestHost.StartAsync();
        host.Duo.AddUser("bob").Outcome = outcome;
        var callback = await DuoTestHost.BrowseAsync(host.Universal.BuildAuthorizationUrl("bob", State, Nonce));
        Assert.Multiple(() =>
        {
            Assert.That(callback.HasCode, Is.False);
            Assert.That(callback.Error, Is.EqualTo("access_denied"));
            Assert.That(callback.State, Is.EqualTo(State));
        });
    }

    [Test]
    public async Task FullFlow_UserLockedOut_CallbackCarriesAnError()
    {
        await using var host = await DuoTestHost.StartAsync();
        host.Duo.AddUser("carol").State = DuoEmulatorUserState.Locked;
        var callback = await DuoTestHost.BrowseAsync(host.Universal.BuildAuthorizationUrl("carol", State, Nonce));
        Assert.That(callback.Error, Is.EqualTo("access_denied"));
    }

    [Test]
    public async Task FullFlow_AliasInOtherCase_SucceedsWithTheStoredName()
    {
        await using var host = await DuoTestHost.StartAsync();
        host.Duo.AddUser("Dave.Smith").Aliases.Add("dave");
        var callback = await DuoTestHost.BrowseAsync(host.Universal.BuildAuthorizationUrl("Dave.Smith", State, Nonce));
        var result = await host.Universal.ExchangeCodeAsync(callback.Code!, Nonce, "Dave.Smith");
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.IdToken!.Username, Is.EqualTo("dave.smith"));
        });
    }

    [Test]
    public async Task ExchangeCodeAsync_CodeUsedTwice_SecondIsInvalidGrant()
    {
        await using var host = await DuoTestHost.StartAsync();
        var callback = await DuoTestHost.BrowseAsync(host.Universal.BuildAuthorizationUrl("alice", State, Nonce));
        await host.Universal.ExchangeCodeAsync(callback.Code!, Nonce, "alice");
        var second = await host.Universal.ExchangeCodeAsync(callback.Code!, Nonce, "alice");
        Assert.Multiple(() =>
        {
            Assert.That(second.Succeeded, Is.False);
            Assert.That(second.Failure, Is.EqualTo(DuoFailureKind.Rejected));
            Assert.That(second.OAuthError, Is.EqualTo("invalid_grant"));
        });
    }

    [Test]
    public async Task ExchangeCodeAsync_CodeExpired_InvalidGrant()
    {
        await using var host = await DuoTestHost.StartAsync();
        var callback = await DuoTestHost.BrowseAsync(host.Universal.BuildAuthorizationUrl("alice", State, Nonce));
        host.Time.Advance(TimeSpan.FromSeconds(61));
        var result = await host.Universal.ExchangeCodeAsync(callback.Code!, Nonce, "alice");
        Assert.That(result.OAuthError, Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task ExchangeCodeAsync_UnknownCode_InvalidGrant()
    {
        await using var host = await DuoTestHost.StartAsync();
        var result = await host.Universal.ExchangeCodeAsync("no-such-code", Nonce, "alice");
        Assert.That(result.OAuthError, Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task ExchangeCodeAsync_WrongNonce_NonceMismatch()
    {
        await using var host = await DuoTestHost.StartAsync();
        var callback = await DuoTestHost.BrowseAsync(host.Universal.BuildAuthorizationUrl("alice", State, Nonce));
        var result = await host.Universal.ExchangeCodeAsync(callback.Code!, DuoStateGenerator.Generate(), "alice");
        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(DuoFailureKind.InvalidIdToken));
            Assert.That(result.IdTokenFailure, Is.EqualTo(DuoIdTokenFailure.NonceMismatch));
            Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
            Assert.That(result.IdToken, Is.Null);
        });
    }

    [Test]
    public async Task ExchangeCodeAsync_OtherUser_UsernameMismatch()
    {
        await using var host = await DuoTestHost.StartAsync();
        var callback = await DuoTestHost.BrowseAsync(host.Universal.BuildAuthorizationUrl("alice", State, Nonce));
        var result = await host.Universal.ExchangeCodeAsync(callback.Code!, Nonce, "mallory");
        Assert.That(result.IdTokenFailure, Is.EqualTo(DuoIdTokenFailure.UsernameMismatch));
    }

    [Test]
    public async Task ExchangeCodeAsync_IdTokenExpiredByTheTimeItArrives_Expired()
    {
        // The code lives 60 s; the token 300 s. Let the code be exchanged, then check it with a clock 6 minutes on.
        await using var host = await DuoTestHost.StartAsync(o => o.ClockLeeway = TimeSpan.Zero);
        var callback = await DuoTestHost.BrowseAsync(host.Universal.BuildAuthorizationUrl("alice", State, Nonce));
        using var late = DuoTestHost.Build(new FakeTimeProvider(DuoTestHost.Start.AddMinutes(6)), o =>
        {
            o.ClientId = host.Duo.Options.ClientId;
            o.ClientSecret = host.Duo.Options.ClientSecret;
            o.ApiHost = host.Duo.ApiHost;
            o.AllowInsecureLoopbackHttp = true;
            o.ClockLeeway = TimeSpan.Zero;
        });
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IDuoUniversalClient>(late);
        var result = await client.ExchangeCodeAsync(callback.Code!, Nonce, "alice");
        Assert.That(result.IdTokenFailure, Is.EqualTo(DuoIdTokenFailure.Expired));
    }

    [Test]
    public async Task ExchangeCodeAsync_WrongClientSecret_InvalidClient()
    {
        await using var host = await DuoTestHost.StartAsync();
        var callback = await DuoTestHost.BrowseAsync(host.Universal.BuildAuthorizationUrl("alice", State, Nonce));
        using var other = DuoTestHost.Build(host.Time, o =>
        {
            o.ClientId = host.Duo.Options.ClientId;
            o.ClientSecret = new string('q', 40);
            o.ApiHost = host.Duo.ApiHost;
            o.AllowInsecureLoopbackHttp = true;
        });
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IDuoUniversalClient>(other);
        var result = await client.ExchangeCodeAsync(callback.Code!, Nonce, "alice");
        Assert.That(result.OAuthError, Is.EqualTo("invalid_client"));
    }

    [TestCase("")]
    [TestCase("\u0001code")]
    public async Task ExchangeCodeAsync_GarbageCode_RefusedWithoutCallingDuo(string code)
    {
        await using var host = await DuoTestHost.StartAsync();
        var result = await host.Universal.ExchangeCodeAsync(code, Nonce, "alice");
        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(DuoFailureKind.NotAllowed));
            Assert.That(host.Duo.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task BuildAuthorizationUrl_Always_CarriesMatchingQueryAndSignedRequest()
    {
        await using var host = await DuoTestHost.StartAsync();
        var url = host.Universal.BuildAuthorizationUrl("alice", State, Nonce);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        var failure = DuoJwt.TryRead(query["request"], host.Duo.Options.ClientSecret, out var claims);
        Assert.Multiple(() =>
        {
            Assert.That(url.AbsolutePath, Is.EqualTo("/oauth/v1/authorize"));
            Assert.That(failure, Is.EqualTo(DuoIdTokenFailure.None));
            Assert.That(claims.String("state"), Is.EqualTo(State).And.EqualTo(query["state"].ToString()));
            Assert.That(claims.String("nonce"), Is.EqualTo(Nonce).And.EqualTo(query["nonce"].ToString()));
            Assert.That(claims.String("duo_uname"), Is.EqualTo("alice"));
            Assert.That(claims.String("redirect_uri"), Is.EqualTo(DuoTestHost.Redirect.OriginalString).And.EqualTo(query["redirect_uri"].ToString()));
            Assert.That(claims.Number("exp", allowString: false), Is.EqualTo(DuoTestHost.Start.ToUnixTimeSeconds() + 300));
        });
    }

    [TestCase("short")]
    [TestCase("has spaces in it and is long enough")]
    public async Task BuildAuthorizationUrl_BadState_Throws(string state)
    {
        await using var host = await DuoTestHost.StartAsync();
        Assert.That(() => host.Universal.BuildAuthorizationUrl("alice", state, null), Throws.ArgumentException);
    }

    [Test]
    public async Task Authorize_InteractivePage_ApproveRedirectsWithCode()
    {
        await using var host = await DuoTestHost.StartAsync(emulatorOptions: o => o.AutoDecide = false);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(host.Universal.BuildAuthorizationUrl("alice", State, Nonce));
        var start = page.IndexOf("name=\"id\" value=\"", StringComparison.Ordinal) + "name=\"id\" value=\"".Length;
        var id = page[start..page.IndexOf('"', start)];
        using var form = new FormUrlEncodedContent([new("id", id), new("decision", "approve")]);
        using var response = await browser.PostAsync(new Uri(host.Duo.BaseAddress, "oauth/v1/authorize/decision"), form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        var callback = DuoTestHost.ParseCallback(response.Headers.Location!);
        var result = await host.Universal.ExchangeCodeAsync(callback.Code!, Nonce, "alice");
        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task Authorize_RedirectNotAllowed_ErrorPageWithoutRedirect()
    {
        await using var host = await DuoTestHost.StartAsync(emulatorOptions: o => o.AllowedRedirectUris.Add(new Uri("https://other.example/cb")));
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(host.Universal.BuildAuthorizationUrl("alice", State, Nonce));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
