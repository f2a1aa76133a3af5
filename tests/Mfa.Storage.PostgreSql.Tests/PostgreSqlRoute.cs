namespace Mfa.Storage.PostgreSql.Tests;

/// <summary>How the stores under test reach the PostgreSQL server; the specification fixtures run once per route.</summary>
public enum PostgreSqlRoute
{
    /// <summary>Straight to the server (<c>MFA_TEST_POSTGRES</c>).</summary>
    Direct = 0,

    /// <summary>Through PgBouncer in transaction pooling mode (<c>MFA_TEST_PGBOUNCER</c>); migrations still go direct.</summary>
    PgBouncer = 1,

    /// <summary>
    /// Straight to the server with the options that are off by default: statements prepared on the server
    /// (<see cref="PostgreSqlStoreOptions.PrepareStatements"/>) and begun challenges flushed before begin returns
    /// (<see cref="Relational.RelationalStoreOptions.DurableChallengeBegin"/>).
    /// </summary>
    DirectPrepared = 2,
}
