using System.Reflection;
using Mfa.Core.Storage;

namespace Mfa.Testing.Faults;

/// <summary>A <see cref="DispatchProxy"/> decorator for any store interface whose methods return tasks.</summary>
/// <typeparam name="T">The store interface.</typeparam>
#pragma warning disable CA1852 // DispatchProxy needs a non-sealed proxy type.
public class FaultingStoreProxy<T> : DispatchProxy
#pragma warning restore CA1852
    where T : class
{
    private static readonly MethodInfo s_fromException = typeof(Task).GetMethods()
        .Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethodDefinition);

    private T _inner = null!;
    private StoreFaultInjector _injector = null!;

    internal static T Create(T inner, StoreFaultInjector injector)
    {
        var proxy = Create<T, FaultingStoreProxy<T>>();
        var self = (FaultingStoreProxy<T>)(object)proxy;
        self._inner = inner;
        self._injector = injector;
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (!_injector.NextCallFails())
        {
            return targetMethod.Invoke(_inner, args);
        }

        var fault = new MfaStoreException("Injected store fault.", new TimeoutException("injected"));
        if (_injector.Timing == StoreFaultTiming.AfterCall)
        {
            // The write lands (the stores under test complete synchronously or quickly); only the reply is lost.
            ((Task)targetMethod.Invoke(_inner, args)!).ContinueWith(static _ => { }, TaskScheduler.Default).GetAwaiter().GetResult();
        }

        return Faulted(targetMethod.ReturnType, fault);
    }

    private static object Faulted(Type returnType, Exception fault) =>
        returnType.IsGenericType
            ? s_fromException.MakeGenericMethod(returnType.GetGenericArguments()[0]).Invoke(null, [fault])!
            : Task.FromException(fault);
}
