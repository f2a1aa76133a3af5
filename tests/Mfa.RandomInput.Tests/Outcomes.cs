using System.Globalization;
using System.Text;

namespace Mfa.RandomInput.Tests;

/// <summary>
/// Runs random cases and collects every exception other than the two a public entry point may raise
/// (<see cref="ArgumentNullException"/> for a null argument, <see cref="OperationCanceledException"/>).
/// </summary>
internal static class Outcomes
{
    /// <summary>The cases per entry point: a few thousand in all, a few seconds on a shared CI machine.</summary>
    public const int Cases = 1000;

    public static async Task OnlyTypedAsync(int seed, Func<RandomInput, int, Task> run, int cases = Cases)
    {
        var random = new RandomInput(seed);
        var findings = new List<string>();
        for (var i = 0; i < cases && findings.Count < 3; i++)
        {
            try
            {
                await run(random, i);
            }
            catch (Exception e) when (e is not AssertionException)
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture, $"case {i} ({random}), input \"{Escape(random.Current ?? string.Empty)}\": {e.GetType().FullName}: {e.Message}\n{Top(e.StackTrace)}"));
            }
        }

        Assert.That(findings, Is.Empty, () => string.Join("\n\n", findings));
    }

    public static void OnlyTyped(int seed, Action<RandomInput, int> run, int cases = Cases) =>
        OnlyTypedAsync(seed, (r, i) =>
        {
            run(r, i);
            return Task.CompletedTask;
        }, cases).GetAwaiter().GetResult();

    private static string Top(string? stackTrace) => string.Join('\n', (stackTrace ?? string.Empty).Split('\n').Take(4));

    /// <summary>The input escaped so that a failure message shows lone surrogates and NUL.</summary>
    public static string Escape(string input)
    {
        var text = new StringBuilder();
        foreach (var c in input.Length > 2000 ? input[..2000] : input)
        {
            text.Append(c is < ' ' or > '~' ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString());
        }

        return text.ToString();
    }
}
