using GridActors.Api;
using GridActors.Api.Hosting;

// The content root is where the program is, not the working directory: started as `dotnet …/GridActors.Api.dll`
// from anywhere, it finds its appsettings.json and its page.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddGridApi();
var app = builder.Build();
app.MapGridApi();
return await ApiHost.RunAsync(app);

/// <summary>The API's entry point, visible to the functional tests.</summary>
public partial class Program;
