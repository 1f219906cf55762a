using Microsoft.Extensions.Logging;

namespace NewsWatch.WorkerHarness;

/// <summary>How to start the published worker and what the emulated host gives it.</summary>
public sealed class WorkerHarnessOptions
{
    /// <summary>The <c>dotnet publish</c> output: the function app root, with <c>worker.config.json</c>.</summary>
    public required string PublishDirectory { get; init; }

    /// <summary>
    /// App settings, as in local.settings.json or the portal. Keys may use <c>:</c> or <c>__</c>; the worker gets them
    /// as environment variables with <c>__</c>, and binding expressions (<c>%NewsWatch:PollSchedule%</c>) resolve
    /// against them as the host resolves them.
    /// </summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra environment for the worker process only (runtime knobs such as <c>DOTNET_TieredPGO</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>dotnet</c> muxer; default: the one running this process's SDK or test host, else PATH.</summary>
    public string? DotnetPath { get; init; }

    /// <summary>From process start until every function is loaded.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one invocation may take before the harness gives up on it.</summary>
    public TimeSpan InvocationTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The harness's own diagnostics (worker exit, ignored messages); the worker's logs are in the results.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
