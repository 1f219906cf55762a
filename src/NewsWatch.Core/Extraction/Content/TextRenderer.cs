using System.Text;

namespace NewsWatch.Extraction.Content;

/// <summary>
/// Writes the selected part of the page as plain text, the way a browser lays it out: block
/// boundaries start a new paragraph, inline elements flow together, runs of whitespace collapse to
/// one space, a &lt;br&gt; is a line break and two in a row a paragraph break, table cells are
/// separated by a space. Excluded and removed subtrees are skipped by jumping over their range.
/// </summary>
internal sealed class TextRenderer
{
    private readonly List<string> _paragraphs = [];
    private readonly StringBuilder _current = new(512);
    private readonly Stack<int> _openBlocks = new();
    private bool _pendingSpace;
    private int _preEnd = -1;
    private int _visible;
    private int _linked;

    public static List<string> Render(PageTree tree, IReadOnlyList<int> roots, Func<int, bool>? skipHeading = null)
    {
        var renderer = new TextRenderer();
        foreach (var root in roots)
        {
            renderer.RenderRange(tree, root, skipHeading);
        }

        renderer.Flush();
        return renderer._paragraphs;
    }

    private void RenderRange(PageTree tree, int root, Func<int, bool>? skipHeading)
    {
        var nodes = tree.Nodes;
        var end = nodes[root].End;
        Flush();
        var i = root;
        while (i < end)
        {
            CloseBlocksBefore(i);
            ref var node = ref nodes[i];
            if ((node.State & (NodeState.Excluded | NodeState.Removed)) != 0
                || (node.Kind == TagKind.Heading && skipHeading is not null && skipHeading(i)))
            {
                // A dropped block still ends the paragraph it interrupts; dropped inline content
                // (a hidden span, a script) leaves no trace, as in a browser.
                if (TagKinds.IsBlock(node.Kind))
                {
                    Flush();
                }

                i = node.End;
                continue;
            }

            switch (node.Kind)
            {
                case TagKind.Text:
                    Append(node.Text!, (node.Hint & NodeHint.InLink) != 0);
                    break;
                case TagKind.Break:
                    LineBreak(node.Element?.LocalName == "hr");
                    break;
                case TagKind.Cell:
                    _pendingSpace = true;
                    break;
                case TagKind.Inline or TagKind.Anchor:
                    break;
                default:
                    Flush();
                    if (node.Kind == TagKind.Pre)
                    {
                        _preEnd = node.End;
                    }

                    _openBlocks.Push(node.End);
                    break;
            }

            i++;
        }

        CloseBlocksBefore(int.MaxValue);
        Flush();
    }

    private void CloseBlocksBefore(int index)
    {
        while (_openBlocks.Count > 0 && _openBlocks.Peek() <= index)
        {
            _openBlocks.Pop();
            Flush();
        }

        if (_preEnd >= 0 && _preEnd <= index)
        {
            _preEnd = -1;
        }
    }

    private void Append(string text, bool inLink)
    {
        var preformatted = _preEnd >= 0;
        foreach (var c in text)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                // Zero-width and soft-hyphen characters are invisible; kept, they would split words.
                continue;
            }

            if (preformatted && c == '\n')
            {
                TrimTrailingSpace();
                _current.Append('\n');
                _pendingSpace = false;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }

            if (_pendingSpace && _current.Length > 0 && _current[^1] != '\n')
            {
                _current.Append(' ');
            }

            _pendingSpace = false;
            _current.Append(c);
            _visible++;
            _linked += inLink ? 1 : 0;
        }

    }

    /// <summary>A &lt;br&gt; ends the line; a second one in a row (an empty line) ends the paragraph, as does &lt;hr&gt;.</summary>
    private void LineBreak(bool rule)
    {
        if (rule || _current.Length == 0 || _current[^1] == '\n')
        {
            Flush();
            return;
        }

        _current.Append('\n');
        _pendingSpace = false;
    }

    private void TrimTrailingSpace()
    {
        while (_current.Length > 0 && _current[^1] == ' ')
        {
            _current.Length--;
        }
    }

    private void Flush()
    {
        while (_current.Length > 0 && char.IsWhiteSpace(_current[^1]))
        {
            _current.Length--;
        }

        if (_current.Length > 0 && !IsLinkOnly())
        {
            _paragraphs.Add(_current.ToString());
        }

        _current.Clear();
        _pendingSpace = false;
        _visible = _linked = 0;
    }

    /// <summary>
    /// A short block that is nothing but link text is navigation (category links, "next story",
    /// a tag) even inside the article; a real paragraph has words of its own around its links.
    /// </summary>
    private bool IsLinkOnly() => _visible > 0 && _visible < ShortBlockChars && _linked * 10 >= _visible * 9;

    /// <summary>Visible characters under which a block of pure link text is treated as navigation.</summary>
    private const int ShortBlockChars = 120;
}
