// The app's user-assigned managed identity. Created before the app so that its roles (storage, Key Vault,
// Application Insights) can be granted before the app first starts.

param location string
param tags object
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
