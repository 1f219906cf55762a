// Key Vault for the one secret NewsWatch has: the SMTP password of the alert mail relay. The app setting that
// carries it is a Key Vault reference (function.bicep), resolved by the platform with the app's identity, so the
// password is in neither the template, the deployment history nor the app settings.

param location string
param tags object
param name string

@description('Name of the secret holding the SMTP password.')
param smtpPasswordSecretName string = 'smtp-password'

@secure()
@description('SMTP password. Empty: the secret is not written (keep the current version, or set it later with az keyvault secret set).')
param smtpPassword string = ''

@description('Principal id of the function app identity, granted read access to the SMTP secret only.')
param readerPrincipalId string

@description('Principal id of the operator who writes and rotates the secret (Key Vault Secrets Officer). Empty: none.')
param officerPrincipalId string = ''

// Key Vault Secrets User: read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
// Key Vault Secrets Officer: manage secrets (write new versions), but not the vault or its access.
var keyVaultSecretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Azure RBAC instead of access policies: access is granted per secret below, and audited like any role.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

// Scoped to the vault (not the secret) so that the grant exists before the first secret version does; the vault
// holds nothing else.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(officerPrincipalId)) {
  name: guid(vault.id, officerPrincipalId, keyVaultSecretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficerRoleId)
    principalId: officerPrincipalId
  }
}

output name string = vault.name
// Versionless: the app always resolves the latest version, so rotation is "write a new version" (docs/deploy.md).
output smtpPasswordSecretUri string = '${vault.properties.vaultUri}secrets/${smtpPasswordSecretName}'
