namespace NewsWatch.Alerts;

/// <summary>What one delivery run did.</summary>
/// <param name="Sent">Alerts delivered in this run.</param>
/// <param name="Failed">Send attempts that failed in this run (those alerts are retried later).</param>
/// <param name="Pending">Alerts still undelivered after this run: waiting for a retry, or held by another instance.</param>
/// <param name="GaveUp">Alerts in state "failed" (attempts used up); only <c>newswatch alerts resend</c> sends them.</param>
/// <param name="Destination">Where mail went.</param>
public sealed record AlertDeliveryReport(int Sent, int Failed, int Pending, int GaveUp, AlertDestination Destination)
{
    /// <summary>The folder holding the .eml files when delivering locally without a mail server; else null.</summary>
    public string? PickupDirectory => Destination.Kind == AlertDestination.PickupKind ? Destination.Address : null;
}
