using System.Globalization;
using RlGym.Core.Random;

namespace RlGym.Sweeps.Files;

/// <summary>
/// How a random search draws one setting: <c>{"uniform":[a,b]}</c>, <c>{"log_uniform":[a,b]}</c> (uniform in log a..log b,
/// for step sizes), <c>{"int_uniform":[a,b]}</c> (an integer from a to b inclusive) or <c>{"choice":[v1,v2,...]}</c>.
/// </summary>
public sealed record ParameterDistribution
{
    /// <summary>The kinds a sweep file may name.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["uniform", "log_uniform", "int_uniform", "choice"];

    /// <summary>One of <see cref="Kinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Lower end (uniform kinds).</summary>
    public double Low { get; init; }

    /// <summary>Upper end (uniform kinds).</summary>
    public double High { get; init; }

    /// <summary>The values of a <c>choice</c>, as setting text.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>True when the values are spread over decades, so plots use a log axis.</summary>
    public bool Logarithmic => Kind == "log_uniform";

    /// <summary>Draws one value as setting text (doubles in round-trip form, so the trial reruns with exactly it).</summary>
    public string Draw(Rng rng) => Kind switch
    {
        "uniform" => rng.Uniform(Low, High).ToString("R", CultureInfo.InvariantCulture),
        "log_uniform" => Math.Exp(rng.Uniform(Math.Log(Low), Math.Log(High))).ToString("R", CultureInfo.InvariantCulture),
        "int_uniform" => ((long)Low + (long)rng.NextInt((int)((long)High - (long)Low + 1))).ToString(CultureInfo.InvariantCulture),
        "choice" => Choices[rng.NextInt(Choices.Count)],
        _ => throw new InvalidOperationException($"Unknown distribution kind {Kind}."),
    };
}
