namespace GridActors.Model.Loading;

/// <summary>How error messages quote what a user wrote.</summary>
public static class ErrorText
{
    /// <summary>Quoted text is cut to this many characters: an error names the offending value, it does not echo the file.</summary>
    public const int QuotedLength = 40;

    /// <summary>The value as an error quotes it: cut short, with an ellipsis when it was longer.</summary>
    public static string Quote(string text) => text.Length <= QuotedLength ? text : text[..QuotedLength] + "…";

    /// <summary>The first line of a library's message, for a sentence of ours: the rest is its diagnostics.</summary>
    public static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\n', '\r']);
        return end < 0 ? message : message[..end];
    }
}
