using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mfa.Cli.Tests.Store;

[TestFixture]
public sealed class StoreCommandsTests
{
    private string _folder = null!;

    private string Connection => "Data Source=" + Path.Combine(_folder, "mfa.db");

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "mfa-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Migrate_NewSqliteFile_AppliesEveryMigration()
    {
        var run = await CliRun.RunAsync("store", "migrate", "--provider", "sqlite", "--connection", Connection);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.Multiple(() =>
        {
            Assert.That((string?)run.Json["provider"], Is.EqualTo("sqlite"));
            Assert.That((int?)run.Json["from"], Is.Zero);
            Assert.That((int?)run.Json["to"], Is.GreaterThanOrEqualTo(1));
            Assert.That((int?)run.Json["applied"], Is.EqualTo((int?)run.Json["to"]));
        });
    }

    [Test]
    public async Task Migrate_Twice_SecondAppliesNothing()
    {
        await CliRun.RunAsync("store", "migrate", "--provider", "sqlite", "--connection", Connection);
        var run = await CliRun.RunAsync("store", "migrate", "--provider", "sqlite", "--connection", Connection);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That((int?)run.Json["applied"], Is.Zero);
    }

    [Test]
    public async Task Version_AfterMigrate_IsCurrent()
    {
        await CliRun.RunAsync("store", "migrate", "--provider", "sqlite", "--connection", Connection, "--prefix", "auth_");
        var run = await CliRun.RunAsync("store", "version", "--provider", "sqlite", "--connection", Connection, "--prefix", "auth_");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That((bool?)run.Json["current"], Is.True);
        Assert.That((int?)run.Json["version"], Is.EqualTo((int?)run.Json["latest"]));
    }

    [Test]
    public async Task Version_EmptyFile_IsZeroAndNotCurrent()
    {
        var run = await CliRun.RunAsync("store", "version", "--provider", "sqlite", "--connection", Connection);
        Assert.That((int?)run.Json["version"], Is.Zero);
        Assert.That((bool?)run.Json["current"], Is.False);
    }

    [Test]
    public async Task Migrate_FourProcessesOnOneFile_MigrateOnce()
    {
        // Separate processes, as several app servers on one machine: BEGIN IMMEDIATE on the file serializes them.
        var tool = Path.Combine(AppContext.BaseDirectory, "Mfa.Cli.dll");
        var processes = Enumerable.Range(0, 4).Select(_ => Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", tool, "store", "migrate", "--provider", "sqlite", "--connection", Connection },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var outputs = await Task.WhenAll(processes.Select(async p =>
        {
            var output = await p.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = await p.StandardError.ReadToEndAsync(timeout.Token);
            await p.WaitForExitAsync(timeout.Token);
            return (p.ExitCode, Json: output, Error: error);
        }));
        processes.ForEach(p => p.Dispose());

        Assert.That(outputs.Select(o => o.ExitCode), Is.All.Zero, string.Join("\n", outputs.Select(o => o.Error)));
        var applied = outputs.Sum(o => (int)System.Text.Json.Nodes.JsonNode.Parse(o.Json)!["applied"]!);
        var version = await CliRun.RunAsync("store", "version", "--provider", "sqlite", "--connection", Connection);
        Assert.That(applied, Is.EqualTo((int?)version.Json["latest"]));
        Assert.That((bool?)version.Json["current"], Is.True);
    }

    [TestCase("mysql")]
    [TestCase("")]
    public async Task Migrate_UnknownProvider_Exit2(string provider)
    {
        Assert.That((await CliRun.RunAsync("store", "migrate", "--provider", provider, "--connection", Connection)).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Migrate_NoConnection_Exit2()
    {
        Assert.That((await CliRun.RunAsync("store", "migrate", "--provider", "sqlite")).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Migrate_UnsafePrefix_Exit2()
    {
        Assert.That((await CliRun.RunAsync("store", "migrate", "--provider", "sqlite", "--connection", Connection, "--prefix", "x;drop")).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Migrate_SchemaForSqlite_Exit2()
    {
        Assert.That((await CliRun.RunAsync("store", "migrate", "--provider", "sqlite", "--connection", Connection, "--schema", "mfa")).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Migrate_PostgreSqlUnreachable_Exit3WithoutThePassword()
    {
        var run = await CliRun.RunAsync("store", "migrate", "--provider", "postgresql", "--connection", "Host=127.0.0.1;Port=1;Username=u;Password=hunter2-secret;Timeout=2");
        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Error, Does.Contain("postgresql store failed"));
        Assert.That(run.Error + run.Out, Does.Not.Contain("hunter2-secret"));
    }

    [Test]
    public async Task Migrate_SqliteFileCannotBeOpened_Exit3()
    {
        var run = await CliRun.RunAsync("store", "migrate", "--provider", "sqlite", "--connection", "Data Source=" + Path.Combine(_folder, "missing", "mfa.db"));
        Assert.That(run.ExitCode, Is.EqualTo(3));
    }

    [Test]
    public async Task Migrate_PostgreSqlSchema_AppliesThenIsCurrent()
    {
        var server = Environment.GetEnvironmentVariable("MFA_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("MFA_TEST_POSTGRES is not set: CI must run the PostgreSQL tests.");
            }

            Assert.Ignore("set MFA_TEST_POSTGRES to run the PostgreSQL tests");
        }

        var schema = "cli_" + Guid.NewGuid().ToString("N")[..20];
        try
        {
            var migrate = await CliRun.RunAsync("store", "migrate", "--provider", "postgresql", "--connection", server!, "--schema", schema);
            var version = await CliRun.RunAsync("store", "version", "--provider", "postgresql", "--connection", server!, "--schema", schema);
            Assert.That(migrate.ExitCode, Is.Zero, migrate.Error);
            Assert.That((int?)migrate.Json["applied"], Is.GreaterThanOrEqualTo(1));
            Assert.That((bool?)version.Json["current"], Is.True);
        }
        finally
        {
            await using var dataSource = NpgsqlDataSource.Create(server!);
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
