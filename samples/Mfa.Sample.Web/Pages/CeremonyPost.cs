using System.Text.Json;

namespace Mfa.Sample.Web.Pages;

/// <summary>What the page's script posts back after a WebAuthn ceremony (or a poll).</summary>
internal sealed class CeremonyPost
{
    public string? Id { get; set; }

    public JsonElement Response { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    /// <summary>
    /// Where to go after a sign-in from the sign-in page. In the body, not the query: a cookie sign-in on the login path
    /// would otherwise redirect to a <c>returnUrl</c> query parameter itself.
    /// </summary>
    public string? ReturnUrl { get; set; }
}
