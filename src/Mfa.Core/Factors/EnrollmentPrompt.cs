namespace Mfa.Core.Factors;

/// <summary>What a factor shows a user beginning enrollment (safe to send to that user; never server-only state).</summary>
public abstract class EnrollmentPrompt
{
}
