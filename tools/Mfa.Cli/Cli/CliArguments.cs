using System.Globalization;

namespace Mfa.Cli.Cli;

/// <summary>
/// A command's arguments: <c>--name value</c> options (repeatable), <c>--flag</c> switches and positional values.
/// Every option must be consumed by the command, so a misspelt option is a usage error rather than silently ignored.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    private CliArguments(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses arguments; <paramref name="flagNames"/> are the switches that take no value.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, params string[] flagNames)
    {
        var positional = new List<string>();
        var parsed = new CliArguments(positional);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            if (flagNames.Contains(name, StringComparer.Ordinal))
            {
                parsed._flags.Add(name);
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new CliUsageException($"Option --{name} needs a value.");
            }

            if (!parsed._options.TryGetValue(name, out var values))
            {
                values = [];
                parsed._options[name] = values;
            }

            values.Add(args[++i]);
        }

        return parsed;
    }

    public string Required(string name) => Optional(name) ?? throw new CliUsageException($"Option --{name} is required.");

    public string? Optional(string name)
    {
        var values = All(name);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new CliUsageException($"Option --{name} may be given once."),
        };
    }

    public IReadOnlyList<string> All(string name)
    {
        _consumed.Add(name);
        return _options.TryGetValue(name, out var values) ? values : [];
    }

    public bool Flag(string name) => _flags.Contains(name);

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new CliUsageException($"Option --{name} must be a whole number from {min} to {max}.");
        }

        return value;
    }

    public long? Long(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliUsageException($"Option --{name} must be a whole number.");
    }

    /// <summary>Fails on options the command did not read, and on more positional values than it takes.</summary>
    public void EnsureAllUsed(int maxPositional = 0)
    {
        var unknown = _options.Keys.FirstOrDefault(k => !_consumed.Contains(k));
        if (unknown is not null)
        {
            throw new CliUsageException($"Unknown option --{unknown}.");
        }

        if (Positional.Count > maxPositional)
        {
            throw new CliUsageException($"Unexpected argument '{Positional[maxPositional]}'.");
        }
    }
}
