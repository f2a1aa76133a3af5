using Mfa.AspNetCore.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>The services every handler uses, resolved once per request.</summary>
internal sealed class MfaEnvironment(IServiceProvider services)
{
    public MfaAspNetCoreOptions Options { get; } = services.GetRequiredService<IOptions<MfaAspNetCoreOptions>>().Value;

    public IMfaService Mfa { get; } = services.GetRequiredService<IMfaService>();

    public TimeProvider Time { get; } = services.GetRequiredService<TimeProvider>();

    public FactorBindings Factors { get; } = services.GetRequiredService<FactorBindings>();

    public PendingLookups Lookups { get; } = services.GetRequiredService<PendingLookups>();

    public IAntiforgery Antiforgery { get; } = services.GetRequiredService<IAntiforgery>();

    public IAuthenticatorStore Authenticators { get; } = services.GetRequiredService<IAuthenticatorStore>();

    public ILogger Logger { get; } = services.GetRequiredService<ILoggerFactory>().CreateLogger("Mfa.AspNetCore");

    public static MfaEnvironment Of(HttpContext context) => new(context.RequestServices);
}
