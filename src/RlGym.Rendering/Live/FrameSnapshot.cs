using RlGym.Core.Agents;
using RlGym.Rendering.Drawing;

namespace RlGym.Rendering.Live;

/// <summary>
/// Everything one frame shows, copied on the trainer's thread so the window can draw it while training goes on.
/// Nothing in it is changed after it is published.
/// </summary>
public sealed class FrameSnapshot
{
    /// <summary>The environment id (Gymnasium's, e.g. <c>CartPole-v1</c>); picks the scene.</summary>
    public string EnvId { get; init; } = "";

    /// <summary>A copy of a continuous observation (classic control); empty for discrete observations.</summary>
    public float[] Observation { get; init; } = [];

    /// <summary>A discrete observation (the state index); −1 for continuous observations.</summary>
    public int DiscreteObservation { get; init; } = -1;

    /// <summary>How many discrete observations there are (0 for continuous observations).</summary>
    public int DiscreteCount { get; init; }

    /// <summary>The grid-world's cells, agent and values; null for other environments.</summary>
    public GridFrame? Grid { get; init; }

    /// <summary>A two-player board game's position with the mover's search statistics; null for other environments.</summary>
    public BoardFrame? Board { get; init; }

    /// <summary>The players, score and state of a board-game match (a replay or a person playing); null otherwise.</summary>
    public MatchFrame? Match { get; init; }

    /// <summary>One number per action at the current observation when the agent can tell them (see <see cref="ValueKind"/>); else null.</summary>
    public double[]? ActionValues { get; init; }

    /// <summary>What <see cref="ActionValues"/> are: action values Q(s,a) or policy probabilities π(a|s).</summary>
    public ActionValueKind ValueKind { get; init; }

    /// <summary>A short label per action (←, ↓, →, ↑ on FrozenLake); empty when unknown (indices are shown).</summary>
    public IReadOnlyList<string> ActionLabels { get; init; } = [];

    /// <summary>The last action taken, as text (its label); empty before the first step of an episode.</summary>
    public string LastAction { get; init; } = "";

    /// <summary>The last continuous action (Pendulum's torque); empty otherwise.</summary>
    public float[] LastContinuousAction { get; init; } = [];

    /// <summary>The reward of the last step; NaN before the first step of an episode.</summary>
    public double LastReward { get; init; } = double.NaN;

    /// <summary>The return of the episode so far.</summary>
    public double EpisodeReturn { get; init; }

    /// <summary>Steps taken in the episode so far.</summary>
    public int EpisodeStep { get; init; }

    /// <summary>Return of every finished episode, oldest first.</summary>
    public ReadOnlyMemory<double> Returns { get; init; }

    /// <summary>Episodes (counted from 1) after which the greedy policy was evaluated, oldest first.</summary>
    public ReadOnlyMemory<double> EvaluationEpisodes { get; init; }

    /// <summary>The mean return of each greedy evaluation, matching <see cref="EvaluationEpisodes"/>.</summary>
    public ReadOnlyMemory<double> EvaluationReturns { get; init; }

    /// <summary>The environment's reward threshold (its "solved" line), when it has one.</summary>
    public double? RewardThreshold { get; init; }

    /// <summary>Episodes finished so far.</summary>
    public int Episode { get; init; }

    /// <summary>Environment steps taken so far.</summary>
    public long Step { get; init; }

    /// <summary>The agent's exploration rate (NaN when it has none).</summary>
    public double ExplorationRate { get; init; } = double.NaN;

    /// <summary>Environment steps per second over the last second or so (NaN before it is known).</summary>
    public double StepsPerSecond { get; init; } = double.NaN;

    /// <summary>Set on a replay (<c>rlgym watch</c>): how many episodes it plays; null while training.</summary>
    public int? ReplayEpisodes { get; init; }

    /// <summary>True on the last frame of a run: training (or the replay) has ended.</summary>
    public bool Finished { get; init; }

    /// <summary>What an environment drawing itself (<see cref="Scenes.IDrawableEnv"/>) drew, replayed by its scene.</summary>
    public Drawing.Sketch? Sketch { get; init; }

    /// <summary>
    /// In a mosaic, the other copies shown beside this one (copy 1 onwards, in order): each holds what its picture
    /// needs (observation, grid, drawing, last action and reward, the episode so far), not the run's numbers.
    /// Empty when the frame shows copy 0 alone.
    /// </summary>
    public IReadOnlyList<FrameSnapshot> Copies { get; init; } = [];

    /// <summary>An empty frame: no observation, no episodes.</summary>
    public static FrameSnapshot Empty { get; } = new();
}
