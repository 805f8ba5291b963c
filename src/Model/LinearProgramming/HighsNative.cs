using System.Reflection;
using System.Runtime.InteropServices;

namespace GridActors.Model.LinearProgramming;

/// <summary>
/// HiGHS's C API, from the native library the Google.OrTools.runtime.* package already puts beside the program
/// (runtimes/RID/native/: libhighs.so.1 on Linux, libhighs.1.dylib on macOS, highs.dll on Windows). Only the calls
/// GridActors makes are declared; HighsInt is 32 bits in that build, which <see cref="HighsSolver"/> confirms.
/// </summary>
internal static unsafe partial class HighsNative
{
    private const string Library = "highs";

    public const int StatusError = -1;
    public const int MatrixColumnwise = 1;
    public const int SenseMinimize = 1;
    public const int ModelEmpty = 6;
    public const int ModelOptimal = 7;
    public const int ModelInfeasible = 8;
    public const int ModelUnboundedOrInfeasible = 9;
    public const int ModelUnbounded = 10;
    public const int ModelInterrupt = 17;

    /// <summary>HiGHS's words for a model status that is not an answer (HighsModelStatus in HiGHS 1.12), for error messages.</summary>
    public static string DescribeFailure(int modelStatus) => modelStatus switch
    {
        1 => "HiGHS could not load the model",
        2 => "HiGHS found an error in the model",
        3 => "HiGHS's presolve failed",
        4 => "HiGHS's simplex failed",
        5 => "HiGHS's postsolve failed",
        13 => "HiGHS reached its time limit",
        14 => "HiGHS reached its iteration limit",
        15 => "HiGHS ended with status unknown",
        _ => $"HiGHS ended with model status {modelStatus}",
    };
    public const int CallbackSimplexInterrupt = 1;
    public const int CallbackIpmInterrupt = 2;

    static HighsNative() => NativeLibrary.SetDllImportResolver(typeof(HighsNative).Assembly, Resolve);

