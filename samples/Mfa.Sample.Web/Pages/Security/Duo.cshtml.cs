using Mfa.Duo.Emulator;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>
/// Bind the account to a Duo user through <c>mfa.js</c>. With the built-in emulator, the Duo user is created there first
/// (what a Duo admin does in Duo's own console).
/// </summary>
internal sealed class DuoModel(IServiceProvider services) : SamplePageModel
{
    public bool Emulated => services.GetService<DuoEmulator>() is not null;

    /// <summary>Emulator only: makes sure Duo knows the user (passcode <c>123456</c>); returns the Duo username to bind.</summary>
    public IActionResult OnPostPrepare([FromBody] PrepareRequest request)
    {
        var username = string.IsNullOrWhiteSpace(request.Username) ? User.Identity?.Name ?? UserId : request.Username.Trim();
        if (services.GetService<DuoEmulator>() is { } emulator && emulator.GetUser(username) is null)
        {
            emulator.AddUser(username).WithPasscode("123456");
        }

        return new JsonResult(new { username });
    }

    internal sealed record PrepareRequest(string? Username);
}
