using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace Mfa.Sample.Web.Accounts;

/// <summary>
/// The sample's own account store: username + password (PBKDF2 through ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/>) in a table of the same SQLite file as the MFA store. The first account created is
/// the administrator, unless <c>Sample:AdminUsername</c> names one.
/// </summary>
internal sealed class AccountStore
{
    private const int MinPasswordLength = 8;
    private readonly string _connectionString;
    private readonly string? _adminUsername;
    private readonly TimeProvider _time;
    private readonly PasswordHasher<Account> _hasher = new();

    public AccountStore(string connectionString, string? adminUsername, TimeProvider time)
    {
        _connectionString = connectionString;
        _adminUsername = string.IsNullOrWhiteSpace(adminUsername) ? null : adminUsername.Trim();
        _time = time;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS sample_accounts (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                password_hash TEXT NOT NULL,
                is_admin INTEGER NOT NULL,
                created_at INTEGER NOT NULL)
            """;
        command.ExecuteNonQuery();
    }

    public static string? CheckNewPassword(string? password) =>
        password is null || password.Length < MinPasswordLength ? $"Choose a password of at least {MinPasswordLength} characters." : null;

    public static string? CheckUsername(string? username) =>
        string.IsNullOrWhiteSpace(username) || username.Trim().Length > 64 || !username.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@')
            ? "A username is 1 to 64 letters, digits, '.', '-', '_' or '@'."
            : null;

    /// <summary>Creates an account; <see langword="null"/> when the username is taken.</summary>
    public async Task<Account?> CreateAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        username = username.Trim();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var created = _time.GetUtcNow();
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        // One statement: the first account (or the configured admin name) becomes the administrator.
        command.CommandText = """
            INSERT INTO sample_accounts (id, username, password_hash, is_admin, created_at)
            SELECT $id, $username, $hash,
                   CASE WHEN $admin IS NOT NULL THEN ($admin = $username COLLATE NOCASE)
                        ELSE NOT EXISTS (SELECT 1 FROM sample_accounts) END,
                   $created
            WHERE NOT EXISTS (SELECT 1 FROM sample_accounts WHERE username = $username)
            RETURNING is_admin
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$username", username);
        command.Parameters.AddWithValue("$hash", _hasher.HashPassword(null!, password));
        command.Parameters.AddWithValue("$admin", (object?)_adminUsername ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", created.ToUnixTimeSeconds());
        try
        {
            var isAdmin = await command.ExecuteScalarAsync(cancellationToken);
            return isAdmin is null ? null : new Account(id, username, Convert.ToInt64(isAdmin, CultureInfo.InvariantCulture) != 0, created);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            return null; // SQLITE_CONSTRAINT: taken by a concurrent sign-up
        }
    }

    /// <summary>The account when the password matches; <see langword="null"/> otherwise (same answer for an unknown name).</summary>
    public async Task<Account?> CheckPasswordAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        var (account, hash) = await FindAsync("username = $v", username.Trim(), cancellationToken);
        if (account is null || hash is null)
        {
            _hasher.VerifyHashedPassword(null!, s_dummyHash, password); // same work for an unknown user
            return null;
        }

        var result = _hasher.VerifyHashedPassword(account, hash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await SetPasswordAsync(account.Id, password, cancellationToken);
        }

        return result == PasswordVerificationResult.Failed ? null : account;
    }

    public async Task<Account?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        (await FindAsync("id = $v", id, cancellationToken)).Account;

    public async Task<Account?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default) =>
        (await FindAsync("username = $v", username.Trim(), cancellationToken)).Account;

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, username, is_admin, created_at FROM sample_accounts ORDER BY created_at, username";
        var accounts = new List<Account>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(Read(reader));
        }

        return accounts;
    }

    public async Task SetPasswordAsync(string id, string password, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE sample_accounts SET password_hash = $hash WHERE id = $id";
        command.Parameters.AddWithValue("$hash", _hasher.HashPassword(null!, password));
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static readonly string s_dummyHash = new PasswordHasher<Account>().HashPassword(null!, "not a password of anyone");

    private static Account Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2) != 0,
        DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(3)));

    private async Task<(Account? Account, string? Hash)> FindAsync(string where, string value, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, username, is_admin, created_at, password_hash FROM sample_accounts WHERE " + where;
        command.Parameters.AddWithValue("$v", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Read(reader), reader.GetString(4)) : (null, null);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
