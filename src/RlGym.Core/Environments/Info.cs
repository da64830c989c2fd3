using System.Collections.Frozen;

namespace RlGym.Core.Environments;

/// <summary>Info dictionaries. Steps return <see cref="Empty"/> unless they have something to say, so stepping does not allocate.</summary>
public static class Info
{
    /// <summary>The shared empty info dictionary.</summary>
    public static readonly IReadOnlyDictionary<string, object> Empty = FrozenDictionary<string, object>.Empty;

    /// <summary>A copy of <paramref name="info"/> with one more entry.</summary>
    public static IReadOnlyDictionary<string, object> With(IReadOnlyDictionary<string, object> info, string key, object value)
    {
        var d = new Dictionary<string, object>(info.Count + 1);
        foreach (var (k, v) in info) d[k] = v;
        d[key] = value;
        return d;
    }
}
