using Mfa.Storage.Relational;

namespace Mfa.Storage.PostgreSql;

/// <summary>Options of the PostgreSQL store (<c>UsePostgreSql</c>).</summary>
/// <remarks>
/// Every app server of a fleet points at the same database; the stores' statements are atomic across servers. Give the
/// database user the right to create tables in <see cref="Schema"/> when <see cref="RelationalStoreOptions.RunMigrationsAtStartup"/>
/// is on, or run <c>mfa store migrate</c> with such a user and turn it off.
/// <para>
/// PgBouncer in transaction pooling mode: the stores keep no session state (no <c>SET</c>, no temporary tables, no
/// <c>LISTEN</c>, no server-side prepared statements unless <see cref="PrepareStatements"/> is on, which needs a pooler
/// that tracks them: PgBouncer 1.21+ with <c>max_prepared_statements</c>); every statement or batch is
/// its own transaction, and the store's connections skip Npgsql's session reset (<c>No Reset On Close</c>). Only the
/// migration takes a lock (a transaction-scoped advisory lock); point <see cref="MigrationConnectionString"/> at the
/// server itself so that it never runs through the pooler.
/// </para>
/// </remarks>
public sealed class PostgreSqlStoreOptions : RelationalStoreOptions
{
    /// <summary>The schema that holds the MFA tables; created by the first migration if it does not exist.</summary>
    /// <value>Default <c>public</c>; a lowercase letter then up to 29 lowercase letters, digits or underscores.</value>
    public string Schema { get; set; } = "public";

    /// <summary>
    /// The connection string the schema migration uses (it takes an advisory lock so that servers migrating at once wait
    /// for each other): the PostgreSQL server directly when <see cref="RelationalStoreOptions.ConnectionString"/> goes
    /// through a pooler such as PgBouncer.
    /// </summary>
    /// <value>Default <see langword="null"/>: the migration uses <see cref="RelationalStoreOptions.ConnectionString"/>.</value>
    public string? MigrationConnectionString { get; set; }

    /// <summary>
    /// Whether each connection prepares the store's statements on the server (Npgsql's automatic preparation), so that
    /// PostgreSQL parses and plans each of them once per connection instead of on every call.
    /// </summary>
    /// <value>
    /// Default <see langword="false"/>. Turn it on when <see cref="RelationalStoreOptions.ConnectionString"/> reaches the
    /// server directly, or through PgBouncer 1.21 or later with <c>max_prepared_statements</c> set: measured at 32 callers,
    /// it took 30–40 % off a sign-in's cost against one committed UPDATE (benchmarks/README.md, "Stores"). Leave it off behind a pooler
    /// in transaction mode that does not track prepared statements (PgBouncer before 1.21): there a statement prepared on
    /// one server connection is missing on the next, and every store call fails as unavailable.
    /// A <c>Max Auto Prepare</c> in the connection string takes precedence.
    /// </value>
    public bool PrepareStatements { get; set; }
}
