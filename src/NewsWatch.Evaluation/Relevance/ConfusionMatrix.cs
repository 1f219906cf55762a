using NewsWatch.Assessment;

namespace NewsWatch.Evaluation.Relevance;

/// <summary>Counts of (actual, predicted) label pairs over a fixed label order; labels seen but not listed are appended.</summary>
public sealed class ConfusionMatrix
{
    private readonly List<string> _labels;
    private readonly Dictionary<(string Actual, string Predicted), int> _counts = [];

    public ConfusionMatrix(IEnumerable<string> labels) => _labels = [.. labels];

    public IReadOnlyList<string> Labels => _labels;

    public int this[string actual, string predicted] => _counts.GetValueOrDefault((actual, predicted));

    public void Add(string actual, string predicted)
    {
        foreach (var label in (ReadOnlySpan<string>)[actual, predicted])
        {
            if (!_labels.Contains(label))
            {
                _labels.Add(label);
            }
        }

        _counts[(actual, predicted)] = this[actual, predicted] + 1;
    }

    /// <summary>A plain-text table, rows actual, columns predicted.</summary>
    public string Format()
    {
        var width = Math.Max(8, _labels.Max(l => l.Length) + 2);
        var sb = new System.Text.StringBuilder();
        sb.Append("actual \\ predicted".PadRight(20));
        foreach (var p in _labels)
        {
            sb.Append(p.PadLeft(width));
        }

        foreach (var a in _labels)
        {
            sb.AppendLine().Append(a.PadRight(20));
            foreach (var p in _labels)
            {
                sb.Append(this[a, p].ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width));
            }
        }

        return sb.ToString();
    }
}
