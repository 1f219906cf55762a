using AngleSharp.Dom;

namespace NewsWatch.Extraction.Content;

/// <summary>
/// Walks the parsed document once, iteratively, and produces the <see cref="PageTree"/>: tag kinds,
/// attribute hints, visible-character counts per text node, subtree ranges, and raw character totals.
/// Everything later in the pipeline works on this flat structure instead of the DOM.
/// </summary>
internal static class PageTreeBuilder
{
    private readonly record struct Frame(INodeList Children, int Next, int Index);

    public static PageTree Build(IDocument document)
    {
        var tree = new PageTree(capacity: 4096);
        var hints = new AttributeHints();
        var root = document.DocumentElement;
        if (root is null)
        {
            tree.Add(new PageNode { Parent = -1, End = 1, Kind = TagKind.Block });
            return tree;
        }

        var stack = new Stack<Frame>();
        var rootIndex = AddElement(tree, hints, root, parent: -1, inherited: NodeHint.None);
        stack.Push(new Frame(root.ChildNodes, 0, rootIndex));
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            if (frame.Next >= frame.Children.Length)
            {
                Close(tree, frame.Index);
                continue;
            }

            stack.Push(frame with { Next = frame.Next + 1 });
            var child = frame.Children[frame.Next];
            ref var parent = ref tree[frame.Index];
            switch (child.NodeType)
            {
                case NodeType.Text:
                    AddText(tree, ((ICharacterData)child).Data, frame.Index, parent.Hint & NodeHint.InLink);
                    break;
                case NodeType.Element:
                    var element = (IElement)child;
                    var index = AddElement(tree, hints, element, frame.Index, parent.Hint & NodeHint.InLink);
                    if (tree[index].Kind is TagKind.Skip or TagKind.Title)
                    {
                        Close(tree, index);
                    }
                    else
                    {
                        stack.Push(new Frame(element.ChildNodes, 0, index));
                    }

                    break;
                default:
                    break;
            }
        }

        return tree;
    }

    private static int AddElement(PageTree tree, AttributeHints hints, IElement element, int parent, NodeHint inherited)
    {
        var kind = TagKinds.Of(element.LocalName);
        var hint = inherited | hints.Read(element);
        if (kind == TagKind.Anchor)
        {
            hint |= NodeHint.InLink;
        }

        switch (kind)
        {
            case TagKind.Skip:
                if (element.LocalName is "meta" or "link")
                {
                    tree.MetadataElements.Add(element);
                }

                break;
            case TagKind.Title:
                tree.MetadataElements.Add(element);
                break;
            case TagKind.Body:
                tree.Body = tree.Count;
                break;
            default:
                if (element.LocalName is "time" or "html")
                {
                    tree.MetadataElements.Add(element);
                }

                break;
        }

        return tree.Add(new PageNode
        {
            Parent = parent,
            Element = element,
            Kind = kind,
            Hint = hint,
            Images = kind == TagKind.Skip && element.LocalName is "img" or "picture" ? 1 : 0,
            Inputs = kind == TagKind.Skip && element.LocalName is "input" or "textarea" or "select" ? 1 : 0,
            Embeds = kind == TagKind.Skip && element.LocalName is "iframe" or "video" or "embed" or "object" or "audio" ? 1 : 0,
        });
    }

    private static void AddText(PageTree tree, string text, int parent, NodeHint inherited)
    {
        var (chars, commas) = CountVisible(text);
        tree.Add(new PageNode
        {
            Parent = parent,
            End = tree.Count + 1,
            Text = text,
            Kind = TagKind.Text,
            Hint = inherited,
            RawChars = chars,
            Commas = commas,
        });
        tree[parent].RawChars += chars;
    }

    /// <summary>Closes an element: its subtree ends here and its raw total flows into the parent.</summary>
    private static void Close(PageTree tree, int index)
    {
        ref var node = ref tree[index];
        node.End = tree.Count;
        if (node.Parent >= 0)
        {
            ref var parent = ref tree[node.Parent];
            parent.RawChars += node.RawChars;
        }
    }

    /// <summary>Non-whitespace characters and commas (Latin, CJK and Arabic) in one pass.</summary>
    public static (int Chars, int Commas) CountVisible(ReadOnlySpan<char> text)
    {
        int chars = 0, commas = 0;
        foreach (var c in text)
        {
            if (c <= ' ')
            {
                continue;
            }

            if (c < 0x80)
            {
                chars++;
                commas += c == ',' ? 1 : 0;
            }
            else if (!char.IsWhiteSpace(c))
            {
                chars++;
                commas += c is '，' or '、' or '،' ? 1 : 0;
            }
        }

        return (chars, commas);
    }
}
