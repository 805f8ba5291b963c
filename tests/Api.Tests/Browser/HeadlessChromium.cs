using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridActors.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket carrying JSON commands):
/// enough to open a page, run script in it and take a screenshot, with nothing downloaded.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process process;
    private readonly string profile;
    private readonly ClientWebSocket socket = new();
    private int nextId;

    private HeadlessChromium(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>Starts Chromium on <paramref name="url"/> and connects to that page.</summary>
    public static async Task<HeadlessChromium> OpenAsync(string url, CancellationToken cancellationToken)
    {
        var profile = Path.Combine(Path.GetTempPath(), "gridactors-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo("chromium") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--remote-debugging-port=0", "--window-size=1400,1000", $"--user-data-dir={profile}", url })
        {
            start.ArgumentList.Add(flag);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("chromium is not installed; the README's test command installs it from Debian's packages", e);
        }
        var browser = new HeadlessChromium(process, profile);
        // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" once it is ready.
        string? endpoint = null;
        while (endpoint is null && await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("DevTools listening on ", StringComparison.Ordinal))
            {
                endpoint = line["DevTools listening on ".Length..].Trim();
            }
        }
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var port = new Uri(endpoint ?? throw new InvalidOperationException("chromium exited before it opened its DevTools port")).Port;
        using var http = new HttpClient();
        var pages = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken))!.AsArray();
        var page = pages.First(p => p!["type"]!.GetValue<string>() == "page")!;
        await browser.socket.ConnectAsync(new Uri(page["webSocketDebuggerUrl"]!.GetValue<string>()), cancellationToken);
        return browser;
    }

    /// <summary>Evaluates a script expression in the page (promises awaited); its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, cancellationToken);
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"script failed: {exception.ToJsonString()}");
        }
        return result["result"]?["value"]?.DeepClone();
    }

    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken);
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var id = ++nextId;
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            var reply = JsonNode.Parse(message.ToArray())!;
            // Events arrive between replies; only the answer to this command counts.
            if (reply["id"]?.GetValue<int>() != id)
            {
                continue;
            }
            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
            }
            return reply["result"]!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        socket.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; it is a temp folder.
        }
    }
}
