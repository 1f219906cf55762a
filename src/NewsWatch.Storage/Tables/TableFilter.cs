using System.Globalization;
using System.Text;

namespace NewsWatch.Storage.Tables;

/// <summary>
/// Builds OData <c>$filter</c> text where the interpolated values are turned into escaped literals, so a value
/// can never change the shape of the query.
/// </summary>
public static class TableFilter
{
    /// <summary>
    /// <c>TableFilter.Create($"PartitionKey eq {pk} and Count gt {n}")</c>: the format text is kept as written,
    /// every hole becomes a literal (strings quoted with '' doubling, datetime'…', guid'…', 123L, X'…').
    /// </summary>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments();
        var literals = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            literals[i] = ToLiteral(arguments[i]);
        }

        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>One value as an OData literal.</summary>
    public static string ToLiteral(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        uint u => ((long)u).ToString(CultureInfo.InvariantCulture) + "L",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        DateTimeOffset dto => "datetime'" + TableValues.FormatDateTime(dto) + "'",
        DateTime dt => "datetime'" + TableValues.FormatDateTime(TableValues.ToDateTimeOffset(dt)) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => Binary(bytes),
        BinaryData data => Binary(data.ToArray()),
        Enum e => Quote(e.ToString()),
        _ => throw new ArgumentException(
            $"A {value.GetType().Name} cannot be used in a table filter; pass a string, number, bool, DateTimeOffset, Guid or byte[].",
            nameof(value)),
    };

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string FormatDouble(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("NaN and infinities cannot be compared in a table filter.", nameof(d));
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);

        // A literal without '.' or exponent is read as Int32 by the service.
        return text.AsSpan().IndexOfAny(".Ee") >= 0 ? text : text + ".0";
    }

    private static string Binary(byte[] bytes) =>
        new StringBuilder("X'", 3 + (bytes.Length * 2)).Append(Convert.ToHexString(bytes)).Append('\'').ToString();
}
