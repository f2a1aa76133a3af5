using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Push.Tests.Factor;

/// <summary>The default anti-fatigue counters on a SQLite file (durable: what an app server restart keeps).</summary>
[TestFixture]
public sealed class SqlitePushDefaultFatigueTests : PushDefaultFatigueTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mfa-push-tests", Guid.NewGuid().ToString("N"));

    protected override void UseStore(IMfaBuilder mfa)
    {
        Directory.CreateDirectory(_folder);
        mfa.UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "mfa.db") }.ConnectionString);
    }

    protected override void DropStore()
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
    }
}
