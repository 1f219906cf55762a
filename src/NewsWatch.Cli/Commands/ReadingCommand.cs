using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using NewsWatch.Alerts;
using NewsWatch.Cli.Local;
using NewsWatch.Infrastructure.Storage;
using NewsWatch.Web.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NewsWatch.Cli.Commands;

/// <summary>
/// What <c>articles</c>, <c>approvals</c> and <c>stories</c> share: storage opened like <c>status</c> does (Azurite
/// started if needed), tables on the command's output, and JSON in the read API's style for scripts.
/// </summary>
internal sealed class ReadingCommand : IAsyncDisposable
{
    private readonly LocalServices _services;
    private readonly CliContext _context;

    private ReadingCommand(LocalServices services, CliContext context)
    {
        _services = services;
        _context = context;
    }

    public static IReadOnlyList<CliOptionSpec> CommonOptions { get; } = [CliOptionSpec.Config, CliOptionSpec.Json];

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ReadingCommand> OpenAsync(CliContext context, CliArguments args, CancellationToken cancellationToken)
    {
        var services = await LocalServices.BuildAsync(
            new LocalServicesSetup
            {
                ConfigFile = args.Get("config") is { } c ? context.ResolvePath(c) : null,
                StorageOnly = true,
                Logging = b => b.SetMinimumLevel(LogLevel.Warning),
            },
            cancellationToken);
        try
        {
            await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
            return new ReadingCommand(services, context);
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    public Task WriteJsonAsync<T>(T value, JsonTypeInfo<T> type) => _context.Out.WriteLineAsync(JsonSerializer.Serialize(value, type));

    public void Write(IRenderable renderable)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_context.Out) });
        console.Write(renderable);
    }

    /// <summary>A table whose cells are plain text: stored text is a stranger's, so no markup and no control characters.</summary>
    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    public static Text Cell(string? text, int max = 120) => new(SafeText.Line(text ?? "", max));

    public static Text Time(DateTimeOffset? t) =>
        new(t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "-");

    public static DateTimeOffset? Date(CliArguments args, string name, bool endOfDay = false) =>
        args.Get(name) is not { } value
            ? null
            : QueryValues.TryParseTime(value, endOfDay, out var t)
                ? t
                : throw new CliUsageException($"--{name} takes an ISO-8601 date or time (2024-03-28 or 2024-03-28T09:00:00Z), not '{value}'");

    public static string? OneOf(CliArguments args, string name, params string[] allowed) =>
        args.Get(name)?.ToLowerInvariant() is not { } value || allowed.Contains(value)
            ? args.Get(name)?.ToLowerInvariant()
            : throw new CliUsageException($"--{name} takes one of {string.Join(", ", allowed)}");

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
