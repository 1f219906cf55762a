using NewsWatch.Storage;

namespace NewsWatch.Storage.Tests.Unit;

public sealed class ConnectionStringTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHMtb25seQ==";

    [Fact]
    public void Development_storage_expands_to_the_emulator_account()
    {
        var cs = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.True(cs.IsDevelopment);
        Assert.Equal("devstoreaccount1", cs.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), cs.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), cs.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), cs.TableEndpoint);
        Assert.NotNull(cs.SharedKeyCredential);
        Assert.True(StorageConnectionString.IsDevelopmentStorage(" UseDevelopmentStorage=true; "));
        Assert.False(StorageConnectionString.IsDevelopmentStorage($"AccountName=a;AccountKey={Key}"));
    }

    [Fact]
    public void Account_key_and_suffix_derive_https_endpoints()
    {
        var cs = StorageConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=news;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://news.queue.core.chinacloudapi.cn"), cs.QueueEndpoint);
        Assert.Equal(new Uri("https://news.table.core.chinacloudapi.cn"), cs.TableEndpoint);
        Assert.Equal(new Uri("https://news.blob.core.chinacloudapi.cn"), cs.BlobEndpoint);
        Assert.Equal("news", cs.SharedKeyCredential!.AccountName);
    }

    [Fact]
    public void Default_suffix_is_the_public_cloud_and_keys_are_case_insensitive()
    {
        var cs = StorageConnectionString.Parse($"accountname=news;ACCOUNTKEY={Key}");

        Assert.Equal(new Uri("https://news.table.core.windows.net"), cs.TableEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_over_derived_ones()
    {
        var cs = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};QueueEndpoint=http://127.0.0.1:5555/devstoreaccount1/;TableEndpoint=http://127.0.0.1:5556/devstoreaccount1");

        Assert.Equal(new Uri("http://127.0.0.1:5555/devstoreaccount1"), cs.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:5556/devstoreaccount1"), cs.TableEndpoint);
        Assert.Equal(new Uri("http://devstoreaccount1.blob.core.windows.net"), cs.BlobEndpoint);
    }

    [Fact]
    public void Shared_access_signature_is_kept_without_question_mark()
    {
        var cs = StorageConnectionString.Parse("QueueEndpoint=https://news.queue.core.windows.net;SharedAccessSignature=?sv=2025-11-05&ss=q&sig=abc%3D");

        Assert.Equal("sv=2025-11-05&ss=q&sig=abc%3D", cs.SharedAccessSignature);
        Assert.Null(cs.SharedKeyCredential);
        Assert.Null(cs.TableEndpoint);
        Assert.Throws<InvalidOperationException>(() => cs.GetEndpoint(StorageService.Table));
    }

    [Theory]
    [InlineData("AccountName=a")]
    [InlineData("AccountKey=" + Key)]
    [InlineData("nonsense")]
    [InlineData("UseDevelopmentStorage=false")]
    [InlineData("UseDevelopmentStorage=true;AccountName=x")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";SharedAccessSignature=sig=x")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";QueueEndpoint=not a uri")]
    public void Malformed_strings_are_rejected(string connectionString)
    {
        Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));
        Assert.False(StorageConnectionString.TryParse(connectionString, out _));
    }

    [Fact]
    public void Errors_and_ToString_never_show_the_key_or_signature()
    {
        var bad = StorageConnectionString.Parse($"AccountName=a;AccountKey={Key}");
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName=a;AccountKey=not*base64*" + Key));
        var sas = StorageConnectionString.Parse("QueueEndpoint=https://a.queue.core.windows.net;SharedAccessSignature=sv=1&sig=SECRETSIG");

        Assert.DoesNotContain(Key, bad.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETSIG", sas.ToString(), StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", bad.ToString(), StringComparison.Ordinal);
    }
}
