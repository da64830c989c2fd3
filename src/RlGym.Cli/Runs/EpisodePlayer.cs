using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Training;

namespace RlGym.Cli.Runs;

/// <summary>
/// Plays episodes without learning: a saved agent acts greedily (<c>explore: false</c>), or, without an agent,
/// actions are sampled uniformly from the action space (by a generator derived from the reset's seed, never
/// sharing the environment's stream, so a seed reproduces the frames). The first reset takes the seed; later episodes continue the environment's stream, as in Gymnasium.
/// </summary>
public static class EpisodePlayer
{
    /// <summary>The outcome of a replay: the last observation (boxed) and the return of each finished episode.</summary>
    public sealed record Replay(object LastObservation, IReadOnlyList<double> Returns, long Steps);

    /// <summary>
    /// Plays <paramref name="episodes"/> episodes, each cut after <paramref name="maxSteps"/> steps (null: the
    /// environment's own limit).
    /// </summary>
    public static Replay Play(IEnv env, IAgent? agent, int episodes, long? seed, long? maxSteps = null) =>
        env.Accept(new Visitor(agent, episodes, seed, maxSteps ?? long.MaxValue));

    private sealed class Visitor(IAgent? agent, int episodes, long? seed, long maxSteps) : IEnvVisitor<Replay>
    {
        public Replay Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull
        {
            IAgent<TObs, TAct>? typed = null;
            if (agent is not null)
                typed = agent as IAgent<TObs, TAct> ?? throw new UserInputException(
                    $"agent '{agent.Name}' cannot act on {env} (observations {env.ObservationSpace}, actions {env.ActionSpace})");
            if (seed is { } s) env.ActionSpace.Seed(Seeds.Actions(s));
            var returns = new List<double>();
            object last = null!;
            long total = 0;
            for (int e = 0; e < episodes; e++)
            {
                var obs = env.Reset(e == 0 ? seed : null).Observation;
                last = obs;
                double ret = 0;
                bool done = false;
                for (long t = 0; t < maxSteps && !done; t++)
                {
                    var action = typed is null ? env.ActionSpace.Sample() : typed.Act(obs, explore: false);
                    var r = env.Step(action);
                    obs = r.Observation;
                    last = obs;
                    ret += r.Reward;
                    total++;
                    done = r.Done;
                }
                returns.Add(ret);
            }
            return new Replay(last, returns, total);
        }
    }
}
