using Mfa.Storage.Relational;
using Microsoft.Extensions.Options;

namespace Mfa.Storage.PostgreSql;

/// <summary>Validates <see cref="PostgreSqlStoreOptions"/>.</summary>
internal sealed class PostgreSqlStoreOptionsValidator : RelationalStoreOptionsValidator<PostgreSqlStoreOptions>
{
    protected override void ValidateProvider(PostgreSqlStoreOptions options, ValidateOptionsResultBuilder result)
    {
        if (options.Schema is null || !IsSafeIdentifier(options.Schema))
        {
            result.AddError("Must be a lowercase letter then up to 29 lowercase letters, digits or underscores.", nameof(PostgreSqlStoreOptions.Schema));
        }
    }
}
