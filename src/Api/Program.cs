using GridActors.Api;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapHealth();
await app.RunAsync();
public partial class Program;
