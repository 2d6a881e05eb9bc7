namespace GuidelineBot.Http;

/// <summary>What <see cref="BoundedBody.ReadAsync"/> read: the whole body's <see cref="Bytes"/>, or why there are none.</summary>
public readonly record struct BodyRead(byte[]? Bytes, BodyReadProblem Problem = BodyReadProblem.None)
{
    public static BodyRead TooLarge => new(null, BodyReadProblem.TooLarge);

    public static BodyRead CutShort => new(null, BodyReadProblem.CutShort);
}

public enum BodyReadProblem
{
    /// <summary>The whole body was read.</summary>
    None,

    /// <summary>Declared or found larger than the limit: 413.</summary>
    TooLarge,

    /// <summary>It ended before its declared length, or the connection broke mid-body: 400.</summary>
    CutShort,

    /// <summary>
    /// It arrived slower than the server's minimum body data rate (Kestrel's <c>MinRequestBodyDataRate</c>): 408 (Kestrel
    /// closes the connection after it).
    /// </summary>
    TooSlow,
}
