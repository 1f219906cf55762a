// The function app on the Flex Consumption plan, running the .NET 10 isolated worker ("dotnet-isolated" runtime: the
// host starts NewsWatch.Functions and talks to it over gRPC).
// Identity: one user-assigned managed identity, used by the host (AzureWebJobsStorage__*), by the worker's own
// storage clients (same settings, AddAzureClients), by the deployment (package container) and for the Key Vault
// reference.

param location string
param tags object
param planName string
param appName string
param identityName string

@description('Name of the azd service in azure.yaml; azd finds the app by this tag.')
param serviceName string = 'functions'

param storageAccountName string
param deploymentContainerUrl string
param applicationInsightsName string

@description('App settings of the pipeline (NewsWatch__*), built in main.bicep from its parameters.')
param appSettings object

@description('Flex Consumption instance size. 2048 MB is plenty: the worker peaks well below 300 MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound for scale-out; the pipeline is I/O bound and polite to news sites, so a low cap is fine.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Version of the dotnet-isolated Flex Consumption runtime (az functionapp list-flexconsumption-runtimes --location <region> --runtime dotnet-isolated).')
param dotnetVersion string = '10.0'

// Built-in roles, least privilege for what the identity does:
// - Storage Blob Data Owner: the Functions host keeps timer schedules and singleton locks in blobs (docs require
//   Owner for AzureWebJobsStorage), and Flex reads the deployment package with it.
// - Storage Queue Data Contributor: the queue trigger reads/deletes messages, moves poison ones; PollFeeds enqueues.
// - Storage Table Data Contributor: articles, article index, feeds, feed items, stories, alerts.
// - Monitoring Metrics Publisher: telemetry to Application Insights with Entra ID (local auth is off).
// No Storage Account Contributor / Contributor: nothing at run time manages the account itself.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]: {
  name: guid(storage.id, identity.id, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource telemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identity.id, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings resolve with this identity (it has Key Vault Secrets User).
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

// No publishing passwords: deployments (azd, az, func) authenticate with Entra ID.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// Settings the Functions host itself needs. FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are not set:
// on Flex Consumption the runtime comes from functionAppConfig.runtime and those settings are deprecated.
var hostSettings = {
  // Identity-based host storage; the worker reads the same names (StorageConnection), so no connection string exists.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, hostSettings)
  // The host starts as soon as its settings exist; let it find its storage permissions in place.
  dependsOn: [
    storageRoles
    telemetryRole
  ]
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
