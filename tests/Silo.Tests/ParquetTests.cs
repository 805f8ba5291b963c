using System.Globalization;
using DuckDB.NET.Data;
using GridActors.Testing;

namespace GridActors.Silo.Tests;

/// <summary>--format both: every Parquet table holds the rows and values of its CSV twin, as an independent engine (DuckDB) reads them.</summary>
public sealed class ParquetTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridactors-parquet-tests", Guid.NewGuid().ToString("N"));

    public ParquetTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static List<object?[]> Rows(DuckDBConnection db, string query, out string[] names)
    {
        using var command = db.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        names = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public async Task ParquetTablesEqualTheirCsvTwins()
    {
        var output = Path.Combine(folder, "week");
        // A negotiated run spans several windows, so the Parquet files hold several row groups.
        // One campus belongs to an enterprise that gives no value added: its grade cells are empty in CSV, null in Parquet.
        var scenario = Path.Combine(folder, "scenario.yaml");
        await File.WriteAllTextAsync(scenario, $$"""
            include: [{{RepositoryRoot.Path("scenarios/china-east-data-west-compute.yaml")}}]
            assets:
              - { id: DC-Wuhu, owner: wuhu-campus }
            """);
        var (exitCode, _, error) = await Gridactors.RunAsync("run", scenario, "--out", output, "--format", "both", "--max-rounds", "3");
        Assert.True(exitCode == 0, error);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        foreach (var table in new[] { "regions", "assets", "links", "datacenters", "enterprises" })
        {
            var csv = Rows(db, $"SELECT * FROM read_csv('{Path.Combine(output, table + ".csv")}', header = true, all_varchar = true)", out var csvNames);
            var parquet = Rows(db, $"SELECT * FROM read_parquet('{Path.Combine(output, table + ".parquet")}')", out var parquetNames);
            Assert.Equal(csvNames, parquetNames);
            Assert.Equal(csv.Count, parquet.Count);
            for (var r = 0; r < csv.Count; r++)
            {
                for (var c = 0; c < csvNames.Length; c++)
                {
                    var text = (string?)csv[r][c] ?? "";
                    switch (parquet[r][c])
                    {
                        case double number:
                            Assert.True(Math.Abs(double.Parse(text, CultureInfo.InvariantCulture) - number) <= 1e-9 * Math.Max(1, Math.Abs(number)),
                                $"{table} row {r} {csvNames[c]}: csv {text}, parquet {number}");
                            break;
                        case null:
                            Assert.Equal("", text);
                            break;
                        default:
                            Assert.Equal(text, parquet[r][c]!.ToString());
                            break;
                    }
                }
            }
        }
        var ungraded = Rows(db, $"SELECT carbon_level, grade FROM read_parquet('{Path.Combine(output, "enterprises.parquet")}') WHERE enterprise = 'wuhu-campus'", out _);
        Assert.Equal([null, null], Assert.Single(ungraded));
        Assert.True(new FileInfo(Path.Combine(output, "assets.parquet")).Length < new FileInfo(Path.Combine(output, "assets.csv")).Length);
    }

    [Fact]
    public async Task AReportNeedsTheCsvTables()
    {
        var (exitCode, _, error) = await Gridactors.RunAsync("optimize", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--out", Path.Combine(folder, "x"), "--format", "parquet", "--report");
        Assert.Equal(2, exitCode);
        Assert.Contains("--report reads the CSV tables; use --format both with it", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "x")));
    }
}
