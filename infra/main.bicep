// NewsWatch on Azure: a .NET isolated-worker function app on Flex Consumption, its storage (queue, tables, deployment
// container) reached by managed identity, Application Insights on Log Analytics, and Key Vault for the SMTP
// password. `azd up` provisions this (parameters from main.parameters.json) and deploys scripts/publish.sh's package.
//
// Every app setting the code reads is set below or in app/function.bicep / app/storage.bicep;
// tests/NewsWatch.Deploy.Tests fails when a setting the code reads is missing here.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; part of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for all resources (one that offers Flex Consumption).')
param location string

@minLength(2)
@maxLength(12)
@description('Short prefix for resource names, lowercase letters and digits.')
param namePrefix string = 'newswatch'

@description('When PollFeeds runs: six-field NCRONTAB in UTC ({second} {minute} {hour} {day} {month} {day-of-week}).')
param pollSchedule string = '0 */15 * * * *'

@description('The feeds to watch. id: lowercase letters, digits, "-" (never change it for a live feed); url: RSS or Atom.')
param feeds feedDefinition[]

@description('Alert recipients, comma-separated email addresses.')
param alertRecipients string

@description('Sender of alert emails, e.g. "NewsWatch <alerts@example.com>".')
param alertFrom string

@description('Approval statuses that raise an alert, comma-separated: granted, pending, denied.')
param alertStatuses string = 'granted'

@description('SMTP relay host, e.g. smtp.azurecomm.net for Azure Communication Services.')
param smtpHost string

@description('SMTP port; 587 with STARTTLS is the norm. A string: azd passes environment values as text.')
param smtpPort string = '587'

@description('SMTP user name.')
param smtpUserName string

@secure()
@description('SMTP password. Leave empty to keep the secret already in Key Vault (or set it there later; see docs/deploy.md).')
param smtpPassword string = ''

@description('Object id of the person deploying (azd sets AZURE_PRINCIPAL_ID); granted Key Vault Secrets Officer to write and rotate the SMTP secret. Empty: nobody is granted.')
param principalId string = ''

@description('Most instances Flex Consumption may scale out to.')
param maximumInstanceCount int = 40

type feedDefinition = {
  id: string
  url: string
  name: string
  enabled: bool?
}

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  app: 'newswatch'
}
var prefix = toLower(namePrefix)
var functionAppName = '${prefix}-func-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${prefix}-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${prefix}-id-${resourceToken}'
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    // Storage account names: 3-24 lowercase letters and digits, globally unique.
    name: take('${replace(prefix, '-', '')}st${resourceToken}', 24)
    deploymentContainerName: 'app-package-${take(resourceToken, 7)}'
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: '${prefix}-log-${resourceToken}'
    applicationInsightsName: '${prefix}-appi-${resourceToken}'
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    location: location
    tags: tags
    // Key Vault names: 3-24 characters, globally unique.
    name: take('${prefix}-kv-${resourceToken}', 24)
    smtpPassword: smtpPassword
    readerPrincipalId: identity.outputs.principalId
    officerPrincipalId: principalId
  }
}

// Lists become indexed settings (NewsWatch__Feeds__0__Id, ...), the shape the .NET configuration binder reads.
var feedSettings = reduce(range(0, length(feeds)), {}, (acc, i) => union(acc, {
  'NewsWatch__Feeds__${i}__Id': feeds[i].id
  'NewsWatch__Feeds__${i}__Url': feeds[i].url
  'NewsWatch__Feeds__${i}__Name': feeds[i].name
  'NewsWatch__Feeds__${i}__Enabled': string(feeds[i].?enabled ?? true)
}))
var recipientList = filter(map(split(alertRecipients, ','), r => trim(r)), r => !empty(r))
var recipientSettings = reduce(range(0, length(recipientList)), {}, (acc, i) => union(acc, {
  'NewsWatch__Alerts__Recipients__${i}': recipientList[i]
}))
var statusList = filter(map(split(alertStatuses, ','), s => trim(s)), s => !empty(s))
var statusSettings = reduce(range(0, length(statusList)), {}, (acc, i) => union(acc, {
  'NewsWatch__Alerts__Statuses__${i}': statusList[i]
}))

