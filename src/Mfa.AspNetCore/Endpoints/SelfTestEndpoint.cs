using System.Text;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>
/// Serves mfa.js's self-test page (embedded, not a static asset) with its module import pointed at the package's
/// <c>_content/Mfa.AspNetCore/mfa.js</c>, so an end-to-end test can open <c>{prefix}/self-test</c> and read
/// <c>window.mfaTestResult</c>.
/// </summary>
internal static class SelfTestEndpoint
{
    private static readonly Lazy<string> s_page = new(() =>
    {
        using var stream = typeof(SelfTestEndpoint).Assembly.GetManifestResourceStream("Mfa.AspNetCore.mfa.test.html")
            ?? throw new InvalidOperationException("The embedded self-test page is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static Task HandleAsync(HttpContext context)
    {
        var script = context.Request.PathBase.Add("/_content/Mfa.AspNetCore/mfa.js").ToUriComponent();
        var page = s_page.Value.Replace("from \"./mfa.js\"", "from \"" + script + "\"", StringComparison.Ordinal);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(page, context.RequestAborted);
    }
}
