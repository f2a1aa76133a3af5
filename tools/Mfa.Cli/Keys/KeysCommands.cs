using System.Text.Json.Nodes;
using System.Data.Common;
using Mfa.Cli.Cli;
using Mfa.Cli.Store;
using Mfa.Core;
using Mfa.Core.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Cli.Keys;

/// <summary>
/// The <c>mfa keys</c> commands: inspect the secret key ring and move stored secrets to its primary key. The keys come
/// from configuration as a host reads them (<c>Mfa:SecretKey</c>, <c>Mfa:SecretKeys:&lt;id&gt;</c>,
/// <c>Mfa:PrimarySecretKeyId</c>): a JSON file (<c>--config</c>) and environment variables (<c>Mfa__SecretKeys__2026-12</c>),
/// never the command line, so no key lands in a shell history. Output names key ids only.
/// </summary>
internal static class KeysCommands
{
    private const int PageSize = 500;

    public static async Task<int> RunAsync(string command, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var arguments = CliArguments.Parse(args, "dry-run");
        var configFile = arguments.Optional("config");
        var provider = arguments.Optional("provider");
        var connection = arguments.Optional("connection");
        var prefix = arguments.Optional("prefix");
        var schema = arguments.Optional("schema");
        var batch = arguments.Int("batch", PageSize, 1, 1000);
        var dryRun = arguments.Flag("dry-run");
        arguments.EnsureAllUsed();
        if (provider is not (null or "sqlite" or "postgresql"))
        {
            throw new CliUsageException($"Unknown provider '{provider}': use sqlite or postgresql.");
        }

        if ((provider is null) != (connection is null))
        {
            throw new CliUsageException("Options --provider and --connection go together.");
        }

        if (schema is not null && provider != "postgresql")
        {
            throw new CliUsageException("Option --schema is for --provider postgresql.");
        }

        if (command is not ("list" or "reencrypt"))
        {
            throw new CliUsageException($"Unknown keys command '{command}'.");
        }

        if (command == "reencrypt" && provider is null)
        {
            throw new CliUsageException("mfa keys reencrypt needs --provider and --connection.");
        }

        var configuration = Configuration(configFile);
        var store = provider is null ? null : new StoreTarget(provider, connection!, prefix, schema);
        try
        {
            if (store is not null && await store.GetVersionAsync().ConfigureAwait(false) is var version && version < store.LatestVersion)
            {
                await error.WriteLineAsync($"mfa: the {store.Provider} store's schema is at version {version}, this tool needs {store.LatestVersion}: run `mfa store migrate` first").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            return command == "list"
                ? await ListAsync(configuration, store, batch, output, error).ConfigureAwait(false)
                : await ReencryptAsync(configuration, store!, batch, dryRun, output, error).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            // The message of a driver error names the server or file, never the password of the connection string.
            await error.WriteLineAsync($"mfa: the {provider} store failed: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static async Task<int> ListAsync(IConfiguration configuration, StoreTarget? store, int batch, TextWriter output, TextWriter error)
    {
        await using var services = Services(configuration, store);
        var ring = Ring(services);
        var result = new JsonObject
        {
            ["primary"] = ring.Primary,
            ["keys"] = new JsonArray([.. ring.Ids.Select(id => (JsonNode?)id)]),
        };
        if (store is null)
        {
            CliJson.Write(output, result);
            return ExitCodes.Success;
        }

        // A census is a dry run: which key each stored secret names, nothing written.
        var totals = await RunPagesAsync(services, batch, dryRun: true, error).ConfigureAwait(false);
        if (totals is null)
        {
            return ExitCodes.Failure;
        }

        result["secrets"] = KeyCounts(totals.KeyIds);
        result["notUnderPrimary"] = totals.Moved;
        result["unreadable"] = totals.Unreadable;
        CliJson.Write(output, result);
        return ExitCodes.Success;
    }

    private static async Task<int> ReencryptAsync(IConfiguration configuration, StoreTarget store, int batch, bool dryRun, TextWriter output, TextWriter error)
    {
        await using var services = Services(configuration, store);
        var ring = Ring(services);
        var totals = await RunPagesAsync(services, batch, dryRun, error).ConfigureAwait(false);
        if (totals is null)
        {
            return ExitCodes.Failure;
        }

        CliJson.Write(output, new JsonObject
        {
            ["primary"] = ring.Primary,
            ["dryRun"] = dryRun,
            ["moved"] = totals.Moved,
            ["alreadyCurrent"] = totals.AlreadyCurrent,
            ["unreadable"] = totals.Unreadable,
            ["conflicts"] = totals.Conflicts,
            ["skipped"] = totals.Skipped,
            ["keyIdsBefore"] = KeyCounts(totals.KeyIds),
        });

        // Unreadable or still-conflicting records mean the old key cannot go yet: not a success for a script to act on.
        return totals.Unreadable == 0 && totals.Conflicts == 0 ? ExitCodes.Success : ExitCodes.Rejected;
    }

    /// <summary>Walks every page; <see langword="null"/> (after a message) when the store failed.</summary>
    private static async Task<Totals?> RunPagesAsync(ServiceProvider services, int batch, bool dryRun, TextWriter error)
    {
        var administration = services.GetRequiredService<IMfaService>().Administration;
        var totals = new Totals();
        string? next = null;
        do
        {
            var page = await administration.ReencryptSecretsAsync(next, batch, dryRun).ConfigureAwait(false);
            if (!page.Succeeded)
            {
                await error.WriteLineAsync($"mfa: the store failed ({page.FailureReason}); run again to continue, records already moved stay moved").ConfigureAwait(false);
                return null;
            }

            totals.Add(page);
            next = page.Next;
        }
        while (next is not null);

        return totals;
    }

    private static JsonObject KeyCounts(Dictionary<string, int> counts)
    {
        var json = new JsonObject();
        foreach (var (id, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            json[id] = count;
        }

        return json;
    }

    private static IConfiguration Configuration(string? file)
    {
        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new CliUsageException($"The configuration file '{file}' does not exist.");
            }

            builder.AddJsonFile(Path.GetFullPath(file), optional: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }

    private static ServiceProvider Services(IConfiguration configuration, StoreTarget? store)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.None));
        var builder = services.AddMfa(configuration.GetSection("Mfa"), o => o.SweepInterval = TimeSpan.Zero);
        switch (store?.Provider)
        {
            case "sqlite":
                builder.UseSqlite(store.Connection, o =>
                {
                    store.ConfigureSqlite(o);
                    o.RunMigrationsAtStartup = false;
                });
                break;
            case "postgresql":
                builder.UsePostgreSql(store.Connection, o =>
                {
                    store.ConfigurePostgreSql(o);
                    o.RunMigrationsAtStartup = false;
                });
                break;
            default:
                builder.UseInMemoryStores();
                break;
        }

        // The factors whose records hold protected secrets; records of other factors are counted as skipped.
        builder.AddTotp().AddHotp();
        return services.BuildServiceProvider();
    }

    /// <summary>The configured ring's ids, or a usage error with the validator's messages (which never hold key bytes).</summary>
    private static (string Primary, IReadOnlyList<string> Ids) Ring(ServiceProvider services)
    {
        MfaOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<MfaOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            throw new CliUsageException("the key configuration is not valid: " + string.Join(" ", e.Failures));
        }

        var ids = new List<string>();
        if (options.SecretKey is not null)
        {
            ids.Add(MfaOptions.DefaultSecretKeyId);
        }

        ids.AddRange(options.SecretKeys.Keys.Order(StringComparer.Ordinal));
        return (options.PrimarySecretKeyId ?? ids[0], ids);
    }

    /// <summary>The sums over every page.</summary>
    private sealed class Totals
    {
        public int Moved { get; private set; }

        public int AlreadyCurrent { get; private set; }

        public int Unreadable { get; private set; }

        public int Conflicts { get; private set; }

        public int Skipped { get; private set; }

        public Dictionary<string, int> KeyIds { get; } = new(StringComparer.Ordinal);

        public void Add(SecretReencryptionPage page)
        {
            Moved += page.Moved;
            AlreadyCurrent += page.AlreadyCurrent;
            Unreadable += page.Unreadable;
            Conflicts += page.Conflicts;
            Skipped += page.Skipped;
            foreach (var (id, count) in page.KeyIds)
            {
                KeyIds[id] = KeyIds.GetValueOrDefault(id) + count;
            }
        }
    }
}
