using System.Net;

namespace NewsWatch.Fetching;

/// <summary>
/// A connection the private-network guard refused after DNS resolution: the URL's host resolved to an address the app
/// must not reach from a feed (its own machine, the virtual network, the cloud metadata endpoint).
/// </summary>
public sealed class BlockedAddressException(string host, IPAddress address, NetworkAddressClass addressClass)
    : Exception($"{host} resolves to {address}, a {NetworkAddressClassifier.Describe(addressClass)} address; connections to it are refused (set {FetchOptions.Section}:{nameof(FetchOptions.AllowPrivateNetworks)}=true only where feeds are trusted, e.g. a local test site)")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;

    public NetworkAddressClass AddressClass { get; } = addressClass;
}
