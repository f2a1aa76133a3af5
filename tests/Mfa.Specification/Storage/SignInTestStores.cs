using Mfa.Core.Storage;

namespace Mfa.Specification.Storage;

/// <summary>A sign-in store with the single-purpose stores over the same data, to set up and check what it did.</summary>
/// <param name="SignIn">The store under test.</param>
/// <param name="Authenticators">The authenticator records.</param>
/// <param name="Challenges">The pending challenges.</param>
/// <param name="Counters">The attempt counters.</param>
/// <param name="ReplayGuard">The replay guards.</param>
public sealed record SignInTestStores(ISignInStore SignIn, IAuthenticatorStore Authenticators, IChallengeStore Challenges, IAttemptCounterStore Counters, IReplayGuardStore ReplayGuard);
