using System.Globalization;

namespace Mfa.Sample.Web.Hosting;

/// <summary>The one address the sample listens on, and the origin browsers use for it.</summary>
internal static class SampleUrls
{
    public static Uri Resolve(IConfiguration configuration)
    {
        var configured = configuration["urls"] ?? configuration["ASPNETCORE_URLS"];
        var first = string.IsNullOrWhiteSpace(configured) ? SampleApp.DefaultUrl : configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var uri = new Uri(first.Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Port == 0)
        {
            throw new InvalidOperationException("The sample needs a fixed port (WebAuthn origins are checked): pass --urls http://127.0.0.1:PORT.");
        }

        return uri;
    }

    /// <summary>An IP loopback address becomes <c>localhost</c>: a WebAuthn relying party id must be a domain.</summary>
    public static string BrowserOrigin(Uri url)
    {
        var host = url.IsLoopback ? "localhost" : url.Host;
        return string.Create(CultureInfo.InvariantCulture, $"{url.Scheme}://{host}:{url.Port}");
    }
}
