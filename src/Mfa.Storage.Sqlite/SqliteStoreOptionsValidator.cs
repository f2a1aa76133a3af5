using Mfa.Storage.Relational;

namespace Mfa.Storage.Sqlite;

/// <summary>Validates <see cref="SqliteStoreOptions"/>.</summary>
internal sealed class SqliteStoreOptionsValidator : RelationalStoreOptionsValidator<SqliteStoreOptions>;
