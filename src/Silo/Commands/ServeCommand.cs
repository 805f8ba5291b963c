using System.CommandLine;
using GridActors.Grains.Abstractions;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridActors.Silo.Commands;

/// <summary>
/// <c>serve</c>: a long-running silo that hosts the runs clients start through the API. With no
/// options it listens where the API looks by default; SIGTERM or Ctrl+C stops it gracefully.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic.", DefaultValueFactory = _ => ClusterDefaults.SiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients (the API) connect to.", DefaultValueFactory = _ => ClusterDefaults.GatewayPort };
        var clusterId = new Option<string>("--cluster-id") { Description = "Cluster id; the API must name the same.", DefaultValueFactory = _ => ClusterDefaults.ClusterId };
        var command = new Command("serve", "Run a long-lived silo on this machine that hosts runs started through the API (localhost clustering, in-memory storage).")
        {
            siloPort, gatewayPort, clusterId,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(new SiloEndpoints(parse.GetValue(siloPort), parse.GetValue(gatewayPort), parse.GetValue(clusterId)!), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(SiloEndpoints endpoints, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Microsoft", LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddGridSilo(endpoints));
        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is Orleans.Runtime.OrleansException or System.Net.Sockets.SocketException or IOException)
        {
            return ErrorReport.Print($"the silo could not start on ports {endpoints.SiloPort} and {endpoints.GatewayPort}: {e.Message}");
        }
        Console.WriteLine($"gridactors silo serving: gateway localhost:{endpoints.GatewayPort}, silo port {endpoints.SiloPort}, cluster '{endpoints.ClusterId}'. Stop with Ctrl+C or SIGTERM.");
        await host.WaitForShutdownAsync(cancellationToken);
        Console.WriteLine("gridactors silo stopped.");
        return 0;
    }
}
