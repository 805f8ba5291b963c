using GridActors.Model.Schema;
using GridActors.Testing;

namespace GridActors.Model.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void ShippedSchemaIsTheOneGeneratedFromTheDocumentClasses()
    {
        var shipped = File.ReadAllText(RepositoryRoot.Path("scenarios/schema.json"));
        Assert.True(shipped == ScenarioSchema.Generate(), "scenarios/schema.json is stale: run `gridactors schema --out scenarios/schema.json`");
    }

    [Fact]
    public void SchemaKnowsEveryAssetTypeAndRejectsUnknownFields()
    {
        var schema = ScenarioSchema.Generate();
        foreach (var type in new[] { "\"thermal\"", "\"wind\"", "\"solar\"", "\"run_of_river\"", "\"storage\"", "\"load\"", "\"datacenter\"" })
        {
            Assert.Contains(type, schema, StringComparison.Ordinal);
        }
        Assert.Contains("\"additionalProperties\": false", schema, StringComparison.Ordinal);
    }
}
