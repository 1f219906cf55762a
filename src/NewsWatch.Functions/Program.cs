using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using NewsWatch.Infrastructure.Composition;

// The isolated worker: the Functions host starts this process and talks to it over gRPC. Everything the functions
// call is registered by AddNewsWatch, the same composition the local runner (newswatch run) uses.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddNewsWatch(builder.Configuration);
builder.Build().Run();
