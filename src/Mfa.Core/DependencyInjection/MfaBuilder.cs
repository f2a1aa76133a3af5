namespace Microsoft.Extensions.DependencyInjection;

internal sealed class MfaBuilder(IServiceCollection services) : IMfaBuilder
{
    public IServiceCollection Services { get; } = services;
}
