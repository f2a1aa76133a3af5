namespace Mfa.Core.Service;

/// <summary>One page of users for an admin view (<see cref="IMfaAdministration.ListUsersAsync"/>).</summary>
public sealed class MfaUserPage : MfaResult
{
    private MfaUserPage(MfaFailureReason reason, IReadOnlyList<MfaUserStatus> users, string? next)
        : base(reason, message: null)
    {
        Users = users;
        Next = next;
    }

    /// <summary>The users' status (requirement, factors, last use, lockout), in ascending id order.</summary>
    public IReadOnlyList<MfaUserStatus> Users { get; }

    /// <summary>The id to pass as <c>afterUserId</c> for the next page, or <see langword="null"/> after the last page.</summary>
    public string? Next { get; }

    internal static MfaUserPage Success(IReadOnlyList<MfaUserStatus> users, string? next) => new(MfaFailureReason.None, users, next);

    internal static MfaUserPage Failure(MfaFailureReason reason) => new(reason, [], null);
}
