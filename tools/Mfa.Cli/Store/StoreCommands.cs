using System.Data.Common;
using System.Text.Json.Nodes;
using Mfa.Cli.Cli;

namespace Mfa.Cli.Store;

/// <summary>The <c>mfa store</c> commands: create, upgrade and inspect the schema of a durable store.</summary>
internal static class StoreCommands
{
    public static async Task<int> RunAsync(string command, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var arguments = CliArguments.Parse(args);
        var provider = arguments.Required("provider");
        var connection = arguments.Required("connection");
        var prefix = arguments.Optional("prefix");
        var schema = arguments.Optional("schema");
        arguments.EnsureAllUsed();
        if (provider is not ("sqlite" or "postgresql"))
        {
            throw new CliUsageException($"Unknown provider '{provider}': use sqlite or postgresql.");
        }

        if (schema is not null && provider != "postgresql")
        {
            throw new CliUsageException("Option --schema is for --provider postgresql.");
        }

        var store = new StoreTarget(provider, connection, prefix, schema);
        try
        {
            return command switch
            {
                "migrate" => await MigrateAsync(store, output).ConfigureAwait(false),
                "version" => await VersionAsync(store, output).ConfigureAwait(false),
                _ => throw new CliUsageException($"Unknown store command '{command}'."),
            };
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        catch (DbException e)
        {
            // The message of a driver error names the server or file, never the password of the connection string.
            await error.WriteLineAsync($"mfa: the {provider} store failed: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static async Task<int> MigrateAsync(StoreTarget store, TextWriter output)
    {
        var before = await store.GetVersionAsync().ConfigureAwait(false);
        var applied = await store.MigrateAsync().ConfigureAwait(false);
        CliJson.Write(output, new JsonObject
        {
            ["provider"] = store.Provider,
            ["from"] = before,
            ["to"] = await store.GetVersionAsync().ConfigureAwait(false),
            ["applied"] = applied,
        });
        return ExitCodes.Success;
    }

    private static async Task<int> VersionAsync(StoreTarget store, TextWriter output)
    {
        var version = await store.GetVersionAsync().ConfigureAwait(false);
        CliJson.Write(output, new JsonObject
        {
            ["provider"] = store.Provider,
            ["version"] = version,
            ["latest"] = store.LatestVersion,
            ["current"] = version >= store.LatestVersion,
        });
        return ExitCodes.Success;
    }
}
