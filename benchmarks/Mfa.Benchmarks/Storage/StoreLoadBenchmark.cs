using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Benchmarks.Storage;

/// <summary>
/// A sign-in through <see cref="Mfa.Core.Service.IMfaService"/> end to end (begin + complete with a valid TOTP code or
/// WebAuthn ES256 assertion) on each store, next to the database's own floor measured in the same run: one prepared
/// single-statement committed UPDATE with the same connection string and caller count. Reports ops/s, p50, p99, the
/// ratio to the floor (how many floor commits one sign-in costs), the commands and commits the store sent per sign-in,
/// and failures by reason (a failure is counted, never fatal). A load test rather than a BenchmarkDotNet microbenchmark,
/// because throughput and p99 under concurrency are what matter here.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/Mfa.Benchmarks -- stores [--seconds N] [--callers 1,32] [--stores in-memory,sqlite-durable,sqlite,postgresql-durable,postgresql,postgresql-prepared,pgbouncer]</c>.
/// PostgreSQL runs when <c>MFA_TEST_POSTGRES</c> names a server, PgBouncer when <c>MFA_TEST_PGBOUNCER</c> names one in
/// front of it (a schema is created and dropped).
/// </remarks>
public static class StoreLoadBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (duration, callers, only) = Arguments(args);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sign-in via IMfaService vs one committed UPDATE, {duration.TotalSeconds:0.#} s per row after 1 s warm-up, {Environment.ProcessorCount} cores"));
        Console.WriteLine();
        Console.WriteLine("| store | operation | callers | ops/s | p50 ms | p99 ms | × floor | commands/op | commits/op | failures |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var store in Stores().Where(s => only is null || only.Contains(s.Key, StringComparer.OrdinalIgnoreCase)))
        {
            var target = store.Create();
            await using var owner = target.Owner;
            await target.Target.EnrollAsync(callers.Max());
            foreach (var count in callers)
            {
                double? floorOps = null;
                if (target.Floor is { } createFloor)
                {
                    await using var floor = await createFloor(count);
                    var measured = await LoadRunner.MeasureAsync(count, duration, floor.UpdateAsync);
                    floorOps = measured.OpsPerSecond;
                    Print(store.Name, "floor: 1 UPDATE", count, measured, floorOps);
                    Print(store.Name, "1 SELECT (read round trip)", count, await LoadRunner.MeasureAsync(count, duration, floor.ReadAsync), floorOps);
                }

                Print(store.Name, "TOTP begin only", count, await LoadRunner.MeasureAsync(count, duration, target.Target.BeginTotpAsync, target.Target.Counters), floorOps);
                Print(store.Name, "TOTP sign-in", count, await LoadRunner.MeasureAsync(count, duration, target.Target.SignInWithTotpAsync, target.Target.Counters), floorOps);
                Print(store.Name, "WebAuthn ES256 sign-in", count, await LoadRunner.MeasureAsync(count, duration, target.Target.SignInWithWebAuthnAsync, target.Target.Counters), floorOps);
            }
        }

        return 0;
    }

