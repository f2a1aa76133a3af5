using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Specification.Service;

/// <summary>A fresh, empty database of the store under test, for one test; disposing it deletes it.</summary>
public interface IDurableTestStore : IAsyncDisposable
{
    /// <summary>Registers the store against this database.</summary>
    /// <param name="builder">The server's MFA builder.</param>
    /// <param name="server">The server's number (0, 1, ...): each must get its own connections.</param>
    void Use(IMfaBuilder builder, int server);

    /// <summary>Closes every pooled connection, as the end of the process would.</summary>
    /// <returns>A task.</returns>
    Task ReleaseConnectionsAsync();
}
