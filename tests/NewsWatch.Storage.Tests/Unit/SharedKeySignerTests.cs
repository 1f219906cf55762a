using NewsWatch.Storage;

namespace NewsWatch.Storage.Tests.Unit;

/// <summary>
/// Pins the Shared Key strings-to-sign and signatures against the known vectors of the shared reference (V1–V4,
/// replayed against Azurite by its author) and two Blob vectors (B1, B2) that the integration tests replay against
/// Azurite and that were cross-checked with an independent HMAC implementation.
/// </summary>
public sealed class SharedKeySignerTests
{
    private const string Date = "Mon, 01 Jan 2024 00:00:00 GMT";
    private static readonly StorageSharedKeyCredential Key =
        new(StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey);

    public static TheoryData<string, string, string, string[], SharedKeyScheme, string, string> Vectors => new()
    {
        {
            "V1 queue metadata", "GET", "http://127.0.0.1:10001/devstoreaccount1/orders?comp=metadata",
            ["x-ms-date", Date, "x-ms-version", "2025-11-05"],
            SharedKeyScheme.BlobQueue,
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\nx-ms-version:2025-11-05\n/devstoreaccount1/devstoreaccount1/orders\ncomp:metadata",
            "SharedKey devstoreaccount1:gFH3kVD8pzSg7oLJJLL6L80YYkssNJZ6h0At3UkWO7M="
        },
        {
            "V2 queue put message", "POST", "http://127.0.0.1:10001/devstoreaccount1/orders/messages?messagettl=3600&visibilitytimeout=0",
            ["x-ms-date", Date, "x-ms-version", "2025-11-05", "Content-Type", "application/xml; charset=utf-8", "Content-Length", "64"],
            SharedKeyScheme.BlobQueue,
            "POST\n\n\n64\n\napplication/xml; charset=utf-8\n\n\n\n\n\n\nx-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\nx-ms-version:2025-11-05\n/devstoreaccount1/devstoreaccount1/orders/messages\nmessagettl:3600\nvisibilitytimeout:0",
            "SharedKey devstoreaccount1:CruOtXKUmPGrIG8lHO9ptwBhQ0y3GFClcd8liG81QOI="
        },
        {
            "V3 table insert", "POST", "http://127.0.0.1:10002/devstoreaccount1/Jobs",
            ["x-ms-date", Date, "x-ms-version", "2019-02-02", "Content-Type", "application/json", "Content-Length", "40", "Accept", "application/json;odata=nometadata"],
            SharedKeyScheme.Table,
            "POST\n\napplication/json\nMon, 01 Jan 2024 00:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Jobs",
            "SharedKey devstoreaccount1:/0rZ6Fka1Ok4vJvBw7p2zocnzlUb7WphlmCS0JAs7Ho="
        },
        {
            "V4 table lite get", "GET", "http://127.0.0.1:10002/devstoreaccount1/Jobs(PartitionKey='p',RowKey='r9')",
            ["x-ms-date", Date, "x-ms-version", "2019-02-02"],
            SharedKeyScheme.TableLite,
            "Mon, 01 Jan 2024 00:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Jobs(PartitionKey='p',RowKey='r9')",
            "SharedKeyLite devstoreaccount1:hCT2UbpSm1ZS+gTbrWspfFi+fp4BnfP/jUNOecBAMhY="
        },
        {
            "B1 blob create container", "PUT", "http://127.0.0.1:10000/devstoreaccount1/vectors?restype=container",
            ["x-ms-date", Date, "x-ms-version", "2025-11-05", "Content-Length", "0"],
            SharedKeyScheme.BlobQueue,
            "PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\nx-ms-version:2025-11-05\n/devstoreaccount1/devstoreaccount1/vectors\nrestype:container",
            BlobVectors.CreateContainerAuthorization
        },
        {
            "B2 blob acquire lease", "PUT", "http://127.0.0.1:10000/devstoreaccount1/vectors/lock?comp=lease",
            ["x-ms-version", "2025-11-05", "x-ms-lease-action", "acquire", "x-ms-lease-duration", "15", "x-ms-proposed-lease-id", BlobVectors.LeaseId, "x-ms-date", Date],
            SharedKeyScheme.BlobQueue,
            "PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\nx-ms-lease-action:acquire\nx-ms-lease-duration:15\nx-ms-proposed-lease-id:5f1c1f36-8d0e-4c4e-9b43-0d1c7f0a1b2c\nx-ms-version:2025-11-05\n/devstoreaccount1/devstoreaccount1/vectors/lock\ncomp:lease",
            BlobVectors.AcquireLeaseAuthorization
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_string_to_sign_and_authorization_match(
        string name, string method, string url, string[] headerPairs, SharedKeyScheme scheme, string stringToSign, string authorization)
    {
        var headers = Pairs(headerPairs);
        var uri = new Uri(url);

        Assert.Equal(stringToSign, SharedKeySigner.BuildStringToSign(scheme, Key.AccountName, method, uri, headers));
        Assert.True(authorization == SharedKeySigner.CreateAuthorizationHeader(Key, scheme, method, uri, headers), name);
    }

    [Fact]
    public void Blob_queue_signs_query_parameters_sorted_lowercased_and_decoded()
    {
        var sts = SharedKeySigner.BuildStringToSign(
            SharedKeyScheme.BlobQueue, "acct", "GET", new Uri("https://acct.queue.core.windows.net/q/messages?VisibilityTimeout=30&numofmessages=5&a=x%20y&a=b"), []);

        Assert.EndsWith("/acct/q/messages\na:b,x y\nnumofmessages:5\nvisibilitytimeout:30", sts, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_signs_only_comp_from_the_query()
    {
        var sts = SharedKeySigner.BuildStringToSign(
            SharedKeyScheme.Table, "acct", "GET", new Uri("https://acct.table.core.windows.net/Jobs()?$filter=x&NextRowKey=abc&comp=list"),
            Pairs(["x-ms-date", Date]));

        Assert.Equal("GET\n\n\nMon, 01 Jan 2024 00:00:00 GMT\n/acct/Jobs()?comp=list", sts);
    }

    [Fact]
    public void Zero_content_length_is_signed_as_empty()
    {
        var withZero = SharedKeySigner.BuildStringToSign(SharedKeyScheme.BlobQueue, "a", "PUT", new Uri("http://h/a/q"), Pairs(["Content-Length", "0"]));
        var without = SharedKeySigner.BuildStringToSign(SharedKeyScheme.BlobQueue, "a", "PUT", new Uri("http://h/a/q"), []);

        Assert.Equal(without, withZero);
    }

    [Fact]
    public void Credential_does_not_reveal_its_key()
    {
        Assert.DoesNotContain(StorageConnectionString.DevelopmentAccountKey, Key.ToString()!, StringComparison.Ordinal);
        Assert.DoesNotContain(Key.GetType().GetProperties(), p => p.PropertyType == typeof(string) && p.Name.Contains("Key", StringComparison.Ordinal));
    }

    [Fact]
    public void Rotated_key_changes_the_signature()
    {
        var credential = new StorageSharedKeyCredential("a", Convert.ToBase64String(new byte[32]));
        var before = credential.ComputeHmacSha256("x");
        credential.SetAccountKey(Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray()));

        Assert.NotEqual(before, credential.ComputeHmacSha256("x"));
    }

    [Fact]
    public void Long_messages_sign_like_short_ones()
    {
        // Over the 1 KiB stack buffer the signer rents a pooled one; both paths must give the real HMAC.
        var message = new string('é', 5000);
        using var hmac = new System.Security.Cryptography.HMACSHA256(Convert.FromBase64String(StorageConnectionString.DevelopmentAccountKey));
        var expected = Convert.ToBase64String(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes(message)));

        Assert.Equal(expected, Key.ComputeHmacSha256(message));
    }

    private static List<KeyValuePair<string, string>> Pairs(string[] flat) =>
        Enumerable.Range(0, flat.Length / 2).Select(i => new KeyValuePair<string, string>(flat[2 * i], flat[(2 * i) + 1])).ToList();
}

/// <summary>The pinned Blob vectors, shared with the Azurite replay test.</summary>
internal static class BlobVectors
{
    public const string Date = "Mon, 01 Jan 2024 00:00:00 GMT";
    public const string LeaseId = "5f1c1f36-8d0e-4c4e-9b43-0d1c7f0a1b2c";
    public const string CreateContainerAuthorization = "SharedKey devstoreaccount1:W2Ukx7Z/fDL/028r2l4OShT5/bmvT3QQtQbV0+rNdKc=";
    public const string AcquireLeaseAuthorization = "SharedKey devstoreaccount1:12zx3pOnpRCj15B9SLGL45yE41KVS4g2PKqm48WCdH4=";
}
