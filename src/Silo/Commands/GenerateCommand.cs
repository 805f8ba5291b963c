using System.CommandLine;
using GridActors.Model.Generation;
using GridActors.Model.Loading;

namespace GridActors.Silo.Commands;

/// <summary><c>generate</c>: writes a synthetic scenario of any size from a seed, for benchmarks and tests at scale.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var regions = new Option<int>("--regions") { Description = "Regions, joined by a meshed grid.", DefaultValueFactory = _ => 31 };
        var assets = new Option<int>("--assets") { Description = "Assets: plants, wind and solar, stores, loads and data-center campuses.", DefaultValueFactory = _ => 1000 };
        var steps = new Option<int>("--steps") { Description = "Hourly steps of the horizon.", DefaultValueFactory = _ => 168 };
        var seed = new Option<int>("--seed") { Description = "The same seed and sizes give the same bytes.", DefaultValueFactory = _ => 1 };
        var shape = new Option<string>("--shape") { Description = "What kind of system: default, storage (three times the stores) or ramps (plants ramping half as fast).", DefaultValueFactory = _ => "default" };
        shape.Validators.Add(result =>
        {
            if (!GeneratorSettings.TryParseShape(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--shape must be one of {string.Join(", ", GeneratorSettings.ShapeNames)}");
            }
        });
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: print to standard output)." };
        Within(regions, GeneratorSettings.MaxRegions);
        Within(assets, GeneratorSettings.MaxAssets);
        Within(steps, ScenarioLimits.Default.MaxSteps);
        var command = new Command("generate", "Write a valid synthetic scenario of R regions and N assets from a seed (for `run`, `optimize` and `bench` at scale).")
        {
            regions, assets, steps, seed, shape, output,
        };
        command.SetAction(parse =>
        {
            var settings = new GeneratorSettings(parse.GetValue(regions), parse.GetValue(assets), parse.GetValue(steps), parse.GetValue(seed),
                GeneratorSettings.TryParseShape(parse.GetValue(shape)!, out var drawn) ? drawn : GeneratorShape.Default);
            if (settings.Problem(ScenarioLimits.Default) is { } tooLarge)
            {
                return ErrorReport.Print(tooLarge);
            }
            // The path is checked before the scenario is made: nothing but a regular file is ever replaced.
            return TextOutput.Problem(parse.GetValue(output)) ?? TextOutput.Write(parse.GetValue(output), ScenarioGenerator.Generate(settings));
        });
        return command;
    }

    private static void Within(Option<int> option, int largest) => option.Validators.Add(result =>
    {
        var value = result.GetValueOrDefault<int>();
        if (value < 1 || value > largest)
        {
            result.AddError($"{option.Name} must be from 1 to {largest:N0}");
        }
    });
}
