using System.Globalization;
using RlGym.Core.Errors;

namespace RlGym.Core.Registration;

/// <summary>
/// Keyword arguments for making an environment (Gymnasium's <c>gym.make(id, **kwargs)</c>) or for a reset,
/// with Gymnasium's option names (<c>is_slippery</c>, <c>map_name</c>). Values are kept as text, as they arrive
/// from <c>-o key=value</c> or a JSON file, and parsed by the typed getters, which name the key and what is
/// allowed when a value does not parse. The registry refuses keys that the environment never read.
/// </summary>
public sealed class EnvOptions
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>No options.</summary>
    public EnvOptions() => _values = new(StringComparer.Ordinal);

    /// <summary>Options from key/value pairs.</summary>
    public EnvOptions(IEnumerable<KeyValuePair<string, string>> values)
    {
        _values = new(StringComparer.Ordinal);
        foreach (var (k, v) in values) _values[k] = v;
    }

    /// <summary>Parses <c>key=value</c> items as given to <c>-o</c>.</summary>
    public static EnvOptions Parse(IEnumerable<string> items)
    {
        var o = new EnvOptions();
        foreach (var item in items)
        {
            int eq = item.IndexOf('=');
            if (eq <= 0) throw new UserInputException($"option '{item}' is not of the form key=value");
            o._values[item[..eq].Trim()] = item[(eq + 1)..].Trim();
        }
        return o;
    }

    /// <summary>The keys given.</summary>
    public IReadOnlyCollection<string> Keys => _values.Keys;

    /// <summary>The raw values.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Keys given but not read by the environment.</summary>
    public IEnumerable<string> UnreadKeys => _values.Keys.Where(k => !_read.Contains(k));

    /// <summary>True when the key was given.</summary>
    public bool Has(string key)
    {
        _read.Add(key);
        return _values.ContainsKey(key);
    }

    /// <summary>A copy with one more or one changed entry.</summary>
    public EnvOptions With(string key, string value)
    {
        var o = new EnvOptions(_values);
        o._values[key] = value;
        return o;
    }

    /// <summary>A copy that adds the entries of <paramref name="defaults"/> that this one lacks.</summary>
    public EnvOptions WithDefaults(IReadOnlyDictionary<string, string> defaults)
    {
        var o = new EnvOptions(_values);
        foreach (var (k, v) in defaults) o._values.TryAdd(k, v);
        return o;
    }

    /// <summary>The text value, or <paramref name="fallback"/>.</summary>
    public string? GetString(string key, string? fallback = null)
    {
        _read.Add(key);
        return _values.TryGetValue(key, out var v) ? v : fallback;
    }

    /// <summary>A boolean (true/false, 1/0, yes/no).</summary>
    public bool GetBool(string key, bool fallback)
    {
        var s = GetString(key);
        if (s is null) return fallback;
        return s.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new UserInputException($"option {key}={s} is not a boolean; use true or false"),
        };
    }

    /// <summary>A number, optionally limited to [min, max].</summary>
    public double GetDouble(string key, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var s = GetString(key);
        if (s is null) return fallback;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || double.IsNaN(v))
            throw new UserInputException($"option {key}={s} is not a number");
        if (v < min || v > max) throw new UserInputException($"option {key}={s} is out of range; allowed: {min} to {max}");
        return v;
    }

    /// <summary>An integer, optionally limited to [min, max].</summary>
    public int GetInt(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var s = GetString(key);
        if (s is null) return fallback;
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw new UserInputException($"option {key}={s} is not an integer");
        if (v < min || v > max) throw new UserInputException($"option {key}={s} is out of range; allowed: {min} to {max}");
        return v;
    }

    /// <summary>One of a fixed set of words.</summary>
    public string GetChoice(string key, string fallback, params string[] allowed)
    {
        var s = GetString(key);
        if (s is null) return fallback;
        if (Array.IndexOf(allowed, s) < 0)
            throw new UserInputException($"option {key}={s} is not allowed; allowed: {string.Join(", ", allowed)}");
        return s;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" ", _values.Select(kv => $"{kv.Key}={kv.Value}"));
}
