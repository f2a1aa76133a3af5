using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mfa.Duo.Tests.Factor;

/// <summary>
/// Two app servers on one PostgreSQL schema (each container its own data source and pool), as issue #12 asks. Ignored
/// when <c>MFA_TEST_POSTGRES</c> is unset on a developer machine; fails in CI (<c>CI=true</c>), which must run it.
/// </summary>
[TestFixture]
public sealed class PostgreSqlTwoServerReplayTests : TwoServerReplayTests
{
    private const string Variable = "MFA_TEST_POSTGRES";

    private string? _server;
    private string _schema = null!;

    protected override Task<(Action<IMfaBuilder> ServerA, Action<IMfaBuilder> ServerB)> CreateStoresAsync()
    {
        _server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_server))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{Variable} is not set: CI must run the PostgreSQL two-server tests.");
            }

            Assert.Ignore($"set {Variable} to run the PostgreSQL two-server tests");
        }

        _schema = "duo_" + Guid.NewGuid().ToString("N")[..24];
        var server = _server!;
        Action<IMfaBuilder> wiring = b => b.UsePostgreSql(server, o => o.Schema = _schema);
        return Task.FromResult((wiring, wiring));
    }

    protected override async Task DropStoreAsync()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var dataSource = NpgsqlDataSource.Create(_server);
        await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
        await drop.ExecuteNonQueryAsync();
    }
}
