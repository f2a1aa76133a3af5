using Microsoft.AspNetCore.Identity;

namespace Mfa.Benchmarks.WebAuthn;

/// <summary>A one-user in-memory Identity store with passkeys, so the comparison measures Identity's passkey code, not a database.</summary>
internal sealed class BenchmarkUserStore(BenchmarkUser user) : IUserPasskeyStore<BenchmarkUser>
{
    public Task AddOrUpdatePasskeyAsync(BenchmarkUser user1, UserPasskeyInfo passkey, CancellationToken cancellationToken)
    {
        Remove(user1, passkey.CredentialId);
        user1.Passkeys.Add(passkey);
        return Task.CompletedTask;
    }

    public Task<IList<UserPasskeyInfo>> GetPasskeysAsync(BenchmarkUser user1, CancellationToken cancellationToken) => Task.FromResult<IList<UserPasskeyInfo>>(user1.Passkeys);

    public Task<BenchmarkUser?> FindByPasskeyIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        Task.FromResult(user.Passkeys.Any(p => p.CredentialId.AsSpan().SequenceEqual(credentialId)) ? user : null);

    public Task<UserPasskeyInfo?> FindPasskeyAsync(BenchmarkUser user1, byte[] credentialId, CancellationToken cancellationToken) =>
        Task.FromResult(user1.Passkeys.FirstOrDefault(p => p.CredentialId.AsSpan().SequenceEqual(credentialId)));

    public Task RemovePasskeyAsync(BenchmarkUser user1, byte[] credentialId, CancellationToken cancellationToken)
    {
        Remove(user1, credentialId);
        return Task.CompletedTask;
    }

    public Task<string> GetUserIdAsync(BenchmarkUser user1, CancellationToken cancellationToken) => Task.FromResult(user1.Id);

    public Task<string?> GetUserNameAsync(BenchmarkUser user1, CancellationToken cancellationToken) => Task.FromResult<string?>(user1.UserName);

    public Task SetUserNameAsync(BenchmarkUser user1, string? userName, CancellationToken cancellationToken)
    {
        user1.UserName = userName ?? string.Empty;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(BenchmarkUser user1, CancellationToken cancellationToken) => Task.FromResult(user1.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(BenchmarkUser user1, string? normalizedName, CancellationToken cancellationToken)
    {
        user1.NormalizedUserName = normalizedName;
        return Task.CompletedTask;
    }

    public Task<IdentityResult> CreateAsync(BenchmarkUser user1, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

    public Task<IdentityResult> UpdateAsync(BenchmarkUser user1, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

    public Task<IdentityResult> DeleteAsync(BenchmarkUser user1, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

    public Task<BenchmarkUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(userId == user.Id ? user : null);

    public Task<BenchmarkUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => Task.FromResult<BenchmarkUser?>(user);

    public void Dispose()
    {
    }

    private static void Remove(BenchmarkUser user1, byte[] credentialId)
    {
        foreach (var existing in user1.Passkeys.Where(p => p.CredentialId.AsSpan().SequenceEqual(credentialId)).ToList())
        {
            user1.Passkeys.Remove(existing);
        }
    }
}