    /// <summary>Where HiGHS was looked for, for the message when it is not found.</summary>
    public static string Candidates => string.Join(", ", CandidatePaths());

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }
        foreach (var path in CandidatePaths())
        {
            if (NativeLibrary.TryLoad(path, out var handle))
            {
                return handle;
            }
        }
        throw new DllNotFoundException($"HiGHS's native library was not found (looked for {Candidates}); it comes with the Google.OrTools.runtime package of this platform: rebuild GridActors, or use --solver glop or clp");
    }

    private static IEnumerable<string> CandidatePaths()
    {
        var file = OperatingSystem.IsWindows() ? "highs.dll" : OperatingSystem.IsMacOS() ? "libhighs.1.dylib" : "libhighs.so.1";
        var rid = RuntimeInformation.RuntimeIdentifier;
        var arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        yield return Path.Combine(AppContext.BaseDirectory, file);
        yield return Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native", file);
        yield return Path.Combine(AppContext.BaseDirectory, "runtimes", $"{os}-{arch}", "native", file);
        // Already loaded by OR-Tools, or on the system's library path.
        yield return file;
    }

    [LibraryImport(Library)]
    public static partial IntPtr Highs_create();

    [LibraryImport(Library)]
    public static partial int Highs_clearModel(IntPtr highs);

    [LibraryImport(Library)]
    public static partial int Highs_getSizeofHighsInt(IntPtr highs);

    [LibraryImport(Library)]
    public static partial double Highs_getInfinity(IntPtr highs);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_setBoolOptionValue(IntPtr highs, string option, int value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_setIntOptionValue(IntPtr highs, string option, int value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_setStringOptionValue(IntPtr highs, string option, string value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_getIntInfoValue(IntPtr highs, string info, out int value);

    [LibraryImport(Library)]
    public static partial int Highs_passLp(IntPtr highs, int columns, int rows, int nonzeros, int format, int sense, double offset,
        double* cost, double* columnLower, double* columnUpper, double* rowLower, double* rowUpper, int* start, int* index, double* value);

    [LibraryImport(Library)]
    public static partial int Highs_addRows(IntPtr highs, int rows, double* lower, double* upper, int nonzeros, int* start, int* index, double* value);

    [LibraryImport(Library)]
    public static partial int Highs_addCols(IntPtr highs, int columns, double* cost, double* lower, double* upper, int nonzeros, int* start, int* index, double* value);

    [LibraryImport(Library)]
    public static partial int Highs_changeColsCostBySet(IntPtr highs, int count, int* set, double* cost);

    [LibraryImport(Library)]
    public static partial int Highs_changeColsBoundsBySet(IntPtr highs, int count, int* set, double* lower, double* upper);

    [LibraryImport(Library)]
    public static partial int Highs_changeRowsBoundsBySet(IntPtr highs, int count, int* set, double* lower, double* upper);

    [LibraryImport(Library)]
    public static partial int Highs_changeCoeff(IntPtr highs, int row, int column, double value);

    [LibraryImport(Library)]
    public static partial int Highs_run(IntPtr highs);

    [LibraryImport(Library)]
    public static partial int Highs_getModelStatus(IntPtr highs);

    [LibraryImport(Library)]
    public static partial double Highs_getObjectiveValue(IntPtr highs);

    [LibraryImport(Library)]
    public static partial int Highs_getSolution(IntPtr highs, double* columnValue, double* columnDual, double* rowValue, double* rowDual);

    [LibraryImport(Library)]
    public static partial int Highs_getBasis(IntPtr highs, int* columnStatus, int* rowStatus);

    [LibraryImport(Library)]
    public static partial int Highs_getNumCol(IntPtr highs);

    [LibraryImport(Library)]
    public static partial int Highs_getNumRow(IntPtr highs);

    [LibraryImport(Library)]
    public static partial int Highs_setBasis(IntPtr highs, int* columnStatus, int* rowStatus);

    [LibraryImport(Library)]
    public static partial int Highs_setCallback(IntPtr highs, delegate* unmanaged[Cdecl]<int, byte*, void*, int*, CallbackState*, void> callback, CallbackState* userData);

    [LibraryImport(Library)]
    public static partial int Highs_startCallback(IntPtr highs, int callbackType);

    [LibraryImport(Library)]
    public static partial void* Highs_getCallbackDataOutItem(void* dataOut, byte* itemName);

    /// <summary>
    /// What GridActors shares with HiGHS's callback, in native memory: the flag that stops a solve, and who hears of
    /// the simplex's iterations while a large model solves. (HiGHS 1.12 leaves the objective and the running time of
    /// its simplex interrupt callback unset: -inf and -1.)
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CallbackState
    {
        public int Stop;

        /// <summary>A handle to the solve's <see cref="ProgressSink"/>, or zero when nobody listens.</summary>
        public IntPtr Progress;
    }

    /// <summary>Where the simplex's progress goes, told from the solving thread at most once per interval.</summary>
    public sealed class ProgressSink(Action<LpProgress> progress, TimeSpan interval)
    {
        private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();
        private TimeSpan next = TimeSpan.Zero;

        public void Tell(int iterations)
        {
            if (watch.Elapsed < next)
            {
                return;
            }
            next = watch.Elapsed + interval;
            progress(new LpProgress(iterations, watch.Elapsed.TotalSeconds));
        }
    }

    /// <summary>
    /// HiGHS's interrupt callback: copies the caller's flag (<see cref="CallbackState.Stop"/>, set when a solve is to
    /// stop) into the callback's <c>user_interrupt</c>, the first field of HighsCallbackDataIn, and tells a listener the
    /// simplex's iterations, read through HiGHS's accessor (no assumption on the layout of its output structure).
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static void Interrupt(int callbackType, byte* message, void* dataOut, int* dataIn, CallbackState* state)
    {
        if (state == null)
        {
            return;
        }
        // Written either way: HiGHS keeps the field between calls, so a 1 left from an interrupted solve would stop the next.
        if (dataIn != null)
        {
            *dataIn = state->Stop;
        }
        // Read only when someone listens: most solves (the markets' many re-solves) have nobody.
        if (dataOut != null && state->Progress != IntPtr.Zero && GCHandle.FromIntPtr(state->Progress).Target is ProgressSink sink)
        {
            fixed (byte* name = "simplex_iteration_count"u8)
            {
                var iterations = (int*)Highs_getCallbackDataOutItem(dataOut, name);
                try
                {
                    sink.Tell(iterations != null ? *iterations : 0);
                }
                catch (Exception)
                {
                    // Progress is a courtesy: nothing a listener does may unwind through HiGHS.
                }
            }
        }
    }
}
