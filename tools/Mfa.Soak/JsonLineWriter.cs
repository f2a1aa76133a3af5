using System.Text.Json;

namespace Mfa.Soak;

/// <summary>Appends one JSON object per line and flushes it, so that a reader tailing the file sees whole lines.</summary>
internal sealed class JsonLineWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    public JsonLineWriter(string path)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite));
    }

    public void Write<T>(T value)
    {
        var line = JsonSerializer.Serialize(value, SoakJson.Options);
        lock (_lock)
        {
            _writer.Write(line);
            _writer.Write('\n');
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
