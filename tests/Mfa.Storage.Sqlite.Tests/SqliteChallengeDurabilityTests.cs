using Mfa.Core.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.Sqlite.Tests;

/// <summary>
/// A begun challenge commits with <c>synchronous = NORMAL</c> (<see cref="RelationalStoreOptions.DurableChallengeBegin"/>
/// off); every connection the store opens, pooled ones included, is back at <c>FULL</c> for every other write.
/// </summary>
[TestFixture]
public sealed class SqliteChallengeDurabilityTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private SqliteTestDatabase? _file;

    [TearDown]
    public async Task DeleteFileAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
            _file = null;
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task CreateAsync_AnyDurability_NextConnectionSyncsFully(bool durable)
    {
        _file = new SqliteTestDatabase();
        var database = await _file.OpenAsync(configure: o => o.DurableChallengeBegin = durable);
        var store = new RelationalChallengeStore(database);

        await store.CreateAsync(new PendingChallenge
        {
            Id = "c1",
            Binding = new ChallengeBinding("user", "totp", null, "sign-in"),
            CreatedAt = s_now,
            ExpiresAt = s_now.AddMinutes(5),
            State = new byte[] { 1, 2, 3 },
        });

        await using var connection = await database.OpenAsync(CancellationToken.None);
        using var synchronous = database.Command(connection, "PRAGMA synchronous");
        Assert.That(Convert.ToInt64(await synchronous.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(2), "FULL");
        Assert.That((await store.FindAsync("c1"))?.State.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }
}
