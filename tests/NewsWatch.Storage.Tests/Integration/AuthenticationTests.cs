using System.Net;
using Azure;
using NewsWatch.Storage.Blobs;
using NewsWatch.Storage.Queues;
using NewsWatch.Storage.Tables;
using NewsWatch.Storage.Tests.Support;
using NewsWatch.Storage.Tests.Unit;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class AuthenticationTests(AzuriteFixture azurite)
{
    private const string WrongKey = "d3JvbmctYnV0LXZhbGlkLWJhc2U2NC1rZXktZm9yLXRlc3RzLW9ubHktMDAwMDAwMDA=";

    private StorageConnectionString Parsed => StorageConnectionString.Parse(azurite.ConnectionString);

    [Fact]
    public async Task A_wrong_account_key_gives_a_clear_403_without_the_key()
    {
        var wrong = azurite.ConnectionString.Replace(StorageConnectionString.DevelopmentAccountKey, WrongKey, StringComparison.Ordinal);
        var queue = new QueueClient(wrong, AzuriteFixture.UniqueName("q"));
        var table = new TableClient(wrong, AzuriteFixture.UniqueName("t"));

        var queueError = await Assert.ThrowsAsync<RequestFailedException>(() => queue.CreateIfNotExistsAsync());
        var tableError = await Assert.ThrowsAsync<RequestFailedException>(() => table.CreateIfNotExistsAsync());

        foreach (var ex in new[] { queueError, tableError })
        {
            Assert.Equal(403, ex.Status);
            Assert.False(string.IsNullOrEmpty(ex.ErrorCode));
            Assert.Contains("authenticate", ex.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("x-ms-request-id", ex.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(WrongKey, ex.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(StorageConnectionString.DevelopmentAccountKey, ex.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_account_sas_authorizes_queue_and_table_calls_and_its_signature_stays_hidden()
    {
        var sas = AccountSas.Create(Parsed.SharedKeyCredential!, "qt", "rwdlacup", DateTimeOffset.UtcNow.AddHours(1));
        var queueName = AzuriteFixture.UniqueName("q");
        var queue = new QueueClient(new Uri(Parsed.QueueEndpoint + "/" + queueName), new AzureSasCredential(sas));
        var table = new TableClient(Parsed.TableEndpoint!, AzuriteFixture.UniqueName("t"), new AzureSasCredential(sas));
        var viaConnectionString = new QueueClient(
            $"QueueEndpoint={Parsed.QueueEndpoint};SharedAccessSignature={sas}", queueName);

        await queue.CreateIfNotExistsAsync();
        await viaConnectionString.SendMessageAsync("via sas");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        Assert.Equal("via sas", Assert.Single((await queue.ReceiveMessagesAsync()).Value).MessageText);
        Assert.Equal(1, (await table.GetEntityAsync("p", "r")).Value.GetInt32("V"));

        var expired = AccountSas.Create(Parsed.SharedKeyCredential!, "q", "r", DateTimeOffset.UtcNow.AddHours(-1));
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            new QueueClient(queue.Uri, new AzureSasCredential(expired)).PeekMessagesAsync());
        var sig = Uri.UnescapeDataString(expired[(expired.IndexOf("sig=", StringComparison.Ordinal) + 4)..]);
        Assert.Equal(403, ex.Status);
        Assert.DoesNotContain(sig, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(sig), ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explicit_shared_key_credential_constructors_work()
    {
        var key = Parsed.SharedKeyCredential!;
        var queue = new QueueClient(new Uri(Parsed.QueueEndpoint + "/" + AzuriteFixture.UniqueName("q")), key);
        var table = new TableClient(Parsed.TableEndpoint!, AzuriteFixture.UniqueName("t"), key);

        Assert.NotNull(await queue.CreateIfNotExistsAsync());
        await table.CreateAsync();
        Assert.Equal("devstoreaccount1", queue.AccountName);
        Assert.Equal("devstoreaccount1", table.AccountName);
    }

    [Fact]
    public async Task The_pinned_blob_vectors_are_accepted_by_azurite()
    {
        // Replays B1 and B2 of SharedKeySignerTests byte for byte (Azurite does not check the date's age), so the
        // pinned Blob signatures are proven against a real service implementation.
        var endpoint = Parsed.BlobEndpoint!;
        var container = new BlobContainerClient(azurite.ConnectionString, "vectors");
        await container.CreateIfNotExistsAsync();
        if (!(await container.GetBlobClient("lock").ExistsAsync()).Value)
        {
            await container.GetBlobClient("lock").UploadAsync(BinaryData.Empty);
        }
        using var http = new HttpClient();

        using var create = new HttpRequestMessage(HttpMethod.Put, endpoint + "/vectors?restype=container") { Content = new ByteArrayContent([]) };
        create.Headers.TryAddWithoutValidation("x-ms-date", BlobVectors.Date);
        create.Headers.TryAddWithoutValidation("x-ms-version", "2025-11-05");
        create.Headers.TryAddWithoutValidation("Authorization", BlobVectors.CreateContainerAuthorization);
        using var created = await http.SendAsync(create);

        using var lease = new HttpRequestMessage(HttpMethod.Put, endpoint + "/vectors/lock?comp=lease") { Content = new ByteArrayContent([]) };
        foreach (var (name, value) in new[]
        {
            ("x-ms-date", BlobVectors.Date), ("x-ms-version", "2025-11-05"), ("x-ms-lease-action", "acquire"),
            ("x-ms-lease-duration", "15"), ("x-ms-proposed-lease-id", BlobVectors.LeaseId), ("Authorization", BlobVectors.AcquireLeaseAuthorization),
        })
        {
            lease.Headers.TryAddWithoutValidation(name, value);
        }

        using var leased = await http.SendAsync(lease);

        // 409 (ContainerAlreadyExists; LeaseAlreadyPresent on a re-run against external storage) also proves the
        // signature was accepted: a bad one gives 403.
        Assert.Equal(HttpStatusCode.Conflict, created.StatusCode);
        Assert.Contains(leased.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict });
        if (leased.StatusCode == HttpStatusCode.Created)
        {
            Assert.Equal(BlobVectors.LeaseId, leased.Headers.GetValues("x-ms-lease-id").Single());
        }
    }
}
