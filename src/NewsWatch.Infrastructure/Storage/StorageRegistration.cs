using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsWatch.Infrastructure.Storage;

/// <summary>
/// Registers the Table and Queue service clients the way the Azure SDK documents it (<c>AddAzureClients</c>), from
/// the same settings the Functions host reads, with retry and timeout policy in the SDK's client options.
/// </summary>
public static class StorageRegistration
{
    /// <summary>Section whose <c>Retry</c> child overrides the SDK's retry settings (MaxRetries, Delay, MaxDelay, Mode, NetworkTimeout).</summary>
    public const string ClientSection = "NewsWatch:Storage:Client";

    public static IServiceCollection AddNewsWatchStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        var connection = StorageConnection.From(configuration);
        services.AddSingleton(connection);
        var counter = new StorageOperationCounter();
        services.AddSingleton(counter);
        services.AddAzureClients(clients =>
        {
            // Fail within seconds rather than minutes when storage is away: the queue trigger retries the whole
            // message anyway, and a poll that cannot reach storage is simply the next poll's job.
            clients.ConfigureDefaults(o =>
            {
                o.Retry.Mode = RetryMode.Exponential;
                o.Retry.MaxRetries = 3;
                o.Retry.Delay = TimeSpan.FromMilliseconds(400);
                o.Retry.MaxDelay = TimeSpan.FromSeconds(8);
                o.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
                o.AddPolicy(new StorageErrorPolicy(), HttpPipelinePosition.PerCall);
                o.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            });
            clients.ConfigureDefaults(configuration.GetSection(ClientSection));
            if (!connection.UsesConnectionString)
            {
                clients.UseCredential(_ => connection.CreateCredential());
            }

            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential) => connection.UsesConnectionString
                ? new TableServiceClient(connection.ConnectionString, options)
                : new TableServiceClient(StorageConnection.RequireServiceUri(connection.TableServiceUri, "tableServiceUri"), credential, options));

            // The queue trigger decodes base64 (host.json extensions.queues.messageEncoding), and the SDK's default
            // is no encoding: said explicitly so the two always agree.
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential) =>
            {
                options.MessageEncoding = QueueMessageEncoding.Base64;
                return connection.UsesConnectionString
                    ? new QueueServiceClient(connection.ConnectionString, options)
                    : new QueueServiceClient(StorageConnection.RequireServiceUri(connection.QueueServiceUri, "queueServiceUri"), credential, options);
            });
        });
        services.AddSingleton<StorageClients>();
        services.AddSingleton<StorageInitializer>();
        return services;
    }
}
