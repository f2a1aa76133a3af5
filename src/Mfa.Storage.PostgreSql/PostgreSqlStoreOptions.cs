using Mfa.Storage.Relational;

namespace Mfa.Storage.PostgreSql;

/// <summary>Options of the PostgreSQL store (<c>UsePostgreSql</c>).</summary>
/// <remarks>
/// Every app server of a fleet points at the same database; the stores' statements are atomic across servers. Give the
/// database user the right to create tables in <see cref="Schema"/> when <see cref="RelationalStoreOptions.RunMigrationsAtStartup"/>
/// is on, or run <c>mfa store migrate</c> with such a user and turn it off.
/// </remarks>
public sealed class PostgreSqlStoreOptions : RelationalStoreOptions
{
    /// <summary>The schema that holds the MFA tables; created by the first migration if it does not exist.</summary>
    /// <value>Default <c>public</c>; a lowercase letter then up to 29 lowercase letters, digits or underscores.</value>
    public string Schema { get; set; } = "public";
}
