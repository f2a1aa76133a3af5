using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Mfa.Storage.Relational;

/// <summary>Validates the options every SQL provider shares; providers add their own rules.</summary>
/// <typeparam name="TOptions">The provider's options.</typeparam>
internal partial class RelationalStoreOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : RelationalStoreOptions
{
    private static readonly TimeSpan s_minTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_minSweep = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxSweep = TimeSpan.FromDays(1);

    /// <summary>Whether a name can be spliced into SQL as an identifier (it is also quoted).</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is a lowercase letter then up to 29 lowercase letters, digits or underscores.</returns>
    public static bool IsSafeIdentifier(string name) => IdentifierPattern().IsMatch(name);

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            result.AddError("A connection string is required.", nameof(RelationalStoreOptions.ConnectionString));
        }

        if (options.CommandTimeout < s_minTimeout || options.CommandTimeout > s_maxTimeout)
        {
            result.AddError($"Must be between {s_minTimeout} and {s_maxTimeout}.", nameof(RelationalStoreOptions.CommandTimeout));
        }

        if (options.TablePrefix is null || (options.TablePrefix.Length > 0 && !IsSafeIdentifier(options.TablePrefix)))
        {
            result.AddError("Must be empty, or a lowercase letter then up to 29 lowercase letters, digits or underscores.", nameof(RelationalStoreOptions.TablePrefix));
        }

        if (options.SweepInterval != TimeSpan.Zero && (options.SweepInterval < s_minSweep || options.SweepInterval > s_maxSweep))
        {
            result.AddError($"Must be zero (off) or between {s_minSweep} and {s_maxSweep}.", nameof(RelationalStoreOptions.SweepInterval));
        }

        ValidateProvider(options, result);
        return result.Build();
    }

    /// <summary>Adds the provider's own rules.</summary>
    /// <param name="options">The options.</param>
    /// <param name="result">The errors so far.</param>
    protected virtual void ValidateProvider(TOptions options, ValidateOptionsResultBuilder result)
    {
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,29}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdentifierPattern();
}
