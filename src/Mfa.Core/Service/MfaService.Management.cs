using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Policy;

namespace Mfa.Core.Service;

/// <summary>Status, listing, renaming, removal (with the last-authenticator guard) and the administrative path.</summary>
internal sealed partial class MfaService : IMfaAdministration
{
    public async Task<MfaUserStatus> GetStatusAsync(MfaUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = _time.GetUtcNow();
        var settings = await _userSettings.GetOrCreateAsync(user.Id, now, cancellationToken).ConfigureAwait(false);
        var records = await _authenticators.ListByUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var requirement = settings.Requirement ?? DefaultRequirement;
        var graceEnds = settings.FirstSeenAt + Options.EnrollmentGracePeriod;
        var usable = records.Count(IsUsable);
        var state = (usable, requirement) switch
        {
            ( > 0, _) => MfaUserState.Enrolled,
            (_, MfaRequirement.Optional) => MfaUserState.NotRequired,
            _ when now < graceEnds => MfaUserState.InGracePeriod,
            _ => MfaUserState.MustEnroll,
        };

        var lockout = await _lockout.CheckUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var hardLocked = new List<string>();
        foreach (var record in records)
        {
            if (await _lockout.IsAuthenticatorLockedAsync(record.Id, cancellationToken).ConfigureAwait(false))
            {
                hardLocked.Add(record.Id);
            }
        }

        return new MfaUserStatus
        {
            UserId = user.Id,
            Requirement = requirement,
            RequirementIsUserSpecific = settings.Requirement is not null,
            State = state,
            EnrolledFactors = [.. records.Select(r => r.Kind).Distinct(StringComparer.Ordinal)],
            Authenticators = [.. records.Select(Info)],
            LastUsedAt = records.Max(r => r.LastUsedAt),
            GracePeriodEndsAt = requirement == MfaRequirement.Required && usable == 0 ? graceEnds : null,
            IsLockedOut = lockout.IsLockedOut,
            RetryAfter = lockout.RetryAfter,
            HardLockedAuthenticators = hardLocked,
            RecoveryCodesRemaining = await _recoveryCodes.CountRemainingAsync(user.Id, cancellationToken).ConfigureAwait(false),
        };
    }

