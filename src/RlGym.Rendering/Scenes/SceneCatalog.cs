using RlGym.Core.Environments;
using RlGym.Core.Tabular;

namespace RlGym.Rendering.Scenes;

/// <summary>Picks the scene that draws an environment, from its id and whether it is a grid-world.</summary>
public static class SceneCatalog
{
    /// <summary>The scene for an environment (its innermost env is checked for <see cref="IGridView"/>).</summary>
    public static IScene For(IEnv env) => For(env.Spec?.Id ?? env.Unwrapped.Spec?.Id ?? "", env.Unwrapped is IGridView);

    /// <summary>The scene for an env id; <paramref name="isGrid"/> when it is drawn through <see cref="IGridView"/>.</summary>
    public static IScene For(string envId, bool isGrid)
    {
        if (isGrid) return new GridWorldScene(new GridWorldSceneOptions(GridActionLayout.ForEnv(envId), Drawing.ColorScale.Viridis));
        bool Is(string prefix) => envId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        if (Is("CartPole")) return new CartPoleScene();
        if (Is("MountainCar")) return new MountainCarScene();
        if (Is("Acrobot")) return new AcrobotScene();
        if (Is("Pendulum")) return new PendulumScene();
        return new ObservationScene();
    }

    /// <summary>The environment's scene beside a dashboard, as the window and the recordings show it.</summary>
    public static Layout WithDashboard(IScene environment, int averageWindow = 100) =>
        new(environment, new DashboardScene(averageWindow));
}
