namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures Mfa.Sdk: factor packages and store packages add their methods to it.</summary>
public interface IMfaBuilder
{
    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }
}
