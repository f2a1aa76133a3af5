namespace Mfa.Testing;

/// <summary>Fixed key material for tests only.</summary>
public static class TestKeys
{
    /// <summary>A 32-byte AES key for <c>MfaOptions.SecretKey</c> in tests.</summary>
    public static byte[] SecretKey => [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
}
