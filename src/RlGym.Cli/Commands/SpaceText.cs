using System.Globalization;
using RlGym.Core.Errors;
using RlGym.Core.Spaces;

namespace RlGym.Cli.Commands;

/// <summary>Reads actions typed on the command line and says which values a space allows.</summary>
public static class SpaceText
{
    /// <summary>What <paramref name="space"/> allows, e.g. <c>0 to 3</c>.</summary>
    public static string Allowed(Space space) => space switch
    {
        Discrete d => $"integers {d.Start} to {d.Start + d.N - 1}",
        Box b => b.Size == 1
            ? $"numbers {Format(b.Low[0])} to {Format(b.High[0])}"
            : $"{b.Size} numbers separated by ',' within {b}, actions separated by ';'",
        MultiDiscrete m => $"{m.Nvec.Length} integers separated by ',' (element i from 0 to nvec[i] - 1 of {m}), actions separated by ';'",
        _ => space.ToString(),
    };

    private static string Format(float v) =>
        float.IsPositiveInfinity(v) ? "inf" : float.IsNegativeInfinity(v) ? "-inf" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Size of one action in numbers.</summary>
    public static int Size(Space space) => space.Shape.Aggregate(1, (a, b) => a * b);

    /// <summary>
    /// Parses <c>--actions</c>: with one number per action, <c>0,1,1</c> is three actions; for vector actions,
    /// actions are separated by ';' and their elements by ',' (<c>0.1,0.2;0.3,0.4</c>). Every action is checked
    /// against the space, and one outside it names its position and what is allowed.
    /// </summary>
    public static object[] ParseActions(string text, Space space)
    {
        int size = Size(space);
        string[] groups = size == 1 && !text.Contains(';')
            ? text.Split(',', StringSplitOptions.TrimEntries)
            : text.Split(';', StringSplitOptions.TrimEntries);
        var actions = new object[groups.Length];
        for (int i = 0; i < groups.Length; i++)
        {
            var parts = groups[i].Split(',', StringSplitOptions.TrimEntries);
            var numbers = new double[parts.Length];
            for (int j = 0; j < parts.Length; j++)
                if (!double.TryParse(parts[j], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[j]))
                    throw new UserInputException($"--actions: '{parts[j]}' (action {i}) is not a number; the action space {space} allows {Allowed(space)}");
            object action;
            try { action = space.FromNumbers(numbers); }
            catch (FormatException) { throw new UserInputException($"--actions: action {i} '{groups[i]}' is not in the action space {space}; allowed: {Allowed(space)}"); }
            if (!space.ContainsBoxed(action))
                throw new UserInputException($"--actions: action {i} '{groups[i]}' is out of range for the action space {space}; allowed: {Allowed(space)}");
            actions[i] = action;
        }
        return actions;
    }
}
