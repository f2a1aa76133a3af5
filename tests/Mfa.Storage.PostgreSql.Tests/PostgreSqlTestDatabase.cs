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

    private readonly List<PostgreSqlDatabase> _opened = [];

    public PostgreSqlTestDatabase()
    {
        ServerConnectionString = RequireServer();
        Schema = "t_" + Guid.NewGuid().ToString("N")[..24];
    }

    public string ServerConnectionString { get; }

    public string Schema { get; }

    /// <summary>
    /// The test server's connection string. Without one the test is ignored on a developer machine, and fails in CI
    /// (CI=true), where the PostgreSQL tests must never be skipped silently.
    /// </summary>
    public static string RequireServer()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{Variable} is not set: CI must run the PostgreSQL store tests (.ci/run starts a server and sets it).");
        }

        Assert.Ignore($"set {Variable} (for example Host=127.0.0.1;Username=postgres;Password=...;Database=postgres) to run the PostgreSQL store tests");
        return string.Empty;
    }

    /// <summary>Options for this schema.</summary>
    public void Configure(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConnectionString = ServerConnectionString;
        options.Schema = Schema;
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
    public void Use(IMfaBuilder builder, int server) => builder.UsePostgreSql(ServerConnectionString, Configure);

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
