using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Testing.Alerts;
using NewsWatch.Testing.Time;

namespace NewsWatch.Core.Tests.Alerts;

/// <summary>
/// The outbox in memory with the same conditional-write rules as the Table one (insert fails if present,
/// replace fails unless the version matches). <see cref="BeforeReplace"/> lets a test fail or delay a write.
/// </summary>
internal sealed class InMemoryAlertOutbox : IAlertOutbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AlertRecord> _rows = new(StringComparer.Ordinal);
    private long _version;
    private int _conflicts;

    /// <summary>Runs before every replace with the record about to be written; may throw (a crash) or block.</summary>
    public Action<AlertRecord>? BeforeReplace { get; set; }

    /// <summary>Replaces refused because the row had changed (412s).</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    public IReadOnlyList<AlertRecord> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows.Values];
            }
        }
    }

    public Task<string?> TryAddAsync(AlertRecord record, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_rows.ContainsKey(record.Id))
            {
                return Task.FromResult<string?>(null);
            }

            var version = NextVersion();
            _rows[record.Id] = record with { Version = version };
            return Task.FromResult<string?>(version);
        }
    }

    public Task<AlertRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.GetValueOrDefault(id));
        }
    }

    public async Task<string?> TryReplaceAsync(AlertRecord record, CancellationToken cancellationToken = default)
    {
        BeforeReplace?.Invoke(record);

        // Yield so concurrent callers interleave between their read and their write, as over a network.
        await Task.Yield();
        lock (_gate)
        {
            if (!_rows.TryGetValue(record.Id, out var current) || current.Version != record.Version)
            {
                Interlocked.Increment(ref _conflicts);
                return null;
            }

            var version = NextVersion();
            _rows[record.Id] = record with { Version = version };
            return version;
        }
    }

    public async IAsyncEnumerable<AlertRecord> ListAsync(bool unsentOnly, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var r in All.Where(r => !unsentOnly || r.State != AlertDeliveryState.Sent))
        {
            yield return r;
        }
    }

    private string NextVersion() => "v" + (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Records what it was asked to send; <see cref="Behaviour"/> decides each send's fate (default: accept).</summary>
internal sealed class RecordingAlertSender : IAlertSender
{
    private readonly ConcurrentQueue<AlertEmail> _sent = new();

    public Func<AlertEmail, CancellationToken, Task<string>> Behaviour { get; set; } = (_, _) => Task.FromResult("250 OK test");

    public AlertDestination Destination { get; } = new(AlertDestination.SmtpKind, "test:25");

    /// <summary>Every email a send was attempted for, in order (including ones whose send then failed).</summary>
    public IReadOnlyList<AlertEmail> Attempted => [.. _sent];

    public Task<string> SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        _sent.Enqueue(email);
        return Behaviour(email, cancellationToken);
    }
}

/// <summary>One outbox, one clock, and as many "instances" (recorder + dispatcher pairs) as a test wants.</summary>
internal sealed class AlertHarness
{
    public AlertHarness(AlertOptions? options = null)
    {
        Options = options ?? new AlertOptions { Recipients = ["team@example.com"], From = "NewsWatch <alerts@example.com>" };
    }

    public AlertOptions Options { get; }

    public ManualTimeProvider Time { get; } = new();

    public InMemoryAlertOutbox Outbox { get; } = new();

    public RecordingAlertSender Sender { get; } = new();

    public AlertEmailComposer Composer => new(Microsoft.Extensions.Options.Options.Create(Options));

    public AlertRecorder Recorder() =>
        new(Outbox, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<AlertRecorder>.Instance);

    public AlertDispatcher Dispatcher(IAlertSender? sender = null, IAlertOutbox? outbox = null) =>
        new(outbox ?? Outbox, sender ?? Sender, Composer, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<AlertDispatcher>.Instance);

    public AlertsUnderTest Service(IAlertSender? sender = null) => new(Recorder(), Dispatcher(sender));

    public static ApprovalNotice Notice(int article = 1, string status = "granted", string eventKey = "xiaomi-ev|NDRC|production-approval") =>
        new(
            eventKey,
            "Xiaomi EV",
            "NDRC",
            "production-approval",
            status,
            "Xiaomi has received approval from the National Development and Reform Commission to produce electric vehicles.",
            $"article{article:D2}",
            new Uri($"https://outlet{article}.example/xiaomi-ndrc-{article}"),
            $"Xiaomi gets NDRC approval ({article})",
            $"Outlet {article}",
            new DateTimeOffset(2023, 8, 23, 8, 30, 0, TimeSpan.Zero).AddMinutes(article),
            new DateTimeOffset(2023, 8, 23, 9, 0, 0, TimeSpan.Zero).AddMinutes(article));
}
