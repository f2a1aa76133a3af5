using Mfa.Core;
using Mfa.Core.Service;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>The user's sign-in methods (rename and remove go through <c>mfa.js</c>), and links to add each kind.</summary>
internal sealed class IndexModel(IMfaService mfa) : SamplePageModel
{
    public MfaUserStatus? Status { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Status = await mfa.GetStatusAsync(new MfaUser(UserId, User.Identity?.Name ?? UserId), cancellationToken);
}
