using RlGym.Core.Environments;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// Short labels for an environment's actions, as the dashboard prints them beside the agent's values and the last
/// action: arrows for moves (FrozenLake's 0 is ←), the env's own names otherwise, indices when nothing is known.
/// </summary>
internal static class ActionLabels
{
    /// <summary>The labels of <paramref name="env"/>'s actions; empty when it names none.</summary>
    public static IReadOnlyList<string> For(IEnv env)
    {
        string id = env.Spec?.Id ?? env.Unwrapped.Spec?.Id ?? "";
        if (env.Unwrapped is TabularEnv tabular) return [.. tabular.ActionNames.Select(Short)];
        bool Is(string prefix) => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        if (Is("CartPole")) return ["←", "→"];
        if (Is("MountainCarContinuous") || Is("Pendulum")) return [];
        if (Is("MountainCar")) return ["←", "none", "→"];
        if (Is("Acrobot")) return ["−1", "0", "+1"];
        return [];
    }

    /// <summary>An action name as a short label: compass and left/right/up/down moves become arrows.</summary>
    public static string Short(string name) => name.ToLowerInvariant() switch
    {
        "left" or "west" => "←",
        "right" or "east" => "→",
        "up" or "north" => "↑",
        "down" or "south" => "↓",
        "pickup" => "pick up",
        "dropoff" => "drop off",
        _ => name,
    };
}
