
namespace GridActors.Grains.Tests;

[Collection(SharedCluster.Name)]
public sealed class ToyScenarioTests(ClusterFixture fixture)
{
    private static double[] Day(double night, double rest) => [.. Enumerable.Repeat(night, 6), .. Enumerable.Repeat(rest, 18)];

    [Fact]
    public async Task ToyScenarioMatchesItsHandCalculation()
    {
        using var run = await RunHarness.RunAsync(fixture.Client, "scenarios/two-region-toy.yaml");
        Assert.Equal(12_150_000, run.Summary.TotalCost, 3);
        Assert.Equal(16_860, run.Summary.EmissionsT, 6);
        Assert.Equal(3_000, run.Summary.CurtailedRenewableMwh, 6);
        Assert.Equal(26_400, run.Summary.RenewableAvailableMwh, 6);
        Assert.Equal(0, run.Summary.UnservedMwh, 6);

        Assert.Equal([.. Day(0, 250), .. Day(0, 250)], run.Prices("West").Select(p => Math.Round(p, 6)));
        Assert.All(run.Prices("East"), p => Assert.Equal(500, p, 6));
    }

    [Fact]
    public async Task BatteryChargesInCheapHoursAndWindIsCurtailedOnlyWhenLinkAndBatteryAreFull()
    {
        using var run = await RunHarness.RunAsync(fixture.Client, "scenarios/two-region-toy.yaml");
        var charge = run.Assets("west-battery", s => s.ConsumedMw);
        var discharge = run.Assets("west-battery", s => s.ProducedMw);
        var energy = run.Assets("west-battery", s => s.EnergyMwh);
        var curtailed = run.Assets("west-wind", s => s.CurtailedMw);
        var flows = run.Reports.SelectMany(r => r.Links[0]).Select(f => f.NetMw).ToArray();

        var westPrice = run.Prices("West");

        // It fills up with free night wind while it has room (two hours on the first night, from 200 MWh; four on the second)...
        double[] nights = [.. Enumerable.Range(0, 6), .. Enumerable.Range(24, 6)];
        Assert.Equal(new double[] { 100, 100, 0, 0, 0, 0, 100, 100, 100, 100, 0, 0 }, nights.Select(t => Math.Round(charge[(int)t], 6)));
        // ...and sells those 600 MWh at 250: 150,000 CNY. Which of the equally priced day hours it sells in (and
        // whether it sells more and buys back at the same price) is a tie that changes no cost, so it is left open.
        var earned = Enumerable.Range(0, charge.Length).Sum(t => westPrice[t] * (discharge[t] - charge[t]));
        Assert.Equal(150_000, earned, 6);
        Assert.Equal(charge.Sum(), discharge.Sum(), 6);
        Assert.Equal(200, energy[^1], 6);
        Assert.Equal(new double[] { 200, 200, 300, 300, 300, 300 }, curtailed[0..6].Select(c => Math.Round(c, 6)));
        Assert.Equal(new double[] { 200, 200, 200, 200, 300, 300 }, curtailed[24..30].Select(c => Math.Round(c, 6)));
        for (var t = 0; t < curtailed.Length; t++)
        {
            if (curtailed[t] > 1e-9)
            {
                Assert.Equal(300, flows[t], 6);
                Assert.True(charge[t] >= 100 - 1e-6 || energy[t] >= 400 - 1e-6, $"wind curtailed at step {t} while the battery could take more");
            }
        }
    }
}
