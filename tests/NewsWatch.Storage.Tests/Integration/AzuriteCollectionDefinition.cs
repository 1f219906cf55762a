using NewsWatch.Testing.Azurite;

namespace NewsWatch.Storage.Tests.Integration;

/// <summary>One Azurite for every test class in the collection; each test uses its own queue/table/container names.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
