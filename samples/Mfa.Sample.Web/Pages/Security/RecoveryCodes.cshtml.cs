using Mfa.Core;
using Mfa.Core.Service;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>Generate recovery codes through <c>mfa.js</c> (shown once; the old set stops working).</summary>
internal sealed class RecoveryCodesModel(IMfaService mfa) : SamplePageModel
{
    public int Remaining { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Remaining = (await mfa.GetStatusAsync(new MfaUser(UserId, User.Identity?.Name ?? UserId), cancellationToken)).RecoveryCodesRemaining;
}
