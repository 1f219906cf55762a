using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsWatch.Infrastructure.Composition;

namespace NewsWatch.Integration.Tests.Storage;

/// <summary>The app's own composition (AddNewsWatch, so AddAzureClients and the adapters) over given settings.</summary>
internal static class StorageServices
{
    public static ServiceProvider Build(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddNewsWatch(config).BuildServiceProvider();
    }
}
