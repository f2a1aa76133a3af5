namespace Mfa.Sample.Web.Hosting;

/// <summary>Sends a browser that came through <c>127.0.0.1</c> to the same page on <c>localhost</c>, where WebAuthn works.</summary>
internal sealed class LocalhostRedirectMiddleware(RequestDelegate next, SampleSiteOptions site)
{
    private readonly Uri _origin = new(site.Origin);

    public Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        if (_origin.Host == "localhost" && host != "localhost" && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            context.Response.Redirect(site.Origin + context.Request.PathBase + context.Request.Path + context.Request.QueryString);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
