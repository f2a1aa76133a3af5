namespace Mfa.Testing.Faults;

/// <summary>When an injected store fault strikes.</summary>
public enum StoreFaultTiming
{
    /// <summary>The call never reaches the store (connection refused).</summary>
    BeforeCall,

    /// <summary>The call takes effect, then the caller sees the fault (the connection dropped before the reply).</summary>
    AfterCall,
}
