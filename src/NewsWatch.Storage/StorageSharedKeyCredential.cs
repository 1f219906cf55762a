using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace NewsWatch.Storage;

/// <summary>
/// An account name and key for Shared Key authorization. The key stays inside this object: it is never
/// exposed by a property or <see cref="object.ToString"/>, only used to compute signatures.
/// </summary>
public sealed class StorageSharedKeyCredential
{
    // Replaced as a whole on rotation so a concurrent signer never sees half a key.
    private byte[] _key;

    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        AccountName = accountName;
        _key = DecodeKey(accountKey);
    }

    public string AccountName { get; }

    /// <summary>Swaps in a rotated key; requests signed afterwards use it.</summary>
    public void SetAccountKey(string accountKey) => Volatile.Write(ref _key, DecodeKey(accountKey));

    /// <summary>Base64 HMAC-SHA256 of the UTF-8 message under the account key.</summary>
    public string ComputeHmacSha256(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = Volatile.Read(ref _key);
        var max = Encoding.UTF8.GetMaxByteCount(message.Length);

        // Signing runs on every request: the static HashData avoids an HMAC object per call and a pooled
        // buffer avoids a byte[] per call.
        byte[]? rented = null;
        Span<byte> buffer = max <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var written = Encoding.UTF8.GetBytes(message, buffer);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, buffer[..written], hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            throw new FormatException("The account key is not valid base64.");
        }
    }
}
