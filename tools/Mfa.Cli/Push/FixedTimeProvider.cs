namespace Mfa.Cli.Push;

/// <summary>A clock stopped at <c>--now</c> (to replay recorded challenges).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
