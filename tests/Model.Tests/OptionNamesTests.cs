using GridActors.Model.Options;
using GridActors.Model.PlacementPolicies;

namespace GridActors.Model.Tests;

/// <summary>Each option's table pairs every value with one name, both ways, and says what a wrong name is.</summary>
public sealed class OptionNamesTests
{
    [Fact]
    public void EveryValueHasOneNameThatParsesBackToIt()
    {
        RoundTrip(OptionNames.Mode);
        RoundTrip(OptionNames.Placement);
        RoundTrip(OptionNames.Clearing);
        RoundTrip(OptionNames.Format);
    }

    [Fact]
    public void NamesAreAsUsersWriteThemAndAliasesAreReadButNeverWritten()
    {
        Assert.Equal(["negotiated", "optimal"], OptionNames.Mode.Names);
        Assert.Equal(["negotiated", "local", "carbon-greedy"], OptionNames.Placement.Names);
        Assert.Equal(["auto", "central", "regional"], OptionNames.Clearing.Names);
        Assert.Equal(["csv", "parquet", "both"], OptionNames.Format.Names);
        Assert.Equal(Placement.CarbonGreedy, OptionNames.Placement.Parse("carbon_greedy"));
        Assert.Equal("carbon-greedy", OptionNames.Placement.Name(Placement.CarbonGreedy));
        Assert.Null(OptionNames.Clearing.Parse("Regional"));
        Assert.Null(OptionNames.Mode.Parse(""));
    }

    [Fact]
    public void AWrongNameIsAnsweredWithTheNamesThatAre()
    {
        Assert.Equal("'everywhere' is not a clearing; use auto, central or regional", OptionNames.Clearing.NotOne("everywhere"));
        Assert.Equal("'xml' is not a result format; use csv, parquet or both", OptionNames.Format.NotOne("xml"));
        Assert.Equal("'fast' is not a mode; use negotiated or optimal", OptionNames.Mode.NotOne("fast"));
    }

    private static void RoundTrip<T>(NamedValues<T> names) where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Length, names.Names.Count);
        Assert.Equal(names.Names.Count, names.Names.Distinct(StringComparer.Ordinal).Count());
        foreach (var value in Enum.GetValues<T>())
        {
            Assert.Equal(value, names.Parse(names.Name(value)));
        }
    }
}
