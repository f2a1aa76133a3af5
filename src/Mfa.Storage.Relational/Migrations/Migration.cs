using System.Reflection;
using System.Text.RegularExpressions;

namespace Mfa.Storage.Relational.Migrations;

/// <summary>One versioned schema change: a SQL script embedded in a provider assembly.</summary>
/// <param name="Version">The version the script brings the schema to (1, 2, ...).</param>
/// <param name="Name">The script's name, recorded in the version table.</param>
/// <param name="Script">The SQL, with <c>{prefix}</c> (and for PostgreSQL <c>{schema}</c>) still to expand.</param>
internal sealed partial record Migration(int Version, string Name, string Script)
{
    /// <summary>Loads the scripts named <c>NNNN_name.sql</c> embedded in <paramref name="assembly"/>, in version order.</summary>
    /// <param name="assembly">The provider assembly.</param>
    /// <returns>The migrations, versions 1 to N without gaps.</returns>
    /// <exception cref="InvalidOperationException">The embedded scripts are not numbered 1 to N.</exception>
    public static IReadOnlyList<Migration> LoadEmbedded(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ScriptName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded migration '{resource}' cannot be read.");
            using var reader = new StreamReader(stream);
            var version = int.Parse(match.Groups["version"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            migrations.Add(new Migration(version, match.Groups["name"].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"The migrations embedded in {assembly.GetName().Name} must be numbered 1 to N without gaps.");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"\.Migrations\.(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScriptName();
}
