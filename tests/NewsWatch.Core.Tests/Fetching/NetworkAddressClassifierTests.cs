using System.Net;
using NewsWatch.Fetching;

namespace NewsWatch.Core.Tests.Fetching;

/// <summary>
/// The guard's decisions as a pure function over addresses: no packet is sent to any of these, which is the only way
/// to test refusals of non-loopback ranges without traffic leaving the machine.
/// </summary>
public sealed class NetworkAddressClassifierTests
{
    [Theory]
    [InlineData("127.0.0.1", NetworkAddressClass.Loopback)]
    [InlineData("127.255.255.254", NetworkAddressClass.Loopback)]
    [InlineData("::1", NetworkAddressClass.Loopback)]
    [InlineData("10.0.0.5", NetworkAddressClass.Private)]
    [InlineData("172.16.0.1", NetworkAddressClass.Private)]
    [InlineData("172.31.255.255", NetworkAddressClass.Private)]
    [InlineData("192.168.1.1", NetworkAddressClass.Private)]
    [InlineData("fc00::1", NetworkAddressClass.Private)]
    [InlineData("fd12:3456:789a::1", NetworkAddressClass.Private)]
    [InlineData("169.254.169.254", NetworkAddressClass.LinkLocal)]
    [InlineData("fe80::1", NetworkAddressClass.LinkLocal)]
    [InlineData("febf::1", NetworkAddressClass.LinkLocal)]
    [InlineData("100.64.0.1", NetworkAddressClass.SharedAddressSpace)]
    [InlineData("100.127.255.255", NetworkAddressClass.SharedAddressSpace)]
    [InlineData("0.0.0.0", NetworkAddressClass.Unspecified)]
    [InlineData("::", NetworkAddressClass.Unspecified)]
    [InlineData("224.0.0.1", NetworkAddressClass.Multicast)]
    [InlineData("239.255.255.250", NetworkAddressClass.Multicast)]
    [InlineData("ff02::1", NetworkAddressClass.Multicast)]
    [InlineData("255.255.255.255", NetworkAddressClass.Broadcast)]
    [InlineData("240.0.0.1", NetworkAddressClass.Reserved)]
    public void Inward_addresses_are_classified_by_range(string address, NetworkAddressClass expected) =>
        Assert.Equal(expected, NetworkAddressClassifier.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::ffff:127.0.0.1", NetworkAddressClass.Loopback)]
    [InlineData("::ffff:169.254.169.254", NetworkAddressClass.LinkLocal)]
    [InlineData("::ffff:10.1.2.3", NetworkAddressClass.Private)]
    [InlineData("::127.0.0.1", NetworkAddressClass.Loopback)]
    [InlineData("64:ff9b::a9fe:a9fe", NetworkAddressClass.LinkLocal)]
    [InlineData("2002:c0a8:0101::1", NetworkAddressClass.Private)]
    public void Ipv6_forms_that_carry_an_ipv4_address_are_judged_by_it(string address, NetworkAddressClass expected) =>
        Assert.Equal(expected, NetworkAddressClassifier.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("169.253.1.1")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:0808:0808::1")]
    public void Public_addresses_next_to_the_blocked_ranges_are_public(string address) =>
        Assert.Equal(NetworkAddressClass.Public, NetworkAddressClassifier.Classify(IPAddress.Parse(address)));

    [Fact]
    public void A_name_resolving_only_inward_is_refused_naming_host_address_class_and_setting()
    {
        var ex = Assert.Throws<BlockedAddressException>(() =>
            GuardedConnector.Allowed("metadata.internal", [IPAddress.Parse("169.254.169.254")]));

        Assert.Equal(NetworkAddressClass.LinkLocal, ex.AddressClass);
        Assert.Contains("metadata.internal", ex.Message, StringComparison.Ordinal);
        Assert.Contains("169.254.169.254", ex.Message, StringComparison.Ordinal);
        Assert.Contains("link-local", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NewsWatch:Fetch:AllowPrivateNetworks", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_a_name_with_mixed_answers_only_the_public_addresses_are_tried()
    {
        var allowed = GuardedConnector.Allowed("mixed.example",
            [IPAddress.Parse("10.0.0.1"), IPAddress.Parse("93.184.215.14"), IPAddress.Parse("::1")]);

        Assert.Equal([IPAddress.Parse("93.184.215.14")], allowed);
    }
}
