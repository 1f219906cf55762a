using System.Text;
using NewsWatch.Storage.Queues;

namespace NewsWatch.Storage.Tests.Unit;

public sealed class QueueMessageXmlTests
{
    [Fact]
    public void Body_escapes_markup_and_carriage_returns()
    {
        var body = Encoding.UTF8.GetString(QueueMessageXml.CreateBody("a<b>&c\r\nd"));

        Assert.Equal("<QueueMessage><MessageText>a&lt;b&gt;&amp;c&#13;\nd</MessageText></QueueMessage>", body);
    }

    [Fact]
    public void Escaped_text_reads_back_unchanged()
    {
        const string text = "a<b>&c\r\nd é";
        var body = Encoding.UTF8.GetString(QueueMessageXml.CreateBody(text))
            .Replace("QueueMessage>", "QueueMessage><MessageId>1</MessageId>", StringComparison.Ordinal);
        var xml = "<QueueMessagesList>" + body[..body.IndexOf("</QueueMessage>", StringComparison.Ordinal)] + "</QueueMessage></QueueMessagesList>";

        var parsed = QueueMessageXml.ParseList(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(text, Assert.Single(parsed).MessageText);
    }

    [Fact]
    public void Service_message_list_is_parsed()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><QueueMessagesList><QueueMessage>
            <MessageId>99a357d8</MessageId><InsertionTime>Sun, 22 Nov 2026 02:06:36 GMT</InsertionTime>
            <ExpirationTime>Fri, 31 Dec 9999 23:59:59 GMT</ExpirationTime><PopReceipt>MjJOb3Y=</PopReceipt>
            <TimeNextVisible>Sun, 22 Nov 2026 02:07:06 GMT</TimeNextVisible><DequeueCount>3</DequeueCount><MessageText>aGVsbG8=</MessageText>
            <Unknown><Nested/></Unknown></QueueMessage><QueueMessage><MessageId>2</MessageId><MessageText/></QueueMessage></QueueMessagesList>
            """;

        var list = QueueMessageXml.ParseList(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(2, list.Count);
        Assert.Equal("99a357d8", list[0].MessageId);
        Assert.Equal("MjJOb3Y=", list[0].PopReceipt);
        Assert.Equal(3, list[0].DequeueCount);
        Assert.Equal("aGVsbG8=", list[0].MessageText);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 7, 6, TimeSpan.Zero), list[0].TimeNextVisible);
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), list[0].ExpirationTime);
        Assert.Equal(string.Empty, list[1].MessageText);
    }

    [Fact]
    public void Empty_list_and_empty_body_give_no_messages()
    {
        Assert.Empty(QueueMessageXml.ParseList(new MemoryStream(Encoding.UTF8.GetBytes("<QueueMessagesList/>"))));
        Assert.Empty(QueueMessageXml.ParseList(new MemoryStream()));
    }

    [Fact]
    public void Dtds_are_refused()
    {
        const string xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><QueueMessagesList/>";
        Assert.ThrowsAny<System.Xml.XmlException>(() => QueueMessageXml.ParseList(new MemoryStream(Encoding.UTF8.GetBytes(xml))));
    }

    [Fact]
    public void Entities_character_references_bom_and_spacing_are_handled()
    {
        var xml = "\uFEFF<?xml version=\"1.0\"?>\n<QueueMessagesList>\n  <QueueMessage >\n    <MessageId>a&amp;b</MessageId>\n" +
                  "    <MessageText>&lt;x&gt; &quot;q&quot; &apos;s&apos; &#13;&#x1F600;</MessageText>\n  </QueueMessage>\n</QueueMessagesList>";

        var message = Assert.Single(QueueMessageXml.ParseList(new MemoryStream(Encoding.UTF8.GetBytes(xml))));

        Assert.Equal("a&b", message.MessageId);
        Assert.Equal("<x> \"q\" 's' \r\U0001F600", message.MessageText);
        Assert.Null(message.PopReceipt);
    }

    [Theory]
    [InlineData("<QueueMessagesList><QueueMessage><MessageId>1</MessageId><MessageText>&bogus;</MessageText></QueueMessage></QueueMessagesList>")]
    [InlineData("<QueueMessagesList><QueueMessage><MessageId>1</MessageId><MessageText>a &amp b</MessageText></QueueMessage></QueueMessagesList>")]
    [InlineData("<QueueMessagesList><QueueMessage><MessageId>1</MessageId><MessageText>unclosed</QueueMessage></QueueMessagesList>")]
    [InlineData("<QueueMessagesList><QueueMessage><MessageText>no id</MessageText></QueueMessage></QueueMessagesList>")]
    [InlineData("<QueueMessagesList><QueueMessage><MessageId>1</MessageId>")]
    public void Malformed_lists_are_refused(string xml) =>
        Assert.ThrowsAny<System.Xml.XmlException>(() => QueueMessageXml.ParseList(new MemoryStream(Encoding.UTF8.GetBytes(xml))));

    [Fact]
    public void Any_text_survives_escape_and_parse()
    {
        const string alphabet = "ab<>&'\"\r\n\té;#x";
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            var text = new string(chars);
            var body = Encoding.UTF8.GetString(QueueMessageXml.CreateBody(text));
            var xml = "<QueueMessagesList>" + body.Replace("<QueueMessage>", "<QueueMessage><MessageId>1</MessageId>", StringComparison.Ordinal) + "</QueueMessagesList>";

            Assert.Equal(text, Assert.Single(QueueMessageXml.ParseList(new MemoryStream(Encoding.UTF8.GetBytes(xml)))).MessageText);
        }
    }
}
