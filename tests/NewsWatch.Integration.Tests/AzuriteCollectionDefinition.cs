using NewsWatch.Testing.Azurite;

namespace NewsWatch.Integration.Tests;

/// <summary>All integration tests share one Azurite (each test uses its own queue and table names).</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
