namespace Mfa.Sample.Web.Hosting;

/// <summary>Where browsers reach the site (<c>http://localhost:PORT</c>: WebAuthn needs a domain, not an IP address).</summary>
internal sealed record SampleSiteOptions(string Origin);
