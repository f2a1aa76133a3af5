using Mfa.Core.Storage;

namespace Mfa.Specification.Storage;

/// <summary>An <see cref="IEnrollmentStore"/> with the stores it writes to, so a specification can see every effect.</summary>
/// <param name="Enrollments">The store under test.</param>
/// <param name="Challenges">Where the enrollment is pending.</param>
/// <param name="Authenticators">Where the record lands.</param>
/// <param name="ReplayGuard">Where the initial step lands.</param>
public sealed record EnrollmentStores(IEnrollmentStore Enrollments, IChallengeStore Challenges, IAuthenticatorStore Authenticators, IReplayGuardStore ReplayGuard) : IAsyncDisposable
{
    /// <summary>What to dispose with the stores (the database), if anything.</summary>
    public IAsyncDisposable? Owner { get; init; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
