using System.Text.Json.Nodes;
using Mfa.Core;
using Mfa.Core.Service;
using Mfa.Testing;
using Mfa.Totp;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Cli.Tests.Keys;

[TestFixture]
public sealed class KeysCommandsTests
{
    private static readonly byte[] s_newKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    private string _folder = null!;

    private string Connection => "Data Source=" + Path.Combine(_folder, "mfa.db");

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "mfa-cli-keys-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Writes an appsettings-style file with the given Mfa section.</summary>
    private string Config(Action<JsonObject> keys)
    {
        var mfa = new JsonObject();
        keys(mfa);
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, new JsonObject { ["Mfa"] = mfa }.ToJsonString());
        return path;
    }

    private static void OldKey(JsonObject mfa) => mfa["SecretKey"] = Convert.ToBase64String(TestKeys.SecretKey);

    private static void Rotated(JsonObject mfa)
    {
        OldKey(mfa);
        mfa["SecretKeys"] = new JsonObject { ["2026-12"] = Convert.ToBase64String(s_newKey) };
        mfa["PrimarySecretKeyId"] = "2026-12";
    }

    /// <summary>Enrolls TOTP authenticators for <paramref name="users"/> users into the SQLite file under the old key only.</summary>
    private async Task EnrollUnderTheOldKeyAsync(int users)
    {
        var migrate = await CliRun.RunAsync("store", "migrate", "--provider", "sqlite", "--connection", Connection);
        Assert.That(migrate.ExitCode, Is.Zero, migrate.Error);
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseSqlite(Connection, o => o.RunMigrationsAtStartup = false).AddTotp();
        await using var provider = services.BuildServiceProvider();
        var mfa = provider.GetRequiredService<IMfaService>();
        for (var i = 0; i < users; i++)
        {
            var user = new MfaUser($"user-{i}", $"User {i}");
            var begun = await mfa.BeginEnrollmentAsync(user, new TotpEnrollmentRequest { Name = "Phone" });
            Assert.That(Base32.TryDecode(begun.Prompt!.SecretBase32, out var secret, out _), Is.True);
            var completed = await mfa.CompleteEnrollmentAsync(user, begun.EnrollmentId!, new TotpEnrollmentResponse(TotpCode.Generate(secret!, TimeProvider.System.GetUtcNow(), TotpParameters.Default)));
            Assert.That(completed.Succeeded, Is.True, completed.Message);
        }
    }

    [Test]
    public async Task Reencrypt_SqliteAfterRotation_MovesEveryRecordAndListShowsOnlyTheNewKey()
    {
        await EnrollUnderTheOldKeyAsync(users: 3);
        var rotated = Config(Rotated);

        var run = await CliRun.RunAsync("keys", "reencrypt", "--provider", "sqlite", "--connection", Connection, "--config", rotated, "--batch", "2");
        var list = await CliRun.RunAsync("keys", "list", "--provider", "sqlite", "--connection", Connection, "--config", rotated);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That((int?)run.Json["moved"], Is.EqualTo(3));
            Assert.That((int?)run.Json["keyIdsBefore"]!["default"], Is.EqualTo(3));
            Assert.That((string?)run.Json["primary"], Is.EqualTo("2026-12"));
            Assert.That(list.ExitCode, Is.Zero, list.Error);
            Assert.That(list.Json["secrets"]!.ToJsonString(), Is.EqualTo("""{"2026-12":3}"""));
            Assert.That((int?)list.Json["notUnderPrimary"], Is.Zero);
            Assert.That(run.Out + run.Error + list.Out, Does.Not.Contain(Convert.ToBase64String(s_newKey)).And.Not.Contain(Convert.ToBase64String(TestKeys.SecretKey)));
        }
    }

    [Test]
    public async Task Reencrypt_DryRun_CountsAndWritesNothing()
    {
        await EnrollUnderTheOldKeyAsync(users: 2);
        var rotated = Config(Rotated);

        var dry = await CliRun.RunAsync("keys", "reencrypt", "--provider", "sqlite", "--connection", Connection, "--config", rotated, "--dry-run");
        var list = await CliRun.RunAsync("keys", "list", "--provider", "sqlite", "--connection", Connection, "--config", rotated);

        Assert.That((int?)dry.Json["moved"], Is.EqualTo(2));
        Assert.That((int?)list.Json["notUnderPrimary"], Is.EqualTo(2));
    }

    [Test]
    public async Task Reencrypt_SecretsUnderAKeyNotConfigured_Exit1WithUnreadableCount()
    {
        await EnrollUnderTheOldKeyAsync(users: 1);
        var newOnly = Config(mfa => mfa["SecretKeys"] = new JsonObject { ["2026-12"] = Convert.ToBase64String(s_newKey) });

        var run = await CliRun.RunAsync("keys", "reencrypt", "--provider", "sqlite", "--connection", Connection, "--config", newOnly);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That((int?)run.Json["unreadable"], Is.EqualTo(1));
    }

    [Test]
    public async Task List_WithoutAStore_ShowsTheRingIds()
    {
        var run = await CliRun.RunAsync("keys", "list", "--config", Config(Rotated));

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That((string?)run.Json["primary"], Is.EqualTo("2026-12"));
        Assert.That(run.Json["keys"]!.ToJsonString(), Is.EqualTo("""["default","2026-12"]"""));
    }

    [Test]
    public async Task List_TwoKeysWithoutAPrimary_UsageErrorWithoutKeyMaterial()
    {
        var run = await CliRun.RunAsync("keys", "list", "--config", Config(mfa =>
        {
            OldKey(mfa);
            mfa["SecretKeys"] = new JsonObject { ["2026-12"] = Convert.ToBase64String(s_newKey) };
        }));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("PrimarySecretKeyId"));
        Assert.That(run.Error, Does.Not.Contain(Convert.ToBase64String(s_newKey)[..8]));
    }

    [TestCase("reencrypt", Description = "no store")]
    [TestCase("rotate", Description = "unknown command")]
    public async Task Keys_BadCommandLine_UsageError(string command)
    {
        var run = await CliRun.RunAsync("keys", command, "--config", Config(OldKey));

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Reencrypt_StoreNotMigrated_Exit3()
    {
        var run = await CliRun.RunAsync("keys", "reencrypt", "--provider", "sqlite", "--connection", Connection, "--config", Config(Rotated));

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Error, Does.Contain("mfa store migrate"));
    }
}
