using Mfa.Core.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.PostgreSql.Tests;

/// <summary>
/// A begun challenge commits without waiting for its flush (<see cref="RelationalStoreOptions.DurableChallengeBegin"/> off):
/// the setting is scoped to that one transaction, so it never reaches the next statement on the same server connection,
/// directly or through PgBouncer in transaction mode.
/// </summary>
[TestFixture(PostgreSqlRoute.Direct)]
[TestFixture(PostgreSqlRoute.PgBouncer)]
public sealed class PostgreSqlChallengeDurabilityTests(PostgreSqlRoute route)
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private PostgreSqlTestDatabase? _schema;

    [TearDown]
    public async Task DropSchemaAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
            _schema = null;
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task CreateAsync_AnyDurability_NextStatementOnTheConnectionCommitsSynchronously(bool durable)
    {
        _schema = new PostgreSqlTestDatabase(route);
        // One server connection only (PgBouncer's pool still has several: each statement runs on whichever is free, so
        // the check repeats), so that the next statement runs where the INSERT ran.
        var database = await _schema.OpenAsync(configure: o =>
        {
            o.ConnectionString += ";Maximum Pool Size=1";
            o.DurableChallengeBegin = durable;
        });
        var store = new RelationalChallengeStore(database);

        for (var i = 0; i < 5; i++)
        {
            var id = "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await store.CreateAsync(new PendingChallenge
            {
                Id = id,
                Binding = new ChallengeBinding("user", "totp", null, "sign-in"),
                CreatedAt = s_now,
                ExpiresAt = s_now.AddMinutes(5),
                State = new byte[] { 1, 2, 3 },
            });

            Assert.That(await ShowAsync(database), Is.EqualTo("on"));
            Assert.That((await store.FindAsync(id))?.State.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        }
    }

    private static async Task<object?> ShowAsync(PostgreSqlDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        using var show = database.Command(connection, "SHOW synchronous_commit");
        return await show.ExecuteScalarAsync();
    }
}
