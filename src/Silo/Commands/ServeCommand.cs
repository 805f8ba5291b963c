using System.CommandLine;
using System.Net;
using GridActors.Client;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridActors.Silo.Commands;

/// <summary>
/// <c>serve</c>: a long-running silo that hosts the runs clients start (the API, <c>run --postgres</c>). With no
/// options it listens where the API looks by default, in memory; with <c>--postgres</c> it joins the cluster
/// kept in that database, with checkpoints there. SIGTERM or Ctrl+C stops it gracefully.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic.", DefaultValueFactory = _ => ClusterDefaults.SiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients (the API) connect to.", DefaultValueFactory = _ => ClusterDefaults.GatewayPort };
        var advertise = new Option<string>("--advertise") { Description = "The address other silos and clients reach this silo at (with --postgres; several machines need a routable one).", DefaultValueFactory = _ => "127.0.0.1" };
        var cluster = new ClusterSettings();
        var command = new Command("serve", "Run a long-lived silo that hosts runs started through the API or `run --postgres`: in memory on localhost by default, or one of a cluster on PostgreSQL.")
        {
            siloPort, gatewayPort, advertise,
        };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(advertise), out var address))
            {
                return Task.FromResult(ErrorReport.Print($"--advertise: '{parse.GetValue(advertise)}' is not an IP address"));
            }
            return ExecuteAsync(new SiloEndpoints(parse.GetValue(siloPort), parse.GetValue(gatewayPort), cluster.ClusterId(parse), cluster.Postgres(parse), address), cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// How long a stop may take: leaving the cluster means writing to its membership table, and with the database gone
    /// that write would wait for ever. After this the silo stops anyway; the others declare it dead within seconds.
    /// </summary>
    public static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(4);

    private static async Task<int> ExecuteAsync(SiloEndpoints endpoints, CancellationToken cancellationToken)
    {
        if ((PortInUse(endpoints.SiloPort) ?? PortInUse(endpoints.GatewayPort)) is { } taken)
        {
            return ErrorReport.Print($"port {taken} is in use (another `gridactors serve`?); stop that one or choose others with --silo-port and --gateway-port");
        }
        var builder = Host.CreateApplicationBuilder();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = StopPatience);
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Microsoft", LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddGridSilo(endpoints));
        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var hint = endpoints.Postgres is null ? "" : $"; is PostgreSQL at {DatabaseSchema.Describe(endpoints.Postgres)} up, and was `gridactors db init` run on it?";
            return ErrorReport.Print($"the silo could not start on ports {endpoints.SiloPort} and {endpoints.GatewayPort}: {e.Message}{hint}");
        }
        var store = endpoints.Postgres is { } postgres ? $"PostgreSQL {DatabaseSchema.Describe(postgres)}" : "in memory";
        Console.WriteLine($"gridactors silo serving: gateway {endpoints.Advertised ?? IPAddress.Loopback}:{endpoints.GatewayPort}, silo port {endpoints.SiloPort}, cluster '{endpoints.ClusterId}', {store}. Stop with Ctrl+C or SIGTERM.");
        var stopping = new TaskCompletionSource();
        using (host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult()))
        using (cancellationToken.Register(() => stopping.TrySetResult()))
        {
            await stopping.Task;
        }
        using var patience = new CancellationTokenSource(StopPatience);
        var stop = host.StopAsync(patience.Token);
        if (await Task.WhenAny(stop, Task.Delay(StopPatience + TimeSpan.FromSeconds(1), CancellationToken.None)) != stop)
        {
            Console.WriteLine($"gridactors silo stopped without leaving the cluster cleanly (its storage did not answer within {StopPatience.TotalSeconds:0} s); the other silos count it as gone.");
            return 0;
        }
        Console.WriteLine("gridactors silo stopped.");
        return 0;
    }

    /// <summary>
    /// The port when something listens on it already. Orleans would bind next to it without a word (it reuses
    /// addresses), and clients would reach either silo.
    /// </summary>
    private static int? PortInUse(int port)
    {
        try
        {
            using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Any, port));
            return null;
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            return port;
        }
    }
}
