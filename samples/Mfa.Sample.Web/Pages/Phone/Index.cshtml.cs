using Mfa.Push.Device;
using Mfa.Sample.Web.Phone;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Phone;

/// <summary>
/// The "phone": what a push app shows. Its keys live server-side for this page (one phone per browser, by cookie);
/// it enrolls from the link the enrollment page shows and approves, denies or reports sign-in requests.
/// </summary>
internal sealed class IndexModel(PhoneService phones) : SamplePageModel
{
    private const string Cookie = "sample.phone";

    public bool Enrolled { get; private set; }

    public IReadOnlyList<PhoneChallenge> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEnrollAsync(string? link, CancellationToken cancellationToken)
    {
        Error = await phones.EnrollAsync(PhoneId(), link, cancellationToken);
        if (Error is null)
        {
            Flash("This phone is enrolled. Sign-in requests will show here.");
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string challengeId, string action, string? number, CancellationToken cancellationToken)
    {
        var verb = action switch
        {
            "approve" => PushDeviceAction.Approve,
            "report" => PushDeviceAction.Report,
            _ => PushDeviceAction.Deny,
        };
        Flash(await phones.AnswerAsync(PhoneId(), challengeId, verb, number, cancellationToken));
        return RedirectToPage();
    }

    /// <summary>The page refreshes its list with this (no reload while the person types).</summary>
    public async Task<IActionResult> OnGetCountAsync(CancellationToken cancellationToken) =>
        new JsonResult(new { count = (await phones.PendingAsync(PhoneId(), cancellationToken)).Count });

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = PhoneId();
        Enrolled = phones.IsEnrolled(id);
        Requests = await phones.PendingAsync(id, cancellationToken);
    }

    private string PhoneId()
    {
        if (Request.Cookies.TryGetValue(Cookie, out var id) && PhoneService.IsPhoneId(id))
        {
            return id;
        }

        id = PhoneService.NewPhoneId();
        Response.Cookies.Append(Cookie, id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        return id;
    }
}
