using System.Net;
using System.Net.Sockets;

namespace NewsWatch.Fetching;

/// <summary>Where an IP address points, as far as a fetch of untrusted URLs is concerned.</summary>
public enum NetworkAddressClass
{
    Public,
    Loopback,
    Private,
    LinkLocal,
    SharedAddressSpace,
    Unspecified,
    Multicast,
    Broadcast,
    Reserved,
}

/// <summary>
/// Classifies addresses without any I/O, so the private-network guard can be tested over every range without sending
/// a packet. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address:
/// otherwise <c>::ffff:169.254.169.254</c> would reach the cloud metadata endpoint.
/// </summary>
public static class NetworkAddressClassifier
{
    public static NetworkAddressClass Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => NetworkAddressClass.Reserved,
        };
    }

    public static string Describe(NetworkAddressClass addressClass) => addressClass switch
    {
        NetworkAddressClass.Public => "public",
        NetworkAddressClass.Loopback => "loopback",
        NetworkAddressClass.Private => "private network",
        NetworkAddressClass.LinkLocal => "link-local (includes cloud metadata endpoints)",
        NetworkAddressClass.SharedAddressSpace => "shared address space (carrier-grade NAT)",
        NetworkAddressClass.Unspecified => "unspecified",
        NetworkAddressClass.Multicast => "multicast",
        NetworkAddressClass.Broadcast => "broadcast",
        _ => "reserved",
    };

    private static NetworkAddressClass ClassifyV4(ReadOnlySpan<byte> b) => b switch
    {
        [0, ..] => NetworkAddressClass.Unspecified, // 0.0.0.0/8 "this network"
        [127, ..] => NetworkAddressClass.Loopback,
        [10, ..] => NetworkAddressClass.Private,
        [172, >= 16 and <= 31, ..] => NetworkAddressClass.Private,
        [192, 168, ..] => NetworkAddressClass.Private,
        [169, 254, ..] => NetworkAddressClass.LinkLocal,
        [100, >= 64 and <= 127, ..] => NetworkAddressClass.SharedAddressSpace,
        [255, 255, 255, 255] => NetworkAddressClass.Broadcast,
        [>= 224 and <= 239, ..] => NetworkAddressClass.Multicast,
        [>= 240, ..] => NetworkAddressClass.Reserved,
        [192, 0, 0, _] => NetworkAddressClass.Reserved, // IETF protocol assignments
        [198, 18 or 19, ..] => NetworkAddressClass.Reserved, // benchmarking
        _ => NetworkAddressClass.Public,
    };

    private static NetworkAddressClass ClassifyV6(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return ClassifyV4(address.MapToIPv4().GetAddressBytes());
        }

        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return NetworkAddressClass.Loopback;
        }

        if (address.Equals(IPAddress.IPv6None))
        {
            return NetworkAddressClass.Unspecified;
        }

        // ::a.b.c.d (deprecated IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) both end in the IPv4 address.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 || b.AsSpan(0, 12).SequenceEqual(Nat64Prefix))
        {
            return ClassifyV4(b.AsSpan(12, 4));
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b.AsSpan(2, 4)); // 6to4 carries the IPv4 address in bits 16-47
        }

        return b switch
        {
            [0xff, ..] => NetworkAddressClass.Multicast,
            [0xfe, >= 0x80 and <= 0xbf, ..] => NetworkAddressClass.LinkLocal,
            [0xfe, >= 0xc0, ..] => NetworkAddressClass.Private, // deprecated site-local fec0::/10
            [0xfc or 0xfd, ..] => NetworkAddressClass.Private, // unique local fc00::/7
            [0x01, 0x00, 0, 0, 0, 0, 0, 0, ..] => NetworkAddressClass.Reserved, // discard-only 100::/64
            _ => NetworkAddressClass.Public,
        };
    }

    private static ReadOnlySpan<byte> Nat64Prefix => [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
}
