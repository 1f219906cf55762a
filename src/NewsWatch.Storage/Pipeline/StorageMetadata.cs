using Azure;
using Azure.Core;

namespace NewsWatch.Storage.Pipeline;

/// <summary>User metadata travels as <c>x-ms-meta-{name}</c> headers on queues, containers and blobs.</summary>
internal static class StorageMetadata
{
    private const string Prefix = "x-ms-meta-";

    public static void Write(Request request, IDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (name, value) in metadata)
        {
            request.Headers.SetValue(Prefix + name, value);
        }
    }

    public static Dictionary<string, string> Read(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[Prefix.Length..]] = header.Value;
            }
        }

        return metadata;
    }
}
