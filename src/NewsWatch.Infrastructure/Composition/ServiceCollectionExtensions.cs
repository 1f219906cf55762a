namespace NewsWatch.Infrastructure.Composition;

/// <summary>Registers the pipeline and its adapters; shared by the Functions handler and the CLI.</summary>
public static class ServiceCollectionExtensions
{
}
