using Mfa.Storage.PostgreSql;
using Npgsql;

namespace Mfa.Soak;

/// <summary>The <c>setup</c> mode: a fresh soak database (dropped first if it exists) with the store's schema.</summary>
internal static class SoakSetup
{
    public static async Task<int> RunAsync(SoakArguments arguments)
    {
        var admin = arguments.Required("admin");
        var database = arguments.Required("database");
        var builder = new NpgsqlConnectionStringBuilder(admin);
        if (string.Equals(database, builder.Database, StringComparison.Ordinal))
        {
            throw new SoakUsageException("The soak needs a database of its own: every client backend of it is terminated.");
        }

        // Dropping and creating a database waits for checkpoints, which take a while on a busy server.
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { CommandTimeout = 300 }.ConnectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", database);
            await ExecuteAsync(connection, $"CREATE DATABASE \"{database}\"", database);
        }

        builder.Database = database;
        var applied = await PostgreSqlStoreSchema.MigrateAsync(builder.ConnectionString);
        await Console.Out.WriteLineAsync($"soak: database {database} created, {applied} migrations applied");
        return 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string database)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("db", database);
        await command.ExecuteNonQueryAsync();
    }
}
