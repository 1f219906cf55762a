using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace NewsWatch.Web.Api;

/// <summary>The answers of the read API, every one with <see cref="SecurityHeaders"/>.</summary>
public static class ApiResults
{
    public static IResult Json<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        new SecuredResult(Results.Json(value, type, "application/json; charset=utf-8", status), cache: false);

    /// <summary>One of the dashboard's files, which browsers may keep for a few minutes.</summary>
    public static IResult File(byte[] body, string contentType) => new SecuredResult(Results.Bytes(body, contentType), cache: true);

    public static IResult BadRequest(string error) => Json(new ErrorResponse(error), ApiJson.Default.ErrorResponse, StatusCodes.Status400BadRequest);

    public static IResult NotFound(string error) => Json(new ErrorResponse(error), ApiJson.Default.ErrorResponse, StatusCodes.Status404NotFound);
}

/// <summary>Adds the security headers before the wrapped result writes the body.</summary>
internal sealed class SecuredResult(IResult inner, bool cache) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        SecurityHeaders.Apply(httpContext.Response, cache);
        return inner.ExecuteAsync(httpContext);
    }
}

/// <summary>
/// Everything the app shows is text strangers wrote. Beyond escaping it (the page only ever sets textContent), the
/// browser is told to run no script and load nothing but the app's own files: no inline code, no other origins,
/// no framing, no sniffing a JSON answer into HTML.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response, bool cache)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = cache ? "public, max-age=300" : "no-store";
    }
}

