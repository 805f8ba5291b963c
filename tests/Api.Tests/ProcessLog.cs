using System.Diagnostics;
using System.Text;

namespace GridActors.Api.Tests;

/// <summary>
/// What a child process prints on stdout and stderr, collected from the threads that read its pipes. Reads take the
/// same lock as writes: a StringBuilder read while another thread appends can throw.
/// </summary>
internal sealed class ProcessLog
{
    private readonly StringBuilder text = new();

    /// <summary>Starts collecting both pipes of a process started with them redirected.</summary>
    public void Follow(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        lock (text)
        {
            text.AppendLine(line);
        }
    }

    public override string ToString()
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
