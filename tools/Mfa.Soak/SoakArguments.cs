using System.Globalization;

namespace Mfa.Soak;

/// <summary>The <c>--name value</c> options of one mode; a missing required option is a usage error.</summary>
internal sealed class SoakArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private SoakArguments()
    {
    }

    public static SoakArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new SoakArguments();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new SoakUsageException($"Unexpected argument '{args[i]}'.");
            }

            var name = args[i][2..];
            parsed._values[name] = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return parsed;
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new SoakUsageException($"Missing option --{name}.");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public IReadOnlyList<string> List(string name) =>
        Required(name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _values.TryGetValue(name, out var value) && value == "true";
}
