using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsWatch.Infrastructure.Composition;
using NewsWatch.Web;

// The isolated worker: the Functions host starts this process and talks to it over gRPC. Everything the functions
// call is registered by AddNewsWatch, the same composition the local runner (newswatch run) uses.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddNewsWatch(builder.Configuration);
builder.Services.AddNewsWatchReadApi();

// The Azure SDK logs every 409/412 as a warning, and those are how the pipeline's claims and ETag guards work; real
// storage failures surface as exceptions in the function's own log lines.
builder.Logging.AddFilter("Azure.Core", LogLevel.Error);

// The resilience pipeline reports every attempt; retries and failures (warnings) are what an operator needs.
builder.Logging.AddFilter("Polly", LogLevel.Warning);
builder.Build().Run();
