using Mfa.Duo;
using Mfa.Duo.Emulator;

namespace Mfa.Sample.Web.Duo;

/// <summary>
/// Duo for the sample: a real Duo account when <c>Duo:ClientId</c> (and the rest of <c>Duo:*</c>) is configured, else the
/// Duo emulator (Mfa.Duo.Emulator) on a loopback port in this process, showing its own Approve/Deny page for the
/// Universal Prompt. <c>Sample:Duo:Failmode</c> and <c>Sample:Duo:AllowedOptions</c> are the admin's settings.
/// </summary>
internal static class SampleDuo
{
    public static async Task<DuoEmulator?> StartEmulatorIfNeededAsync(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Duo:ClientId"]))
        {
            return null;
        }

        return await DuoEmulator.StartAsync(new DuoEmulatorOptions { AutoDecide = false });
    }

    public static void Configure(DuoOptions options, IConfiguration configuration, DuoEmulator? emulator, string origin)
    {
        if (emulator is null)
        {
            configuration.GetSection("Duo").Bind(options);
        }
        else
        {
            options.ClientId = emulator.Options.ClientId;
            options.ClientSecret = emulator.Options.ClientSecret;
            options.IntegrationKey = emulator.Options.IntegrationKey;
            options.SecretKey = emulator.Options.SecretKey;
            options.ApiHost = emulator.ApiHost;
            options.AllowInsecureLoopbackHttp = true;
            // The emulator is local: no retries, short timeouts, so "Duo is down" shows at once.
            options.MaxRetries = 0;
            options.RequestTimeout = TimeSpan.FromSeconds(3);
        }

        options.RedirectUri = new Uri(origin + "/mfa/duo/callback");
        if (Enum.TryParse<DuoFailmode>(configuration["Sample:Duo:Failmode"], ignoreCase: true, out var failmode))
        {
            options.Failmode = failmode;
        }

        if (Enum.TryParse<DuoAuthOptions>(configuration["Sample:Duo:AllowedOptions"], ignoreCase: true, out var allowed))
        {
            options.AllowedAuthOptions = allowed;
        }
    }
}
