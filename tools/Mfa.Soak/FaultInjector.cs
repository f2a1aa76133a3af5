using System.Diagnostics;
using Npgsql;

namespace Mfa.Soak;

/// <summary>
/// The <c>faults</c> mode: every 2–10 s (seeded) terminates every client backend of the soak database, from a connection
/// to the admin database (never its own backend, never another database's); with <c>--restart CLUSTER</c> also restarts
/// that PostgreSQL cluster once, halfway through (<c>pg_ctlcluster VERSION NAME restart</c>).
/// </summary>
internal static class FaultInjector
{
    private const string KillSql =
        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
        + "WHERE datname = @db AND pid <> pg_backend_pid() AND backend_type = 'client backend'";

    public static async Task<int> RunAsync(SoakArguments arguments)
    {
        var admin = arguments.Required("admin");
        var database = arguments.Required("database");
        var duration = TimeSpan.FromSeconds(arguments.Int("duration", 30));
        var seed = arguments.Int("seed", 1);
        var cluster = arguments.Optional("restart");
        using var log = new JsonLineWriter(arguments.Required("log"));
        var time = TimeProvider.System;
        var started = time.GetTimestamp();
        // Seeded on purpose: a run's schedule can be repeated. Not used for anything secret.
#pragma warning disable CA5394
        var random = new Random(seed);
        var restartAt = cluster is null ? TimeSpan.MaxValue : duration / 2;
        while (true)
        {
            var wait = TimeSpan.FromMilliseconds(random.Next(2000, 10_001));
#pragma warning restore CA5394
            if (time.GetElapsedTime(started) + wait >= duration)
            {
                break;
            }

            if (time.GetElapsedTime(started) + wait >= restartAt)
            {
                await Task.Delay(restartAt - time.GetElapsedTime(started), time);
                log.Write(await RestartAsync(cluster!, admin, time));
                restartAt = TimeSpan.MaxValue;
                continue;
            }

            await Task.Delay(wait, time);
            log.Write(await KillAsync(admin, database, time));
        }

        return 0;
    }

    private static async Task<FaultRecord> KillAsync(string admin, string database, TimeProvider time)
    {
        var start = time.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(KillSql, connection);
            command.Parameters.AddWithValue("db", database);
            var terminated = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return new FaultRecord { Kind = "kill", Start = start, End = time.GetUtcNow().ToUnixTimeMilliseconds(), Terminated = terminated };
        }
        catch (NpgsqlException e)
        {
            return new FaultRecord { Kind = "kill", Start = start, End = time.GetUtcNow().ToUnixTimeMilliseconds(), Error = e.Message };
        }
    }

    private static async Task<FaultRecord> RestartAsync(string cluster, string admin, TimeProvider time)
    {
        var start = time.GetUtcNow().ToUnixTimeMilliseconds();
        var parts = cluster.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var process = Process.Start(new ProcessStartInfo("pg_ctlcluster", [.. parts, "restart"]) { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        string? error = process.ExitCode == 0 ? null : $"pg_ctlcluster exited with {process.ExitCode}";

        // Over when the server answers again.
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                break;
            }
            catch (NpgsqlException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time);
            }
        }

        return new FaultRecord { Kind = "restart", Start = start, End = time.GetUtcNow().ToUnixTimeMilliseconds(), Error = error };
    }
}
