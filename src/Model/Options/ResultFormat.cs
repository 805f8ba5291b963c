namespace GridActors.Model.Options;

/// <summary>Which files a result folder gets: CSV (the default), Parquet, or both with the same rows.</summary>
public enum ResultFormat
{
    Csv,
    Parquet,
    Both,
}
