using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Duo.Tests.Factor;

/// <summary>Two app servers on one SQLite file (the second unpooled).</summary>
[TestFixture]
public sealed class SqliteTwoServerReplayTests : TwoServerReplayTests
{
    private string _folder = null!;

    protected override Task<(Action<IMfaBuilder> ServerA, Action<IMfaBuilder> ServerB)> CreateStoresAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "mfa-duo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "mfa.db");
        Action<IMfaBuilder> serverA = b => b.UseSqlite(new SqliteConnectionStringBuilder { DataSource = file }.ConnectionString);
        Action<IMfaBuilder> serverB = b => b.UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        return Task.FromResult((serverA, serverB));
    }

    protected override Task DropStoreAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left to the temp folder's cleanup.
        }

        return Task.CompletedTask;
    }
}
