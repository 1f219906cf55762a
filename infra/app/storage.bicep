// The storage account: the Functions host's own storage (timer locks, queue trigger), the pipeline's queue and
// tables, and the container Flex Consumption deploys the package from. No shared keys: every client (the host,
// the handler, the deployment) signs in with Microsoft Entra ID, so no connection string exists to leak.
//
// The queue and table names are defined here once, created here, and handed to the app as settings (output
// appSettings). They must equal the code's defaults and function.json (tests/NewsWatch.Deploy.Tests checks it).

param location string
param tags object
param name string
param deploymentContainerName string

var articlesQueueName = 'articles'
// The Functions host moves a message that failed maxDequeueCount times to "<queue>-poison".
var articlesPoisonQueueName = 'articles-poison'
var articlesTableName = 'articles'
var feedsTableName = 'feeds'
var feedItemsTableName = 'feeditems'
var storiesTableName = 'stories'
// Rows for reading articles (by day, relevant-only, by story, counters); see README "The analyst's view".
var articleIndexTableName = 'articlesindex'
var alertsTableName = 'alerts'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource articlesQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: articlesQueueName
}

resource articlesPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: articlesPoisonQueueName
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource articlesTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: articlesTableName
}

resource feedsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: feedsTableName
}

resource feedItemsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: feedItemsTableName
}

resource storiesTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: storiesTableName
}

resource articleIndexTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: articleIndexTableName
}

resource alertsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: alertsTableName
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'

// What the app needs to find the resources above (merged into the function app's settings).
output appSettings object = {
  NewsWatch__Storage__ArticlesQueue: articlesQueueName
  NewsWatch__Storage__ArticlesTable: articlesTableName
  NewsWatch__Storage__FeedsTable: feedsTableName
  NewsWatch__Storage__FeedItemsTable: feedItemsTableName
  NewsWatch__Storage__StoriesTable: storiesTableName
  NewsWatch__Storage__ArticleIndexTable: articleIndexTableName
  NewsWatch__Alerts__Table: alertsTableName
}
