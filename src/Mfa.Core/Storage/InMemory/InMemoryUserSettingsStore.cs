using Mfa.Core.Policy;

namespace Mfa.Core.Storage.InMemory;

/// <summary>An in-process <see cref="IUserSettingsStore"/> (and <see cref="IMfaUserDirectory"/>) for tests and samples.</summary>
internal sealed class InMemoryUserSettingsStore : IUserSettingsStore, IMfaUserDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MfaUserSettings> _settings = new(StringComparer.Ordinal);

    public Task<MfaUserSettings> GetOrCreateAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (_gate)
        {
            if (!_settings.TryGetValue(userId, out var settings))
            {
                settings = new MfaUserSettings(userId, Requirement: null, now);
                _settings[userId] = settings;
            }

            return Task.FromResult(settings);
        }
    }

    public Task SetRequirementAsync(string userId, MfaRequirement? requirement, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (_gate)
        {
            var current = _settings.GetValueOrDefault(userId) ?? new MfaUserSettings(userId, Requirement: null, now);
            _settings[userId] = current with { Requirement = requirement };
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListUserIdsAsync(string? afterUserId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        lock (_gate)
        {
            IReadOnlyList<string> page = [.. _settings.Keys
                .Where(id => afterUserId is null || string.CompareOrdinal(id, afterUserId) > 0)
                .Order(StringComparer.Ordinal)
                .Take(limit)];
            return Task.FromResult(page);
        }
    }
}
