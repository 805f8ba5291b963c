using System.CommandLine;
using GridActors.Model.Schema;

namespace GridActors.Silo.Commands;

/// <summary><c>schema</c>: writes the scenario JSON Schema generated from the document classes.</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: print to standard output)." };
        var command = new Command("schema", "Write the JSON Schema of the scenario format, for editors (scenarios/schema.json).") { output };
        command.SetAction(parse =>
        {
            return TextOutput.Problem(parse.GetValue(output)) ?? TextOutput.Write(parse.GetValue(output), ScenarioSchema.Generate());
        });
        return command;
    }
}
