using System.Globalization;
using RlGym.Core.Errors;
using RlGym.Core.Registration;

namespace RlGym.Envs.ToyText.Grid;

/// <summary>Reads options that hold a list of numbers, such as <c>wind=0,0,0,1,1,1,2,2,1,0</c>.</summary>
internal static class OptionLists
{
    /// <summary>The numbers of <paramref name="key"/> separated by ',' (or spaces), or null when the option is absent.</summary>
    public static double[]? GetNumbers(EnvOptions options, string key, string example)
    {
        var text = options.GetString(key);
        if (text is null) return null;
        var parts = text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw new UserInputException($"option {key}={text}: item {i + 1} '{parts[i]}' is not a number; e.g. {key}={example}");
        return values;
    }

    /// <summary>The integers of <paramref name="key"/> separated by ',' (or spaces), or null when the option is absent.</summary>
    public static int[]? GetIntegers(EnvOptions options, string key, string example)
    {
        var text = options.GetString(key);
        if (text is null) return null;
        var parts = text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]))
                throw new UserInputException($"option {key}={text}: item {i + 1} '{parts[i]}' is not an integer; e.g. {key}={example}");
        return values;
    }
}
