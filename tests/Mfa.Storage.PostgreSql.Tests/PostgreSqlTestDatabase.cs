using Mfa.Specification.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Mfa.Storage.PostgreSql.Tests;

/// <summary>
/// A fresh schema with a random name in the test server's database, opened by as many <see cref="PostgreSqlDatabase"/>
/// instances (connection pools) as a test wants; dropped on dispose.
/// </summary>
internal sealed class PostgreSqlTestDatabase : IDurableTestStore
{
    /// <summary>The variable that names the test server.</summary>
    public const string Variable = "MFA_TEST_POSTGRES";

    /// <summary>The variable that names PgBouncer (transaction pooling) in front of the test server.</summary>
    public const string PgBouncerVariable = "MFA_TEST_PGBOUNCER";

    private readonly List<PostgreSqlDatabase> _opened = [];
    private readonly PostgreSqlRoute _route;

    public PostgreSqlTestDatabase(PostgreSqlRoute route = PostgreSqlRoute.Direct)
    {
        _route = route;
        ServerConnectionString = RequireServer();
        StoreConnectionString = route == PostgreSqlRoute.PgBouncer ? Require(PgBouncerVariable, "PgBouncer in transaction mode in front of it") : ServerConnectionString;
        Schema = "t_" + Guid.NewGuid().ToString("N")[..24];
    }

    /// <summary>The server itself (administration, migrations).</summary>
    public string ServerConnectionString { get; }

    /// <summary>What the stores use: the server, or PgBouncer in front of it.</summary>
    public string StoreConnectionString { get; }

    public string Schema { get; }

    /// <summary>
    /// The test server's connection string. Without one the test is ignored on a developer machine, and fails in CI
    /// (CI=true), where the PostgreSQL tests must never be skipped silently.
    /// </summary>
    public static string RequireServer() => Require(Variable, "a server");

    private static string Require(string variable, string what)
    {
        var connectionString = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{variable} is not set: CI must run the PostgreSQL store tests (.ci/run starts {what} and sets it).");
        }

        Assert.Ignore($"set {variable} (for example Host=127.0.0.1;Username=postgres;Password=...;Database=postgres) to run the PostgreSQL store tests through {what}");
        return string.Empty;
    }

    /// <summary>Options for this schema.</summary>
    public void Configure(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConnectionString = StoreConnectionString;
        options.MigrationConnectionString = ServerConnectionString;
        options.Schema = Schema;
        options.PrepareStatements = _route == PostgreSqlRoute.DirectPrepared;
        options.DurableChallengeBegin = _route == PostgreSqlRoute.DirectPrepared;
    }

    /// <summary>Opens the schema as one app server would (its own pool); the first call creates the tables.</summary>
    public async Task<PostgreSqlDatabase> OpenAsync(TimeProvider? time = null, Action<PostgreSqlStoreOptions>? configure = null)
    {
        var options = new PostgreSqlStoreOptions();
        Configure(options);
        configure?.Invoke(options);
        var database = new PostgreSqlDatabase(options, time ?? TimeProvider.System, NullLogger.Instance);
        _opened.Add(database);
        await database.EnsureReadyAsync(CancellationToken.None);
        return database;
    }

    /// <summary>Runs SQL as the test administrator (outside the stores).</summary>
    public async Task<object?> AdminAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(ServerConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Each server gets its own data source, so its own connection pool.</summary>
    public void Use(IMfaBuilder builder, int server) => builder.UsePostgreSql(StoreConnectionString, Configure);

    public Task ReleaseConnectionsAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        _opened.Clear();
        await AdminAsync($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
    }
}
