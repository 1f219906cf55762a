using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace NewsWatch.Web.Api;

/// <summary>A query string value that is not what the parameter takes; the answer is 400 with this message.</summary>
public sealed class QueryValueException(string message) : Exception(message);

/// <summary>Reads and checks query string values; every value is bounded before it reaches a storage filter.</summary>
public static class QueryValues
{
    private const int MaxChars = 200;

    internal static string? Text(HttpRequest request, string name, int maxChars = MaxChars)
    {
        var value = request.Query[name].ToString();
        if (value.Length == 0)
        {
            return null;
        }

        return value.Length <= maxChars ? value : throw new QueryValueException($"{name} is longer than {maxChars} characters");
    }

    internal static string? OneOf(HttpRequest request, string name, params string[] allowed)
    {
        var value = Text(request, name)?.ToLowerInvariant();
        return value is null || allowed.Contains(value)
            ? value
            : throw new QueryValueException($"{name} must be one of {string.Join(", ", allowed)}");
    }

    internal static bool? Flag(HttpRequest request, string name) => Text(request, name) switch
    {
        null => null,
        var v when bool.TryParse(v, out var b) => b,
        "1" or "yes" => true,
        "0" or "no" => false,
        _ => throw new QueryValueException($"{name} must be true or false"),
    };

    internal static string? Language(HttpRequest request, string name)
    {
        var value = Text(request, name, 35);
        return value is null || value.All(c => char.IsAsciiLetter(c) || c == '-')
            ? value
            : throw new QueryValueException($"{name} must be a language tag such as en or zh-CN");
    }

    internal static int Int(HttpRequest request, string name, int fallback, int min, int max)
    {
        var value = Text(request, name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new QueryValueException($"{name} must be a whole number from {min} to {max}");
    }

    /// <summary>An ISO-8601 date or time, UTC unless it says otherwise. A bare date as an upper bound means the end of that day.</summary>
    internal static DateTimeOffset? Time(HttpRequest request, string name, bool endOfDay = false)
    {
        var value = Text(request, name, 40);
        if (value is null)
        {
            return null;
        }

        if (!TryParseTime(value, endOfDay, out var time))
        {
            throw new QueryValueException($"{name} must be an ISO-8601 date or time such as 2024-03-28 or 2024-03-28T09:00:00Z");
        }

        return time;
    }

    public static bool TryParseTime(string value, bool endOfDay, [NotNullWhen(true)] out DateTimeOffset? time)
    {
        time = null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            time = endOfDay ? start.AddDays(1).AddTicks(-1) : start;
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            time = t;
            return true;
        }

        return false;
    }
}