    private static (TimeSpan Duration, int[] Callers, string[]? Only) Arguments(IReadOnlyList<string> args) => (
        TimeSpan.FromSeconds(Option(args, "--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : 3),
        (Option(args, "--callers") ?? "1,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(),
        Option(args, "--stores")?.Split(','));

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    private static void Print(string store, string operation, int callers, LoadResult result, double? floorOps)
    {
        var ratio = floorOps is { } f && result.OpsPerSecond > 0 ? (f / result.OpsPerSecond).ToString("0.00", CultureInfo.InvariantCulture) : "";
        var commands = result.CommandsPerOp?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
        var commits = result.CommitsPerOp?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
        var failures = result.Failures.Count == 0 ? "0" : string.Join(", ", result.Failures.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " ×" + p.Value.ToString(CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {store} | {operation} | {callers} | {result.OpsPerSecond:0} | {result.P50:0.00} | {result.P99:0.00} | {ratio} | {commands} | {commits} | {failures} |"));
    }

    /// <summary>
    /// The breakdown mode (<c>stores-breakdown</c>): per database store and caller count, the floor and one read round
    /// trip, then a TOTP and a WebAuthn sign-in with each step timed (the store's round trips, the factor, the benchmark's
    /// own client work), printed as milliseconds per sign-in and as multiples of one floor commit's latency. In a closed
    /// loop (callers × 1 / mean latency = throughput) the steps' multiples add up to the sign-in's "× floor".
    /// </summary>
    public static async Task<int> RunBreakdownAsync(IReadOnlyList<string> args)
    {
        var (duration, callers, only) = Arguments(args);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sign-in step by step (wall time per sign-in, mean), {duration.TotalSeconds:0.#} s per row after 1 s warm-up, {Environment.ProcessorCount} cores"));
        Console.WriteLine("× floor: the step's mean time ÷ one floor commit's mean latency at the same caller count, measured just before.");
        Console.WriteLine();
        Console.WriteLine("| store | callers | sign-in | step | ms / sign-in | share | × floor |");
        Console.WriteLine("|---|---:|---|---|---:|---:|---:|");
        var timings = new StepTimings();
        foreach (var store in Stores(timings).Where(s => s.Key != "in-memory" && (only is null || only.Contains(s.Key, StringComparer.OrdinalIgnoreCase))))
        {
            var target = store.Create();
            await using var owner = target.Owner;
            await target.Target.EnrollAsync(callers.Max());
            foreach (var count in callers)
            {
                await using var floor = await target.Floor!(count);
                var floorResult = await LoadRunner.MeasureAsync(count, duration, floor.UpdateAsync);
                var read = await LoadRunner.MeasureAsync(count, duration, floor.ReadAsync);
                Row(store.Name, count, "", "floor: 1 UPDATE (1 commit)", floorResult.Mean, floorResult.Mean, floorResult.Mean);
                Row(store.Name, count, "", "1 SELECT (read round trip)", read.Mean, read.Mean, floorResult.Mean);
                foreach (var (name, operation) in new (string, Func<int, Task<string?>>)[] { ("TOTP", target.Target.SignInWithTotpAsync), ("WebAuthn ES256", target.Target.SignInWithWebAuthnAsync) })
                {
                    var result = await LoadRunner.MeasureAsync(count, duration, operation, measuring: timings.Reset);
                    var spent = timings.Snapshot();
                    var claimed = 0.0;
                    foreach (var step in StepTimings.Steps)
                    {
                        var ms = spent.GetValueOrDefault(step) / Math.Max(1, result.Operations);
                        claimed += ms;
                        Row(store.Name, count, name, step, ms, result.Mean, floorResult.Mean);
                    }

                    Row(store.Name, count, name, "in process: the service's own work (rest: ids, state, DI, logging, awaits)", result.Mean - claimed, result.Mean, floorResult.Mean);
                    var failures = result.Failures.Count == 0 ? "" : " (failures: " + string.Join(", ", result.Failures.Select(p => p.Key + " ×" + p.Value.ToString(CultureInfo.InvariantCulture))) + ")";
                    Row(store.Name, count, name, "**sign-in**" + failures, result.Mean, result.Mean, floorResult.Mean);
                }
            }
        }

        return 0;
    }

    private static void Row(string store, int callers, string signIn, string step, double ms, double total, double floorMs) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {store} | {callers} | {signIn} | {step} | {ms:0.000} | {ms / total:P0} | {ms / floorMs:0.00} |"));

    private static IEnumerable<(string Key, string Name, Func<(StoreTarget Target, Func<int, Task<UpdateFloor>>? Floor, IAsyncDisposable Owner)> Create)> Stores(StepTimings? timings = null)
    {
        yield return ("in-memory", "in-memory", () => Owned(new StoreTarget(b => b.UseInMemoryStores(), cleanup: null, timings), floor: null));
        // "-durable": DurableChallengeBegin on, every commit flushed (the store before issue #10's last step); the plain
        // keys run the defaults; "-prepared": PostgreSQL's PrepareStatements on as well (a direct connection only).
        foreach (var (key, name, durable) in new[] { ("sqlite-durable", "SQLite (WAL, file), durable begin", true), ("sqlite", "SQLite (WAL, file)", false) })
        {
            yield return (key, name, () =>
            {
                var folder = Path.Combine(Path.GetTempPath(), "mfa-bench", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(folder);
                var connectionString = "Data Source=" + Path.Combine(folder, "mfa.db");
                var target = new StoreTarget(b => b.UseSqlite(connectionString, o => o.DurableChallengeBegin = durable), () =>
                {
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                    return Task.CompletedTask;
                }, timings);
                return Owned(target, callers => UpdateFloor.SqliteAsync(connectionString, callers));
            });
        }

        var variants = new[]
        {
            ("postgresql-durable", "PostgreSQL, durable begin, not prepared", "MFA_TEST_POSTGRES", true, false),
            ("postgresql", "PostgreSQL", "MFA_TEST_POSTGRES", false, false),
            ("postgresql-prepared", "PostgreSQL, prepared", "MFA_TEST_POSTGRES", false, true),
            ("pgbouncer", "PostgreSQL via PgBouncer", "MFA_TEST_PGBOUNCER", false, false),
        };
        foreach (var (key, name, variable, durable, prepared) in variants)
        {
            var server = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(server))
            {
                continue;
            }

            var direct = Environment.GetEnvironmentVariable("MFA_TEST_POSTGRES") ?? server;
            yield return (key, name, () =>
            {
                var schema = "bench_" + Guid.NewGuid().ToString("N")[..16];
                var target = new StoreTarget(
                    b => b.UsePostgreSql(server, o =>
                    {
                        o.Schema = schema;
                        o.MigrationConnectionString = direct;
                        o.DurableChallengeBegin = durable;
                        o.PrepareStatements = prepared;
                    }),
                    async () =>
                    {
                        await using var dataSource = Npgsql.NpgsqlDataSource.Create(direct);
                        await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
                        await drop.ExecuteNonQueryAsync();
                    },
                    timings);
                return Owned(target, callers => UpdateFloor.PostgreSqlAsync(server, schema, callers, prepare: key != "pgbouncer"));
            });
        }
    }

    private static (StoreTarget, Func<int, Task<UpdateFloor>>?, IAsyncDisposable) Owned(StoreTarget target, Func<int, Task<UpdateFloor>>? floor) => (target, floor, target);
}
