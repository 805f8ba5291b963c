using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GridActors.Api.Tests;

/// <summary>
/// The API as a user starts it: `dotnet …/GridActors.Api.dll` from another folder, with no silo running. It listens
/// at once, serves its page, says why runs cannot start, refuses a taken port in a sentence, stops on SIGTERM, and
/// never writes a key to its log.
/// </summary>
public sealed class ApiProcessTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridactors-api-process", Guid.NewGuid().ToString("N"));

    public ApiProcessTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// `gridactors` from its own build folder (same configuration as this test's): its runtime config there loads the
    /// ASP.NET Core framework Orleans needs, the copy beside the tests does not.
    /// </summary>
    private static string SiloProgram()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return GridActors.Testing.RepositoryRoot.Path(Path.Combine("src", "Silo", "bin", framework.Parent!.Name, framework.Name, "gridactors.dll"));
    }


    private Process Start(int port, int gateway, ProcessLog log)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "GridActors.Api.dll"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["GRIDACTORS_API_KEY"] = "process-secret-key";
        start.Environment["Api__RequireKeyForReads"] = "true";
        start.Environment["Orleans__GatewayPort"] = gateway.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The worst case for secrets: every request logged.
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Information";
        start.Environment.Remove("GRIDACTORS_POSTGRES");
        var process = Process.Start(start)!;
        log.Follow(process);
        return process;
    }

    private static async Task<HttpResponseMessage> WaitForAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await http.GetAsync(new Uri(path, UriKind.Relative));
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public async Task WithoutASiloTheApiListensExplainsRefusesATakenPortAndStopsOnSigterm()
    {
        var port = GridActors.Silo.Hosting.EmbeddedCluster.FreePort();
        var log = new ProcessLog();
        using var api = Start(port, GridActors.Silo.Hosting.EmbeddedCluster.FreePort(), log);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var page = await WaitForAsync(http, "/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("GridActors", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var health = await http.GetStringAsync(new Uri("/health", UriKind.Relative));
            Assert.Contains("\"cluster\":\"connecting\"", health, StringComparison.Ordinal);
            Assert.Contains("gridactors serve", health, StringComparison.Ordinal);

            using var start = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent("""{"scenario":"two-region-toy"}""", Encoding.UTF8, "application/json") };
            start.Headers.Add("X-Api-Key", "process-secret-key");
            using var refused = await http.SendAsync(start);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("no GridActors silo answers", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/runs?api_key=process-secret-key", UriKind.Relative))).StatusCode);

            var secondLog = new ProcessLog();
            using (var second = Start(port, GridActors.Silo.Hosting.EmbeddedCluster.FreePort(), secondLog))
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await second.WaitForExitAsync(timeout.Token);
                Assert.Equal(2, second.ExitCode);
            }
            Assert.Contains($"127.0.0.1:{port}: address already in use", secondLog.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", secondLog.ToString(), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", api.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await api.WaitForExitAsync(stop.Token);
            Assert.Equal(0, api.ExitCode);
            var text = log.ToString();
            Assert.DoesNotContain("process-secret-key", text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
        finally
        {
            if (!api.HasExited)
            {
                api.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Sends raw HTTP over a socket (what HttpClient will not send) and returns the status line and body.</summary>
    private static async Task<string> RawAsync(int port, string head, Func<NetworkStream, Task> body)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await body(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task BodiesKestrelCannotReadGet400Or408NeverA500()
    {
        var port = GridActors.Silo.Hosting.EmbeddedCluster.FreePort();
        var log = new ProcessLog();
        using var api = Start(port, GridActors.Silo.Hosting.EmbeddedCluster.FreePort(), log);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            (await WaitForAsync(http, "/")).Dispose();
            const string Head = "POST /api/runs HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: process-secret-key\r\nContent-Type: application/json\r\nConnection: close\r\n";

            var overflow = await RawAsync(port, Head + "Transfer-Encoding: chunked\r\n\r\n", s => s.WriteAsync(Encoding.ASCII.GetBytes("FFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n")).AsTask());
            Assert.StartsWith("HTTP/1.1 400", overflow, StringComparison.Ordinal);

            // One byte every two seconds stays under Kestrel's minimum data rate (240 bytes/s after 5 s of grace).
            var trickle = await RawAsync(port, Head + "Content-Length: 1000\r\n\r\n", async s =>
            {
                try
                {
                    for (var i = 0; i < 30; i++)
                    {
                        await s.WriteAsync(Encoding.ASCII.GetBytes(" "));
                        await Task.Delay(2000);
                    }
                }
                catch (IOException)
                {
                    // The server gave up on the body and answered: what is read next.
                }
            });
            Assert.StartsWith("HTTP/1.1 408", trickle, StringComparison.Ordinal);
            Assert.Contains("arrived too slowly", trickle, StringComparison.Ordinal);
            Assert.DoesNotContain(" 500 ", log.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", log.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            api.Kill(entireProcessTree: true);
        }
    }

    private static System.Text.Json.JsonDocument Json(string text) => System.Text.Json.JsonDocument.Parse(text);

    [Fact]
    public async Task ARunWhoseOnlySiloIsKilledFailsWithinAboutThirtySecondsSayingHowToGoOnAndHealthSaysTheClusterIsLost()
    {
        var gateway = GridActors.Silo.Hosting.EmbeddedCluster.FreePort();
        var siloStart = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in new[] { SiloProgram(), "serve",
            "--silo-port", GridActors.Silo.Hosting.EmbeddedCluster.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--gateway-port", gateway.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            siloStart.ArgumentList.Add(arg);
        }
        siloStart.Environment.Remove("GRIDACTORS_POSTGRES");
        using var silo = Process.Start(siloStart)!;
        var siloLog = new ProcessLog();
        siloLog.Follow(silo);
        var port = GridActors.Silo.Hosting.EmbeddedCluster.FreePort();
        var apiLog = new ProcessLog();
        using var api = Start(port, gateway, apiLog);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Add("X-Api-Key", "process-secret-key");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!(await (await WaitForAsync(http, "/health")).Content.ReadAsStringAsync()).Contains("\"connected\"", StringComparison.Ordinal))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    Assert.Fail($"the API never reached the silo\n--- silo ---\n{siloLog}\n--- API ---\n{apiLog}");
                }
                await Task.Delay(200);
            }
            var run = await http.StartAsync(new { scenario = "two-region-toy", pace = 4, window_steps = 6 });
            await http.WaitUntilAsync(run.Id(), r => r["steps_done"]?.GetValue<int>() > 0);

            silo.Kill(entireProcessTree: true);
            var killed = Stopwatch.StartNew();
            var ended = await http.WaitForEndAsync(run.Id(), TimeSpan.FromSeconds(90));
            Assert.Equal("failed", ended["status"]!.GetValue<string>());
            Assert.Contains("no silo of the cluster has answered for 30 s", ended["error"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("resume", ended["error"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(killed.Elapsed < TimeSpan.FromSeconds(60), $"reported {killed.Elapsed} after the kill");

            // With its silo dead the API says so, and a new run is refused with the documented 503 instead of 201.
            using var health = Json(await (await WaitForAsync(http, "/health")).Content.ReadAsStringAsync());
            Assert.Equal("lost", health.RootElement.GetProperty("cluster").GetString());
            Assert.Contains("no GridActors silo answers", health.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var (status, refusal) = await http.PostRawAsync("{\"scenario\":\"two-region-toy\"}", "application/json");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("gridactors serve", refusal, StringComparison.Ordinal);
        }
        finally
        {
            if (!api.HasExited)
            {
                api.Kill(entireProcessTree: true);
            }
            if (!silo.HasExited)
            {
                silo.Kill(entireProcessTree: true);
            }
        }
    }
}