    public async Task<IReadOnlyList<AuthenticatorInfo>> ListAuthenticatorsAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var records = await _authenticators.ListByUserAsync(userId, cancellationToken).ConfigureAwait(false);
        return [.. records.Select(Info)];
    }

    public IMfaAdministration Administration => this;

    public Task<MfaOperationResult> RenameAuthenticatorAsync(MfaUser user, string authenticatorId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(authenticatorId);
        ArgumentNullException.ThrowIfNull(name);
        return GuardedAsync(
            user.Id,
            async () => HasRecentProof(user, "rename")
                ? await RenameCoreAsync(user.Id, authenticatorId, name, byAdministrator: false, cancellationToken).ConfigureAwait(false)
                : MfaOperationResult.Failure(MfaFailureReason.ReauthenticationRequired),
            static reason => MfaOperationResult.Failure(reason));
    }

    public Task<MfaOperationResult> RemoveAuthenticatorAsync(MfaUser user, string authenticatorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(authenticatorId);
        return GuardedAsync(
            user.Id,
            async () => HasRecentProof(user, "remove")
                ? await RemoveCoreAsync(user.Id, authenticatorId, force: false, byAdministrator: false, cancellationToken).ConfigureAwait(false)
                : MfaOperationResult.Failure(MfaFailureReason.ReauthenticationRequired),
            static reason => MfaOperationResult.Failure(reason));
    }

    Task<MfaOperationResult> IMfaAdministration.RenameAuthenticatorAsync(string userId, string authenticatorId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(authenticatorId);
        ArgumentNullException.ThrowIfNull(name);
        return GuardedAsync(userId, () => RenameCoreAsync(userId, authenticatorId, name, byAdministrator: true, cancellationToken), static reason => MfaOperationResult.Failure(reason));
    }

    Task<MfaOperationResult> IMfaAdministration.RemoveAuthenticatorAsync(string userId, string authenticatorId, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(authenticatorId);
        return GuardedAsync(userId, () => RemoveCoreAsync(userId, authenticatorId, force, byAdministrator: true, cancellationToken), static reason => MfaOperationResult.Failure(reason));
    }

    private async Task<MfaOperationResult> RenameCoreAsync(string userId, string authenticatorId, string name, bool byAdministrator, CancellationToken cancellationToken)
    {
        if (!AuthenticatorNames.TryNormalize(name, out var trimmed))
        {
            return MfaOperationResult.Failure(MfaFailureReason.MalformedInput, AuthenticatorNames.Rule);
        }

        var record = await _authenticators.FindByIdAsync(authenticatorId, cancellationToken).ConfigureAwait(false);
        if (record is null || record.UserId != userId)
        {
            return MfaOperationResult.Failure(MfaFailureReason.UnknownAuthenticator);
        }

        var updated = await _authenticators.TryUpdateAsync(record with { Name = trimmed }, cancellationToken).ConfigureAwait(false);
        if (updated is null)
        {
            return MfaOperationResult.Failure(MfaFailureReason.ConcurrencyConflict);
        }

        if (byAdministrator)
        {
            MfaLog.AdministratorRenamedAuthenticator(_logger, authenticatorId, userId);
        }
        else
        {
            MfaLog.AuthenticatorRenamed(_logger, authenticatorId, userId);
        }

        return MfaOperationResult.Success(Info(updated));
    }

    private async Task<MfaOperationResult> RemoveCoreAsync(string userId, string authenticatorId, bool force, bool byAdministrator, CancellationToken cancellationToken)
    {
        var records = await _authenticators.ListByUserAsync(userId, cancellationToken).ConfigureAwait(false);
        var record = records.FirstOrDefault(r => r.Id == authenticatorId);
        if (record is null)
        {
            return MfaOperationResult.Failure(MfaFailureReason.UnknownAuthenticator);
        }

        // Only authenticators of registered, allowed factors can answer a challenge: the guard counts those. Removing one
        // that cannot be used takes nothing away from the user.
        var required = await RequirementOfAsync(userId, cancellationToken).ConfigureAwait(false) == MfaRequirement.Required;
        var takesUsable = required && IsUsable(record);
        if (takesUsable && !records.Any(r => r.Id != record.Id && IsUsable(r)) && !force)
        {
            MfaLog.LastAuthenticatorRemovalRefused(_logger, authenticatorId, userId);
            return MfaOperationResult.Failure(MfaFailureReason.LastAuthenticator);
        }

        if (!await _authenticators.TryDeleteAsync(record.Id, record.Version, cancellationToken).ConfigureAwait(false))
        {
            return MfaOperationResult.Failure(MfaFailureReason.ConcurrencyConflict);
        }

        var remaining = await _authenticators.ListByUserAsync(userId, cancellationToken).ConfigureAwait(false);
        var lockedOut = takesUsable && !remaining.Any(IsUsable);
        if (lockedOut && !force)
        {
            // Two concurrent removals each saw another authenticator left; put this one back rather than strand the user.
            await _authenticators.TryCreateAsync(record, cancellationToken).ConfigureAwait(false);
            MfaLog.LastAuthenticatorRemovalRefused(_logger, authenticatorId, userId);
            return MfaOperationResult.Failure(MfaFailureReason.LastAuthenticator);
        }

        await _lockout.ForgetAuthenticatorAsync(record.Id, cancellationToken).ConfigureAwait(false);
        if (byAdministrator)
        {
            MfaLog.AdministratorRemovedAuthenticator(_logger, authenticatorId, record.Kind, userId);
        }
        else
        {
            MfaLog.AuthenticatorRemoved(_logger, authenticatorId, record.Kind, userId);
        }

        if (lockedOut)
        {
            MfaLog.UserLockedOutByRemoval(_logger, authenticatorId, userId);
        }

        return MfaOperationResult.Success(Info(record), lockedOut);
    }

    async Task IMfaAdministration.SetRequirementAsync(string userId, MfaRequirement? requirement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await _userSettings.SetRequirementAsync(userId, requirement, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var described = requirement switch
        {
            MfaRequirement.Required => "required",
            MfaRequirement.Optional => "optional",
            _ => "default",
        };
        MfaLog.RequirementChanged(_logger, userId, described);
    }

    async Task IMfaAdministration.UnlockAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        foreach (var record in await _authenticators.ListByUserAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            await _lockout.RecordSuccessAsync(userId, record.Id, cancellationToken).ConfigureAwait(false);
        }

        await _lockout.RecordSuccessAsync(userId, authenticatorId: null, cancellationToken).ConfigureAwait(false);
        MfaLog.Unlocked(_logger, userId);
    }

    /// <summary>Whether the authenticator can answer a challenge under the current policy (its factor is registered and allowed).</summary>
    private bool IsUsable(AuthenticatorRecord record) => TryGetAllowedFactor(record.Kind, out _);

    private MfaRequirement DefaultRequirement => Options.RequireMfaByDefault ? MfaRequirement.Required : MfaRequirement.Optional;

    private async Task<MfaRequirement> RequirementOfAsync(string userId, CancellationToken cancellationToken)
    {
        var settings = await _userSettings.GetOrCreateAsync(userId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return settings.Requirement ?? DefaultRequirement;
    }

    /// <summary>What may be shown of <paramref name="record"/>, with its factor's word on whether it is usable and what variant it is.</summary>
    private AuthenticatorInfo Info(AuthenticatorRecord record)
    {
        _factors.TryGetValue(record.Kind, out var factor);
        return AuthenticatorInfo.From(record) with
        {
            IsUsable = factor is not IAuthenticatorHealth health || health.IsUsable(record),
            Variant = (factor as IAuthenticatorDescriber)?.DescribeVariant(record),
        };
    }
}
