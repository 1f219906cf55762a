using Microsoft.AspNetCore.Http;

namespace NewsWatch.Web.Api;

/// <summary>Turns the caller's mistakes into 400 answers; everything else is the host's to log and answer with 500.</summary>
internal static class ApiGuard
{
    public static async Task<IResult> RunAsync(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (QueryValueException ex)
        {
            return ApiResults.BadRequest(ex.Message);
        }
        catch (FormatException)
        {
            return ApiResults.BadRequest("continuation is not a token this API handed out");
        }
    }
}
