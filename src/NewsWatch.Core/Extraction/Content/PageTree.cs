using System.Buffers;
using AngleSharp.Dom;

namespace NewsWatch.Extraction.Content;

/// <summary>
/// The page flattened into <see cref="PageNode"/>s (see there for the ordering guarantee), plus the
/// elements the metadata reader needs, collected during the same walk so the DOM is visited once.
/// The node array is rented from the shared pool: a large page has tens of thousands of nodes and a
/// fresh array each time would land on the large-object heap.
/// </summary>
internal sealed class PageTree : IDisposable
{
    private PageNode[] _nodes;

    public PageTree(int capacity)
    {
        _nodes = ArrayPool<PageNode>.Shared.Rent(Math.Max(capacity, 256));
    }

    public int Count { get; private set; }

    /// <summary>meta, link, title, time and html elements, in document order.</summary>
    public List<IElement> MetadataElements { get; } = [];

    /// <summary>Index of the &lt;body&gt; node, or 0 (the root) when the document has none.</summary>
    public int Body { get; set; }

    public Span<PageNode> Nodes => _nodes.AsSpan(0, Count);

    public ref PageNode this[int index] => ref _nodes[index];

    public int Add(in PageNode node)
    {
        if (Count == _nodes.Length)
        {
            var bigger = ArrayPool<PageNode>.Shared.Rent(_nodes.Length * 2);
            _nodes.AsSpan(0, Count).CopyTo(bigger);
            ArrayPool<PageNode>.Shared.Return(_nodes, clearArray: true);
            _nodes = bigger;
        }

        _nodes[Count] = node;
        return Count++;
    }

    public void Dispose()
    {
        // Cleared so the pooled array does not keep this page's DOM alive.
        ArrayPool<PageNode>.Shared.Return(_nodes, clearArray: true);
        _nodes = [];
        Count = 0;
    }
}
