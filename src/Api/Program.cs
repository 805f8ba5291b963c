using GridActors.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGridApi();
var app = builder.Build();
app.MapGridApi();
await app.RunAsync();

/// <summary>The API's entry point, visible to the functional tests.</summary>
public partial class Program;
