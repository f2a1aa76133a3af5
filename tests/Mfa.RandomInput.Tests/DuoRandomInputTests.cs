using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Duo;
using Mfa.Duo.Signing;
using Mfa.Duo.UniversalPrompt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mfa.RandomInput.Tests;

/// <summary>
/// Issue #9: the Duo factor through IMfaService with random Duo responses (mutated examples of every endpoint, random
/// statuses) and random browser input (callback code and state, passcodes), and the Duo package's public parsers:
/// only typed outcomes, nothing stored on failure.
/// </summary>
[TestFixture]
public sealed class DuoRandomInputTests
{
    private static readonly MfaUser s_alice = new("alice", "Alice");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private DuoResponder _duo = null!;
    private ServiceProvider _provider = null!;
    private IMfaService Mfa => _provider.GetRequiredService<IMfaService>();

    [SetUp]
    public async Task SetUp()
    {
        _duo = new DuoResponder();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey)
            .UseInMemoryStores()
            .AddDuo(o =>
            {
                o.ClientId = "DIXXXXXXXXXXXXXXXXXX";
                o.ClientSecret = "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
                o.IntegrationKey = "DIWJ8X6AEYOR5OMC6TQ1";
                o.SecretKey = "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep";
                o.ApiHost = "api-xxxxxxxx.duosecurity.com";
                o.RedirectUri = new Uri("https://app.example/duo/callback");
                o.MaxRetries = 0;
                o.RetryDelay = TimeSpan.Zero;
            });
        services.AddHttpClient("Mfa.Duo").ConfigurePrimaryHttpMessageHandler(() => _duo);
        services.Replace(ServiceDescriptor.Singleton<IAttemptCounterStore, UncountedAttempts>());
        _provider = services.BuildServiceProvider();
        var start = await Mfa.BeginEnrollmentAsync(s_alice, new DuoEnrollmentRequest());
        var done = await Mfa.CompleteEnrollmentAsync(s_alice, start.EnrollmentId!, new DuoEnrollmentResponse());
        Assert.That(done.Succeeded, Is.True, done.Message);
    }

    [TearDown]
    public void TearDown()
    {
        _provider.Dispose();
        _duo.Dispose();
    }

    [Test]
    public async Task CompleteEnrollmentAsync_RandomDuoResponses_OnlyTypedOutcomes()
    {
        var completed = 0;
        await Outcomes.OnlyTypedAsync(9401, async (random, i) =>
        {
            _duo.Random = null;
            var bob = new MfaUser("bob-" + i, "Bob");
            var start = await Mfa.BeginEnrollmentAsync(bob, new DuoEnrollmentRequest { Username = random.Chance(50) ? random.Text(32) : null });
            _duo.Random = random;
            if (start.Succeeded)
            {
                completed++;
                await Mfa.CompleteEnrollmentAsync(bob, start.EnrollmentId!, new DuoEnrollmentResponse());
            }
        }, cases: 400);
        Assert.That(completed, Is.GreaterThan(100), "too few enrollments reached Duo");
    }

    [TestCase(DuoChallengeMode.UniversalPrompt)]
    [TestCase(DuoChallengeMode.Passcode)]
    [TestCase(DuoChallengeMode.Push)]
    public Task CompleteChallengeAsync_RandomDuoResponsesAndBrowserInput_OnlyTypedOutcomesAndNoStateChange(DuoChallengeMode mode) =>
        Outcomes.OnlyTypedAsync(9402 + (int)mode, async (random, _) =>
        {
            _duo.Random = random;
            var before = await StoreSnapshot.TakeAsync(_provider, s_alice.Id);
            var begun = await Mfa.BeginChallengeAsync(s_alice, new DuoChallengeRequest(MfaPurpose.SignIn, mode));
            if (!begun.Succeeded)
            {
                return;
            }

            var state = begun.Prompt!.AuthorizationUrl is { } url && url.Query.Split('&').FirstOrDefault(p => p.Contains("state=", StringComparison.Ordinal)) is { } s ? Uri.UnescapeDataString(s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..]) : "state";
            ChallengeResponse response = mode switch
            {
                DuoChallengeMode.UniversalPrompt => new DuoCallbackResponse(random.Any("duo-code-1234"), random.Chance(70) ? state : random.Any(state)),
                DuoChallengeMode.Passcode => new DuoPasscodeResponse(random.Any("123456")),
                _ => new DuoPollResponse(),
            };
            var result = await Mfa.CompleteChallengeAsync(s_alice, begun.ChallengeId!, MfaPurpose.SignIn, response);
            if (!result.Succeeded && !result.IsPending)
            {
                Assert.That(await StoreSnapshot.TakeAsync(_provider, s_alice.Id), Is.EqualTo(before));
            }
        }, cases: 400);

    [Test]
    public void Parsers_RandomText_OnlyTypedOutcomes() =>
        Outcomes.OnlyTyped(9410, (random, n) =>
        {
            var query = Enumerable.Range(0, random.Next(4))
                .Select(_ => new KeyValuePair<string, string?>(random.Chance(60) ? random.Pick(["code", "state", "error", "error_description", "duo_code"]) : random.Text(16), random.Chance(10) ? null : random.Any("abc")))
                .ToList();
            random.Current = string.Join('&', query.Select(kv => kv.Key + "=" + kv.Value));
            _ = DuoCallback.TryParse(query, out _);
            _ = DuoDate.TryParse(random.Any("Tue, 21 Aug 2012 17:29:18 -0000"), out _);
        });
}
