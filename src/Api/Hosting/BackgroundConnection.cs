namespace GridActors.Api.Hosting;

/// <summary>
/// Starts the Orleans client in the background instead of before the web server: the API listens at once, so the
/// page, /health and the reference answer (and a taken port is reported at once) while the client waits for its
/// silo; until it is connected, runs get a 503 from <see cref="ClusterConnectionState"/>.
/// </summary>
internal sealed class BackgroundConnection(IServiceProvider provider, IReadOnlyList<ServiceDescriptor> clientServices) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly List<IHostedService> started = [];
    private Task connecting = Task.CompletedTask;

    /// <summary>Replaces the hosted services the Orleans client registered (those not in <paramref name="before"/>) by one that starts them in the background.</summary>
    public static void Wrap(IServiceCollection services, IReadOnlyList<ServiceDescriptor> before)
    {
        var client = services.Where(d => d.ServiceType == typeof(IHostedService) && !before.Contains(d)).ToList();
        foreach (var descriptor in client)
        {
            services.Remove(descriptor);
        }
        services.AddSingleton<IHostedService>(provider => new BackgroundConnection(provider, client));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        connecting = Task.Run(async () =>
        {
            foreach (var descriptor in clientServices)
            {
                var service = (IHostedService)(descriptor.ImplementationInstance
                    ?? descriptor.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
                await service.StartAsync(stopping.Token);
                started.Add(service);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        try
        {
            await connecting;
        }
        catch (OperationCanceledException)
        {
            // Stopped while still waiting for the silo: nothing was connected, nothing to stop.
        }
        foreach (var service in Enumerable.Reverse(started))
        {
            await service.StopAsync(cancellationToken);
        }
    }

    public void Dispose() => stopping.Dispose();
}
