using System.Text;

namespace NewsWatch.LocalDev;

/// <summary>
/// The latest lines a child process wrote to stdout/stderr, kept for the error message when it fails to start.
/// Only the tail matters for that, so memory stays bounded however long the process runs.
/// </summary>
internal sealed class OutputTail(int capacity)
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    /// <summary>Adds one line; null (the end of a stream) is ignored, so it can take <c>DataReceivedEventArgs.Data</c> as is.</summary>
    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_text.Length > capacity)
            {
                _text.Remove(0, _text.Length - (capacity / 2));
            }

            _text.AppendLine(line);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _text.Clear();
        }
    }

    /// <summary>At most the last <paramref name="maxChars"/> characters.</summary>
    public string Last(int maxChars)
    {
        lock (_gate)
        {
            var text = _text.ToString();
            return text.Length > maxChars ? text[^maxChars..] : text;
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }
}
