using NewsWatch.Functions;

await HandlerApp.Build(args).RunAsync();
