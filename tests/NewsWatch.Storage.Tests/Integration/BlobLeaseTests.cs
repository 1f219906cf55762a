using Azure;
using NewsWatch.Storage.Blobs;
using NewsWatch.Testing.Azurite;

namespace NewsWatch.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class BlobLeaseTests(AzuriteFixture azurite)
{
    private async Task<BlobClient> NewBlobAsync()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("c"));
        Assert.NotNull(await container.CreateIfNotExistsAsync());
        var blob = container.GetBlobClient("timer/lock");
        await blob.UploadAsync(BinaryData.Empty);
        return blob;
    }

    [Fact]
    public async Task Container_lifecycle()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("c"));

        Assert.False((await container.ExistsAsync()).Value);
        Assert.Equal(201, (await container.CreateAsync()).Status);
        Assert.Null(await container.CreateIfNotExistsAsync());
        Assert.True((await container.ExistsAsync()).Value);
        Assert.True((await container.DeleteIfExistsAsync()).Value);
        Assert.Throws<ArgumentException>(() => new BlobContainerClient(azurite.ConnectionString, "Bad_Name"));
    }

    [Fact]
    public async Task Upload_download_and_overwrite_rules()
    {
        var blob = await NewBlobAsync();

        var exists = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("x")));
        await blob.UploadAsync(BinaryData.FromString("status"), overwrite: true);

        Assert.Equal(409, exists.Status);
        Assert.Equal("BlobAlreadyExists", exists.ErrorCode);
        Assert.Equal("status", (await blob.DownloadContentAsync()).Value.ToString());
        Assert.Equal(6, (await blob.GetPropertiesAsync()).Value.ContentLength);
        Assert.True((await blob.ExistsAsync()).Value);
        Assert.Equal(blob.Uri, new BlobClient(azurite.ConnectionString, blob.BlobContainerName, blob.Name).Uri);
    }

    [Fact]
    public async Task Acquire_is_exclusive_until_released()
    {
        var blob = await NewBlobAsync();
        var owner = new BlobLeaseClient(blob);
        var rival = blob.GetBlobLeaseClient();

        var lease = (await owner.AcquireAsync(TimeSpan.FromSeconds(15))).Value;
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => rival.AcquireAsync(TimeSpan.FromSeconds(15)));
        var state = (await blob.GetPropertiesAsync()).Value;
        await owner.RenewAsync();
        await owner.ReleaseAsync();
        await rival.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);

        Assert.Equal(owner.LeaseId, lease.LeaseId);
        Assert.Equal(409, refused.Status);
        Assert.Equal("LeaseAlreadyPresent", refused.ErrorCode);
        Assert.Equal(("leased", "locked", "fixed"), (state.LeaseState, state.LeaseStatus, state.LeaseDuration));
        Assert.Equal("infinite", (await blob.GetPropertiesAsync()).Value.LeaseDuration);
    }

    [Fact]
    public async Task Writes_need_the_lease_id_while_leased()
    {
        var blob = await NewBlobAsync();
        var lease = new BlobLeaseClient(blob);
        await lease.AcquireAsync(TimeSpan.FromSeconds(60));

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("x"), overwrite: true));
        await blob.UploadAsync(BinaryData.FromString("mine"), new BlobRequestConditions { LeaseId = lease.LeaseId });

        Assert.Equal(412, refused.Status);
        Assert.Equal("mine", (await blob.DownloadContentAsync()).Value.ToString());
    }

    [Fact]
    public async Task Break_ends_someone_elses_lease_and_change_swaps_the_id()
    {
        var blob = await NewBlobAsync();
        var holder = new BlobLeaseClient(blob);
        await holder.AcquireAsync(TimeSpan.FromSeconds(60));
        var newId = Guid.NewGuid().ToString();

        await holder.ChangeAsync(newId);
        var broken = (await new BlobLeaseClient(blob).BreakAsync(TimeSpan.Zero)).Value;
        var renewAfterBreak = await Assert.ThrowsAsync<RequestFailedException>(() => holder.RenewAsync());
        await blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(newId, holder.LeaseId);
        Assert.Equal(0, broken.LeaseTime);
        Assert.Equal(409, renewAfterBreak.Status);
    }

    [Fact]
    public async Task Lease_arguments_are_checked()
    {
        var lease = new BlobLeaseClient(await NewBlobAsync());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => lease.AcquireAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => lease.AcquireAsync(TimeSpan.FromSeconds(61)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => lease.BreakAsync(TimeSpan.FromSeconds(61)));
    }

    [Fact]
    public async Task Container_leases_work_too()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("c"));
        await container.CreateAsync();
        var lease = new BlobLeaseClient(container);

        await lease.AcquireAsync(TimeSpan.FromSeconds(15));
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobLeaseClient(container).AcquireAsync(TimeSpan.FromSeconds(15)));
        await lease.ReleaseAsync();

        Assert.Equal(409, refused.Status);
    }
}
