using System.Security.Claims;
using Mfa.Core;
using Microsoft.AspNetCore.Authentication;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>Who is calling an MFA endpoint: a user between the first factor and MFA (pending), or a signed-in session.</summary>
/// <param name="User">The user, with <c>LastVerifiedAt</c> from the session's <c>mfa_time</c>.</param>
/// <param name="IsPending">Whether this is the "MFA pending" sign-in.</param>
/// <param name="Principal">The authenticated principal of that scheme.</param>
/// <param name="Properties">Its authentication properties.</param>
/// <param name="MfaTime">When the session last completed MFA (never for a pending one).</param>
internal sealed record MfaSession(MfaUser User, bool IsPending, ClaimsPrincipal Principal, AuthenticationProperties? Properties, DateTimeOffset? MfaTime);
