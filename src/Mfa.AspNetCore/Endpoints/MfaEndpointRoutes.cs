namespace Mfa.AspNetCore.Endpoints;

/// <summary>Where <c>MapMfaEndpoints</c> put the routes (the pending cookie's path).</summary>
internal sealed class MfaEndpointRoutes
{
    /// <summary>The route prefix, for example <c>/mfa</c>.</summary>
    public string Prefix { get; set; } = "/mfa";
}
