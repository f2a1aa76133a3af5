namespace Mfa.Duo.Emulator;

/// <summary>The emulator's configuration: the applications it knows, its clock and its tolerances.</summary>
public sealed class DuoEmulatorOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The API host that iss/aud claims are built from. Default: <c>127.0.0.1:{port}</c>, which a client configured with the emulator's <see cref="DuoEmulator.ApiHost"/> computes too.</summary>
    public string? ApiHost { get; set; }

    /// <summary>The Web SDK application's client id (20 characters).</summary>
    public string ClientId { get; set; } = "DIEMULATORCLIENT0001";

    /// <summary>The Web SDK application's client secret (40 characters).</summary>
    public string ClientSecret { get; set; } = "emulatorclientsecretemulatorclientsecret";

    /// <summary>The Auth API application's integration key (20 characters).</summary>
    public string IntegrationKey { get; set; } = "DIEMULATORAUTHAPI001";

    /// <summary>The Auth API application's secret key (40 characters).</summary>
    public string SecretKey { get; set; } = "emulatorsecretkeyemulatorsecretkey012345";

    /// <summary>Redirect URIs the authorize endpoint accepts (exact match); empty accepts any absolute URL.</summary>
    public IList<Uri> AllowedRedirectUris { get; } = [];

    /// <summary>The clock (signature dates, JWT times, code expiry). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The largest accepted distance between a signed date and the emulator's clock. Default 300 s.</summary>
    public TimeSpan MaxDateSkew { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>The leeway on JWT <c>exp</c>. Default 60 s.</summary>
    public TimeSpan JwtLeeway { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an authorization code stays valid. Default 60 s.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether a client assertion's <c>jti</c> may be used only once. Default off (Duo's behaviour is not documented).</summary>
    public bool RejectReplayedJti { get; set; }

    /// <summary>Whether authorize decides at once from the user's script (the default, for tests and headless browsers) or shows an Approve/Deny page.</summary>
    public bool AutoDecide { get; set; } = true;
}
