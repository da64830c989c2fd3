using RlGym.Core.Environments;
using RlGym.Core.Tabular;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// Picks the scene that draws an environment: its own drawing when it implements <see cref="IDrawableEnv"/>, the
/// board scene for a two-player board game, the grid scene when it implements <see cref="IGridView"/>, the built-in scene of its id, else the generic
/// <see cref="ObservationScene"/>.
/// </summary>
public static class SceneCatalog
{
    /// <summary>The scene for an environment (its innermost env is checked for <see cref="IDrawableEnv"/> and <see cref="IGridView"/>).</summary>
    public static IScene For(IEnv env) =>
        env.Unwrapped is IDrawableEnv ? new DrawableEnvScene()
        : env.Unwrapped is Core.MultiAgent.IBoardGame ? new BoardScene()
        : For(env.Spec?.Id ?? env.Unwrapped.Spec?.Id ?? "", env.Unwrapped is IGridView);

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

    /// <summary>
    /// The pace (steps per second) a window starts at for an env: Gymnasium's <c>render_fps</c> for it (4 for the
    /// toy-text grids, 50 CartPole, 30 MountainCar and Pendulum, 15 Acrobot), and 4 for envs it does not know.
    /// </summary>
    public static double RenderFps(string envId)
    {
        bool Is(string prefix) => envId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        if (Is("CartPole")) return 50;
        if (Is("MountainCar") || Is("Pendulum")) return 30;
        if (Is("Acrobot")) return 15;
        return 4;
    }

    /// <summary>The environment's scene beside a dashboard, as the window and the recordings show it.</summary>
    public static Layout WithDashboard(IScene environment, int averageWindow = 100) =>
        new(environment, new DashboardScene(averageWindow));
}
