namespace Mfa.Benchmarks.WebAuthn;

/// <summary>The ASP.NET Core Identity user of the comparison benchmark.</summary>
public sealed class BenchmarkUser
{
    public string Id { get; } = "user-1";

    public string UserName { get; set; } = "alice";

    public string? NormalizedUserName { get; set; }

    public IList<Microsoft.AspNetCore.Identity.UserPasskeyInfo> Passkeys { get; } = [];
}