// The rest of what the code reads. Values equal the code's defaults unless a parameter sets them; they are written
// out so that an operator sees (and can change) every knob in the portal.
var pipelineSettings = {
  NewsWatch__PollSchedule: pollSchedule
  NewsWatch__FeedConcurrency: '4'
  NewsWatch__Fetch__UserAgent: 'NewsWatch/1.0 (+https://github.com/newswatch; news monitoring)'
  NewsWatch__FeedBackoff: '00:15:00'
  NewsWatch__MaxFeedBackoff: '06:00:00'
  NewsWatch__Fetch__Timeout: '00:01:00'
  NewsWatch__Extraction__MaxNestingDepth: '1000'
  NewsWatch__Fetch__MaxRedirects: '8'
  NewsWatch__Fetch__MaxConnectionsPerHost: '4'
  // Feeds are written by strangers: never let one point the app at its own network or the metadata endpoint.
  NewsWatch__Fetch__AllowPrivateNetworks: 'false'
  NewsWatch__Fetch__MaxArticleBytes: '8388608'
  NewsWatch__Fetch__MaxFeedBytes: '8388608'
  NewsWatch__Extraction__MaxBodyBytes: '10485760'
  NewsWatch__Extraction__ExtractText: 'true'
  NewsWatch__Stories__WordShingleSize: '3'
  NewsWatch__Stories__CjkShingleSize: '3'
  NewsWatch__Stories__HashCount: '126'
  NewsWatch__Stories__Bands: '42'
  NewsWatch__Stories__RowsPerBand: '3'
  NewsWatch__Stories__SimilarityThreshold: '0.4'
  NewsWatch__Stories__MinShingles: '8'
  NewsWatch__Stories__Window: '7.00:00:00'
  NewsWatch__Stories__JoinScore: '4.5'
  NewsWatch__Stories__MaxSources: '60'
  NewsWatch__Stories__MaxSignatures: '3'
  NewsWatch__Stories__LeadChars: '1000'
  NewsWatch__Stories__MaxQuantities: '48'
}

var alertSettings = {
  NewsWatch__Alerts__From: alertFrom
  NewsWatch__Alerts__InitialRetryDelay: '00:01:00'
  NewsWatch__Alerts__MaxRetryDelay: '01:00:00'
  NewsWatch__Alerts__SendLease: '00:05:00'
  NewsWatch__Alerts__MaxSources: '100'
  // Only used when Smtp__Host is empty (local runs); an instance's /tmp is writable but not kept.
  NewsWatch__Alerts__PickupDirectory: '/tmp/newswatch/outbox'
  NewsWatch__Alerts__Smtp__Host: smtpHost
  NewsWatch__Alerts__Smtp__Port: smtpPort
  NewsWatch__Alerts__Smtp__EnableSsl: 'true'
  NewsWatch__Alerts__Smtp__UserName: smtpUserName
  // Resolved by the platform from Key Vault with the app's identity; versionless, so a new secret version is picked up.
  NewsWatch__Alerts__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.smtpPasswordSecretUri})'
  NewsWatch__Alerts__Smtp__Timeout: '00:01:00'
}

module function 'app/function.bicep' = {
  name: 'function'
  scope: rg
  params: {
    location: location
    tags: tags
    planName: '${prefix}-plan-${resourceToken}'
    appName: functionAppName
    identityName: identity.outputs.name
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    appSettings: union(pipelineSettings, feedSettings, alertSettings, recipientSettings, statusSettings, storage.outputs.appSettings)
  }
}

// azd reads these into the environment (.azure/<env>/.env); docs/deploy.md uses them.
output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = function.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = function.outputs.defaultHostName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_LOG_ANALYTICS_NAME string = monitoring.outputs.logAnalyticsName
