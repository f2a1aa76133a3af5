using Microsoft.Extensions.Options;

namespace Mfa.Storage.Relational;

/// <summary>Runs one schema operation against a database opened just for it (the providers' public <c>…StoreSchema</c> classes).</summary>
internal static class RelationalSchema
{
    /// <summary>Validates the options, opens the database, runs <paramref name="operation"/> and closes it.</summary>
    /// <typeparam name="TOptions">The provider's options.</typeparam>
    /// <param name="options">The options, with the connection string set.</param>
    /// <param name="configure">Further configuration from the caller.</param>
    /// <param name="validator">The provider's validator.</param>
    /// <param name="open">Creates the provider's database.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static async Task<int> RunAsync<TOptions>(
        TOptions options,
        Action<TOptions>? configure,
        IValidateOptions<TOptions> validator,
        Func<TOptions, RelationalDatabase> open,
        Func<RelationalDatabase, CancellationToken, Task<int>> operation,
        CancellationToken cancellationToken)
        where TOptions : RelationalStoreOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(operation);
        configure?.Invoke(options);
        var validation = validator.Validate(name: null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(configure));
        }

        var database = open(options);
        await using (database.ConfigureAwait(false))
        {
            return await operation(database, cancellationToken).ConfigureAwait(false);
        }
    }
}
