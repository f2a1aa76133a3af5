using Mfa.Core;
using Mfa.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.WebAuthn.Tests;

/// <summary>
/// Unauthenticated passkey begins cannot grow the challenge store without bound: the per-client limiter caps each client's
/// rows per minute, and expired rows are purged, so the rows alive at any time stay within
/// clients × <see cref="MfaOptions.AnonymousBeginsPerMinute"/> × the minutes a row lives.
/// </summary>
[TestFixture]
public sealed class WebAuthnPasskeyGrowthTests
{
    private const int PerMinute = 30;

    private WebAuthnHarness _host = null!;

    private IChallengeStore Challenges => _host.Provider.GetRequiredService<IChallengeStore>();

    [SetUp]
    public void SetUp() => _host = new WebAuthnHarness(configureMfa: o => o.AnonymousBeginsPerMinute = PerMinute);

    [TearDown]
    public void TearDown() => _host.Dispose();

    private readonly List<string> _ids = [];

    /// <summary>Rows alive now: the begun challenges the store still holds.</summary>
    private async Task<int> LiveRowsAsync()
    {
        var live = 0;
        foreach (var id in _ids)
        {
            live += await Challenges.FindAsync(id) is null ? 0 : 1;
        }

        return live;
    }

    private async Task<int> BeginManyAsync(int count, Func<int, string> client)
    {
        var admitted = 0;
        for (var i = 0; i < count; i++)
        {
            var begun = await _host.Mfa.BeginDiscoverableChallengeAsync(new WebAuthnChallengeRequest(MfaPurpose.SignIn), client(i));
            Assert.That(begun.Succeeded || begun.FailureReason == MfaFailureReason.RateLimited, Is.True, begun.ToString());
            if (begun.Succeeded)
            {
                admitted++;
                _ids.Add(begun.ChallengeId!);
            }
        }

        return admitted;
    }

    [Test]
    public async Task BeginDiscoverableChallengeAsync_ThousandFromOneClient_AtMostTheLimiterBoundOfRows()
    {
        var admitted = await BeginManyAsync(1000, _ => "192.0.2.1");

        Assert.That(admitted, Is.EqualTo(PerMinute));
        Assert.That(await LiveRowsAsync(), Is.EqualTo(PerMinute));
    }

    [Test]
    public async Task BeginDiscoverableChallengeAsync_ManyClientsOverTime_ExpiredRowsPurgedSoLiveRowsStayBounded()
    {
        const int Clients = 10;
        var peak = 0;
        for (var minute = 0; minute < 8; minute++)
        {
            await BeginManyAsync(Clients * PerMinute * 2, i => "198.51.100." + (i % Clients));
            _host.Time.Advance(TimeSpan.FromMinutes(1));

            // What the maintenance service does every SweepInterval.
            await Challenges.SweepExpiredAsync(_host.Time.GetUtcNow());
            peak = Math.Max(peak, await LiveRowsAsync());
        }

        // Rows live at most the challenge lifetime (2 minutes) plus one sweep interval.
        Assert.That(_ids, Has.Count.EqualTo(8 * Clients * PerMinute), "every client got its whole allowance each minute");
        Assert.That(peak, Is.LessThanOrEqualTo(Clients * PerMinute * 2));
    }
}
