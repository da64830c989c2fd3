using RlGym.Core.Registration;
using RlGym.Core.Vector;
using RlGym.Envs.ToyText.CliffWalking;
using RlGym.Envs.ToyText.FrozenLake;
using RlGym.Envs.ToyText.GridWorld;
using RlGym.Envs.ToyText.Tabular;
using RlGym.Envs.ToyText.Taxi;
using RlGym.Envs.ToyText.Textbook;

namespace RlGym.Envs.ToyText;

/// <summary>
/// Registers the toy-text environments: Gymnasium's FrozenLake, CliffWalking and Taxi with their ids, time limits
/// and thresholds, RlGym's GridWorld, and Sutton and Barto's textbook MDPs.
/// </summary>
public sealed class ToyTextEnvironments : IEnvPackage
{
    /// <summary>The family name used to pick a scene when rendering.</summary>
    public const string Family = "toy-text";

    /// <inheritdoc />
    public void Register(EnvRegistry registry)
    {
        registry.Register(new EnvSpec
        {
            Id = "FrozenLake-v1",
            Factory = FrozenLakeEnv.FromOptions,
            VectorFactory = Tabular(FrozenLakeEnv.FromOptions),
            MaxEpisodeSteps = 100,
            RewardThreshold = 0.70,
            Options = FrozenLakeEnv.OptionInfos,
            Description = "Cross a slippery frozen lake to the goal without falling into a hole (4x4)",
            Family = Family,
        });
        registry.Register(new EnvSpec
        {
            Id = "FrozenLake8x8-v1",
            Factory = FrozenLakeEnv.FromOptions,
            VectorFactory = Tabular(FrozenLakeEnv.FromOptions),
            MaxEpisodeSteps = 200,
            RewardThreshold = 0.85,
            Options = WithDefault(FrozenLakeEnv.OptionInfos, "map_name", "8x8"),
            DefaultOptions = new Dictionary<string, string> { ["map_name"] = "8x8" },
            Description = "Cross a slippery frozen lake to the goal without falling into a hole (8x8)",
            Family = Family,
        });
        registry.Register(new EnvSpec
        {
            Id = "CliffWalking-v1",
            Factory = CliffWalkingEnv.FromOptions,
            VectorFactory = Tabular(CliffWalkingEnv.FromOptions),
            Options = CliffWalkingEnv.OptionInfos,
            Description = "Walk along a cliff to the goal; a fall costs -100 and returns to the start (Example 6.6)",
            Family = Family,
        });
        registry.Register(new EnvSpec
        {
            Id = "CliffWalkingSlippery-v1",
            Factory = CliffWalkingEnv.FromOptions,
            VectorFactory = Tabular(CliffWalkingEnv.FromOptions),
            Options = WithDefault(CliffWalkingEnv.OptionInfos, "is_slippery", "true"),
            DefaultOptions = new Dictionary<string, string> { ["is_slippery"] = "true" },
            Description = "CliffWalking where a move may slip sideways (1/3 each way)",
            Family = Family,
        });
        registry.Register(new EnvSpec
        {
            Id = "Taxi-v3",
            Factory = TaxiEnv.FromOptions,
            MaxEpisodeSteps = 200,
            RewardThreshold = 8,
            Options = TaxiEnv.OptionInfos,
            Description = "Pick up a passenger and drop them at their destination on a 5x5 grid with walls",
            Family = Family,
        });
        registry.Register(new EnvSpec
        {
            Id = "Taxi-v4",
            Factory = TaxiEnv.FromV4Options,
            MaxEpisodeSteps = 200,
            RewardThreshold = 8,
            Options = TaxiEnv.V4OptionInfos,
            Description = "Taxi with Gymnasium 1.3's options: rain that pushes moves sideways, a passenger who changes their mind",
            Family = Family,
        });
        registry.Register(new EnvSpec
        {
            Id = "GridWorld-v0",
            Factory = GridWorldEnv.FromOptions,
            VectorFactory = Tabular(GridWorldEnv.FromOptions),
            MaxEpisodeSteps = 200,
            Options = GridWorldEnv.OptionInfos,
            Description = "A grid-world from a text map: walls, goals, pits, slip and wind",
            Family = Family,
        });
        registry.Register(new EnvSpec
        {
            Id = "WindyGridworld-v0",
            Factory = WindyGridworldEnv.FromOptions,
            VectorFactory = Tabular(WindyGridworldEnv.FromOptions),
            MaxEpisodeSteps = 10_000,
            Options = WindyGridworldEnv.OptionInfos,
            Description = "Reach the goal across an upward crosswind, -1 per step (Sutton & Barto Example 6.5)",
            Family = Family,
        });
        registry.Register(new EnvSpec
        {
            Id = "RandomWalk-v0",
            Factory = RandomWalkEnv.FromOptions,
            VectorFactory = Tabular(RandomWalkEnv.FromOptions),
            Options = RandomWalkEnv.OptionInfos,
            Description = "A 19-state random walk for value prediction, -1/+1 at the ends (Sutton & Barto Example 7.1)",
            Family = Family,
        });
        registry.Register(new EnvSpec
        {
            Id = "MaximizationBias-v0",
            Factory = MaximizationBiasEnv.FromOptions,
            Options = MaximizationBiasEnv.OptionInfos,
            Description = "A, B and noisy rewards that fool Q-learning's max (Sutton & Barto Example 6.7)",
            Family = Family,
        });
        registry.Register(new EnvSpec
        {
            Id = "ShortCorridor-v0",
            Factory = ShortCorridorEnv.FromOptions,
            VectorFactory = Tabular(ShortCorridorEnv.FromOptions),
            MaxEpisodeSteps = 1_000,
            Options = ShortCorridorEnv.OptionInfos,
            Description = "A corridor whose middle state switches the actions (Sutton & Barto Example 13.1)",
            Family = Family,
        });
    }

    // The model is read once for its table and start states; the copies live in the vector env's arrays.
    private static Func<EnvOptions, VectorEnvSettings, IVectorEnv> Tabular(Func<EnvOptions, TabularEnv> make) => (options, settings) =>
    {
        using var model = make(options);
        return new TabularVectorEnv(model, settings);
    };

    private static IReadOnlyList<EnvOptionInfo> WithDefault(IReadOnlyList<EnvOptionInfo> options, string name, string value) =>
        options.Select(o => o.Name == name ? o with { Default = value } : o).ToArray();
}
