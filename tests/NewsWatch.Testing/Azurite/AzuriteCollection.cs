namespace NewsWatch.Testing.Azurite;

/// <summary>
/// The name of the xunit collection that shares one <see cref="AzuriteFixture"/>. xunit 2 only discovers
/// collection definitions in the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(AzuriteCollection.Name)] class … : ICollectionFixture&lt;AzuriteFixture&gt;</c>.
/// </summary>
public static class AzuriteCollection
{
    public const string Name = "Azurite";
}
