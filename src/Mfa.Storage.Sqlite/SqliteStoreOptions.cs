using Mfa.Storage.Relational;

namespace Mfa.Storage.Sqlite;

/// <summary>Options of the SQLite store (<c>UseSqlite</c>).</summary>
/// <remarks>
/// The database file is switched to WAL mode by the first migration, so readers never block the writer and several
/// processes on one machine can share it. Writers wait for each other for up to <see cref="RelationalStoreOptions.CommandTimeout"/>.
/// Put the file on a local disk: SQLite's locking is not reliable on network file systems.
/// </remarks>
public sealed class SqliteStoreOptions : RelationalStoreOptions
{
}
