using NewsWatch.Functions.Invocations;
using NewsWatch.Infrastructure.Composition;

namespace NewsWatch.Functions;

/// <summary>Builds the custom-handler web app; Program runs it, contract tests start it in-process.</summary>
public static class HandlerApp
{
    /// <summary>Port used when the handler is started by hand, outside the Functions host.</summary>
    public const string DefaultPort = "5123";

    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);

        // The host gives the port in FUNCTIONS_CUSTOMHANDLER_PORT and only ever calls over loopback.
        var port = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] ?? DefaultPort;
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddNewsWatch(builder.Configuration);
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapFunctionEndpoints();
        return app;
    }
}
