using RlGym.Core.Environments;
using RlGym.Core.MultiAgent;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Envs.Games.MatrixGames;

/// <summary>
/// A repeated two-player matrix game in RlGym's simultaneous-move contract (<see cref="ISimultaneousEnv"/>).
/// <para><b>Description.</b> In every round both players choose an action at once and each receives its payoff from
/// the game's matrix (<c>PrisonersDilemma-v0</c>, <c>MatchingPennies-v0</c>, <c>ClimbingGame-v0</c>; see
/// <see cref="MatrixGame"/>).</para>
/// <para><b>Action space.</b> <c>MultiDiscrete([n₀, n₁])</c>: the joint action, player 0's then player 1's.</para>
/// <para><b>Observation space.</b> <c>Discrete(n₀ · n₁ + 1)</c>: the previous round's joint action <c>a₀ · n₁ + a₁</c>,
/// or <c>n₀ · n₁</c> before the first round. Both players see the same.</para>
/// <para><b>Rewards.</b> A step returns player 0's payoff; <see cref="ISimultaneousEnv.Rewards"/> holds both.</para>
/// <para><b>Starting state.</b> No previous round (observation <c>n₀ · n₁</c>).</para>
/// <para><b>Episode end.</b> Terminates after <c>rounds</c> rounds (default 1: the one-shot game that stateless
/// learners repeat episode after episode).</para>
/// <para><b>Arguments.</b> <c>rounds</c> (default 1).</para>
/// <para><b>Version history.</b> v0: initial release.</para>
/// </summary>
public sealed class MatrixGameEnv : Env<int, int[]>, ISimultaneousEnv
{
    private static readonly string[] s_names = ["player_0", "player_1"];
    private readonly double[] _rewards = new double[2];
    private int _observation;
    private int _round;

    /// <summary>The options <see cref="FromOptions"/> reads.</summary>
    public static IReadOnlyList<EnvOptionInfo> OptionInfos { get; } = [new("rounds", "1", "rounds per episode")];

    /// <summary>Creates the environment for <paramref name="game"/> with <paramref name="rounds"/> rounds per episode.</summary>
    public MatrixGameEnv(MatrixGame game, int rounds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        Game = game;
        Rounds = rounds;
        ObservationSpace = new Discrete(game.FirstActions.Count * game.SecondActions.Count + 1);
        ActionSpace = new MultiDiscrete(game.FirstActions.Count, game.SecondActions.Count);
        _observation = Start;
    }

    /// <summary>Builds the environment of <paramref name="game"/> from registry options.</summary>
    public static Func<EnvOptions, IEnv> FromOptions(Func<MatrixGame> game) =>
        o => new MatrixGameEnv(game(), o.GetInt("rounds", 1, min: 1));

    /// <summary>The game.</summary>
    public MatrixGame Game { get; }

    /// <summary>Rounds per episode.</summary>
    public int Rounds { get; }

    private int Start => Game.FirstActions.Count * Game.SecondActions.Count;

    /// <inheritdoc />
    public override Space<int> ObservationSpace { get; }

    /// <inheritdoc />
    public override Space<int[]> ActionSpace { get; }

    /// <inheritdoc />
    public int PlayerCount => 2;

    /// <inheritdoc />
    public IReadOnlyList<string> PlayerNames => s_names;

    /// <inheritdoc />
    public ReadOnlySpan<double> Rewards => _rewards;

    /// <inheritdoc />
    public int ActionCount(int player) => player == 0 ? Game.FirstActions.Count : Game.SecondActions.Count;

    /// <inheritdoc />
    public int Observe(int player) => _observation;

    /// <inheritdoc />
    public bool IsTerminated(int player) => _round >= Rounds;

    /// <inheritdoc />
    public bool IsTruncated(int player) => false;

    /// <inheritdoc />
    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        _round = 0;
        _observation = Start;
        _rewards[0] = _rewards[1] = 0;
        return new(_observation, Info.Empty);
    }

    /// <inheritdoc />
    public override StepResult<int> Step(int[] action)
    {
        CheckAction(action);
        return Step(action[0], action[1]);
    }

    /// <summary>Plays one round with player 0's action <paramref name="a"/> and player 1's <paramref name="b"/>.</summary>
    public StepResult<int> Step(int a, int b)
    {
        if (_round >= Rounds) throw new InvalidOperationException("The episode is over; call Reset.");
        _rewards[0] = Game.Payoff(a, b, 0);
        _rewards[1] = Game.Payoff(a, b, 1);
        _observation = a * Game.SecondActions.Count + b;
        _round++;
        return new(_observation, _rewards[0], _round >= Rounds, false, Info.Empty);
    }
}
