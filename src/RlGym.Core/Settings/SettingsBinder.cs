using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using RlGym.Core.Agents;
using RlGym.Core.Errors;

namespace RlGym.Core.Settings;

/// <summary>
/// Applies <c>--set key=value</c> overrides to an options record. Keys are matched to properties ignoring case,
/// dashes and underscores (<c>alpha</c>, <c>epsilon_decay</c>, <c>hidden-sizes</c>); values are parsed with the
/// invariant culture and checked against <see cref="RangeAttribute"/>. Any mistake is one line naming the key,
/// the value and what is allowed. Each property's one-line doc is its <see cref="DescriptionAttribute"/>.
/// A list of integers (<c>hidden_sizes=64,64</c>) may be empty (<c>hidden_sizes=</c>), and a
/// <see cref="RangeAttribute"/> on it bounds each element. A null value (<c>"alpha": null</c> in a configuration file)
/// keeps the default.
/// </summary>
public static class SettingsBinder
{
    /// <summary>A copy of <paramref name="defaults"/> with the overrides applied and validated.</summary>
    public static T Bind<T>(T defaults, IReadOnlyDictionary<string, string> settings) where T : class
    {
        var copy = (T)typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(defaults, null)!;
        var props = Settable(typeof(T));
        foreach (var (key, text) in settings)
        {
            var prop = props.FirstOrDefault(p => Normalize(p.Name) == Normalize(key)) ?? throw new UserInputException(
                $"unknown setting '{key}'; allowed: {string.Join(", ", props.Select(p => SnakeCase(p.Name)))}");
            // JSON's null reaches here as a null string: the setting is not given.
            if (text is null) continue;
            prop.SetValue(copy, Parse(prop, key, text));
        }
        Validate(copy);
        return copy;
    }

    /// <summary>Checks every property of <paramref name="options"/> against its <see cref="RangeAttribute"/>.</summary>
    public static void Validate<T>(T options) where T : class
    {
        foreach (var prop in Settable(typeof(T)))
        {
            var range = prop.GetCustomAttribute<RangeAttribute>();
            var value = prop.GetValue(options);
            if (value is int[] list)
            {
                foreach (int x in list)
                    if (range is not null && !range.IsValid(x))
                        throw new UserInputException(
                            $"setting {SnakeCase(prop.Name)}={Format(value)} is out of range; allowed: each from {range.Minimum} to {range.Maximum}, comma-separated, or empty for none");
                continue;
            }
            if (range is not null && !range.IsValid(value))
                throw new UserInputException(
                    $"setting {SnakeCase(prop.Name)}={Format(value)} is out of range; allowed: {range.Minimum} to {range.Maximum}");
        }
    }

    /// <summary>The hyperparameters of an options type with their defaults, for <c>rlgym agents</c>.</summary>
    public static IReadOnlyList<HyperparameterInfo> Describe<T>(T defaults) where T : class =>
        Settable(typeof(T)).Select(p =>
        {
            var range = p.GetCustomAttribute<RangeAttribute>();
            return new HyperparameterInfo(
                SnakeCase(p.Name),
                TypeName(p.PropertyType),
                Format(p.GetValue(defaults)),
                p.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "",
                range is null ? null : $"{range.Minimum} to {range.Maximum}");
        }).ToList();

    /// <summary>The options as snake_case key/value text, for writing a run's configuration.</summary>
    public static IReadOnlyDictionary<string, string> ToDictionary<T>(T options) where T : class =>
        Settable(typeof(T)).ToDictionary(p => SnakeCase(p.Name), p => Format(p.GetValue(options)));

    private static PropertyInfo[] Settable(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
         .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
         .ToArray();

    private static string Normalize(string s) => s.Replace("_", "").Replace("-", "").ToLowerInvariant();

    /// <summary><c>EpsilonDecay</c> to <c>epsilon_decay</c>.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            // A new word starts at an upper-case letter after a lower-case one, or at the last capital of an
            // acronym that a lower-case word follows (NSteps → n_steps).
            if (char.IsUpper(name[i]) && i > 0 &&
                (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    private static string TypeName(Type t) =>
        t == typeof(int) ? "int" : t == typeof(long) ? "int" : t == typeof(double) ? "float" : t == typeof(float) ? "float" :
        t == typeof(bool) ? "bool" : t == typeof(string) ? "string" : t.IsEnum ? string.Join("|", Enum.GetNames(t).Select(KebabCase)) :
        t == typeof(int[]) ? "ints" : t.Name;

    private static string KebabCase(string name) => SnakeCase(name).Replace('_', '-');

    private static string Format(object? v) => v switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        int[] a => string.Join(",", a),
        Enum e => KebabCase(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static object? Parse(PropertyInfo prop, string key, string text)
    {
        var t = Nullable.GetUnderlyingType(prop.PropertyType) ?? prop.PropertyType;
        var inv = CultureInfo.InvariantCulture;
        bool ok;
        object? value;
        if (t == typeof(double)) { ok = double.TryParse(text, NumberStyles.Float, inv, out var d) && !double.IsNaN(d); value = d; }
        else if (t == typeof(float)) { ok = float.TryParse(text, NumberStyles.Float, inv, out var f) && !float.IsNaN(f); value = f; }
        else if (t == typeof(int)) { ok = int.TryParse(text, NumberStyles.Integer, inv, out var i); value = i; }
        else if (t == typeof(long)) { ok = long.TryParse(text, NumberStyles.Integer, inv, out var l); value = l; }
        else if (t == typeof(bool)) { ok = bool.TryParse(text, out var b); value = b; }
        else if (t == typeof(string)) { ok = true; value = text; }
        else if (t == typeof(int[]))
        {
            var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var arr = new int[parts.Length];
            // Empty text is the empty list (a network without hidden layers); "," or "64,,64" is a slip.
            ok = (parts.Length > 0 || text.Trim().Length == 0) && text.Split(',').Length == Math.Max(parts.Length, 1)
                 && parts.Select((p, i) => int.TryParse(p, NumberStyles.Integer, inv, out arr[i])).All(x => x);
            value = arr;
        }
        else if (t.IsEnum)
        {
            var match = Enum.GetNames(t).FirstOrDefault(n => Normalize(n) == Normalize(text));
            if (match is null)
                throw new UserInputException($"setting {key}={text} is not allowed; allowed: {string.Join(", ", Enum.GetNames(t).Select(KebabCase))}");
            return Enum.Parse(t, match);
        }
        else throw new UserInputException($"setting '{key}' has a type ({t.Name}) that cannot be set from text");
        if (!ok) throw new UserInputException($"setting {key}={text} is not a valid {TypeName(t)}");
        return value;
    }
}
