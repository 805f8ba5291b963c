using GridActors.Model.Windows;

namespace GridActors.Abstractions;

/// <summary>One committed window's report, stored so a driver that lost it (or a resumed run) can have it again.</summary>
[GenerateSerializer, Alias("GridActors.WindowRecord")]
public sealed class WindowRecord
{
    [Id(0)] public WindowReport? Report { get; set; }
}
