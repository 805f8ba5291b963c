using GridActors.Silo.Commands;

return await CommandLine.Build().Parse(args).InvokeAsync();
