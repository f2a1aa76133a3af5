using System.Text;
using System.Text.Json;

namespace Mfa.Soak;

/// <summary>Reads a JSONL file another process is still writing: whole lines only, from where the last read stopped.</summary>
internal sealed class JsonLineReader<T>(string path)
{
    private long _offset;
    private readonly StringBuilder _partial = new();

    public static IReadOnlyList<T> ReadAll(string path) => File.Exists(path) ? new JsonLineReader<T>(path).ReadNew() : [];

    public IReadOnlyList<T> ReadNew()
    {
        var items = new List<T>();
        if (!File.Exists(path))
        {
            return items;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        _offset = stream.Position;
        _partial.Append(text);
        var buffered = _partial.ToString();
        var last = buffered.LastIndexOf('\n');
        if (last < 0)
        {
            return items;
        }

        foreach (var line in buffered[..last].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            items.Add(JsonSerializer.Deserialize<T>(line, SoakJson.Options)!);
        }

        _partial.Clear().Append(buffered[(last + 1)..]);
        return items;
    }
}
