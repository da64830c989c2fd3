using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.MultiAgent;

/// <summary>
/// A two-player board game as an environment: the turn-based contract (<see cref="ITurnBasedEnv"/>) and the
/// single-agent view from the seat of the player to move, over any <see cref="IGameRules{TState}"/>.
/// <para>
/// Observation: <c>Box(0, 1, (rows, columns, 2))</c>, the board from the point of view of the player to move (plane 0
/// its pieces, plane 1 the opponent's), as PettingZoo's classic games. Action: <c>Discrete(ActionCount)</c>. Reward of
/// a step: the mover's, +1 for a win, −1 for a loss, 0 otherwise; <see cref="ITurnBasedEnv.Rewards"/> holds both
/// players'. An illegal move (an occupied cell, a full column) ends the game at once with −1 for the player who made it
/// and 0 for the other (PettingZoo's <c>TerminateIllegalWrapper</c>), so that every action of the space may be sent.
/// </para>
/// </summary>
public abstract class TurnBasedEnv<TState, TRules> : Env<float[], int>, ITurnBasedEnv, IBoardGame
    where TState : struct where TRules : struct, IGameRules<TState>
{
    private readonly ObservationBuffer _observations;
    private readonly double[] _rewards = new double[2];
    private readonly string[] _names;
    private TState _state;
    private bool _over;
    private bool _illegalMove;

    /// <summary>Creates the environment for <paramref name="rules"/> with the players' names.</summary>
    protected TurnBasedEnv(TRules rules, string firstPlayer, string secondPlayer)
    {
        Rules = rules;
        _names = [firstPlayer, secondPlayer];
        ObservationSpace = new Box(0f, 1f, rules.Rows, rules.Columns, 2);
        ActionSpace = new Discrete(rules.ActionCount);
        _observations = new ObservationBuffer(rules.Rows * rules.Columns * 2);
        _state = rules.Initial;
    }

    /// <summary>The game's rules.</summary>
    public TRules Rules { get; }

    /// <summary>The current position.</summary>
    public TState State => _state;

    /// <summary>True when the last step was an illegal move that ended the game.</summary>
    public bool EndedByIllegalMove => _illegalMove;

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace { get; }

    /// <inheritdoc />
    public override Space<int> ActionSpace { get; }

    /// <inheritdoc />
    public int PlayerCount => 2;

    /// <inheritdoc />
    public IReadOnlyList<string> PlayerNames => _names;

    /// <inheritdoc />
    public int CurrentPlayer => Rules.ToMove(_state);

    /// <inheritdoc />
    public ReadOnlySpan<double> Rewards => _rewards;

    /// <inheritdoc />
    public bool IsTerminated(int player) => _over;

    /// <inheritdoc />
    public bool IsTruncated(int player) => false;

    /// <inheritdoc />
    public override ResetResult<float[]> Reset(long? seed = null, EnvOptions? options = null)
    {
        // The games start from the empty board; the generator is kept for the contract (and for wrappers).
        SeedRandom(seed);
        _state = Rules.Initial;
        _over = false;
        _illegalMove = false;
        _rewards[0] = _rewards[1] = 0;
        var observation = _observations.Next();
        Rules.Encode(_state, observation);
        return new(observation, Info.Empty);
    }

    /// <inheritdoc />
    public override StepResult<float[]> Step(int action)
    {
        CheckAction(action);
        if (_over) throw new InvalidOperationException("The game is over; call Reset.");
        int mover = Rules.ToMove(_state);
        _rewards[0] = _rewards[1] = 0;
        if (!Rules.IsLegal(_state, action))
        {
            _over = true;
            _illegalMove = true;
            _rewards[mover] = -1;
        }
        else
        {
            _state = Rules.Play(_state, action);
            if (Rules.IsOver(_state))
            {
                _over = true;
                int winner = Rules.Winner(_state);
                if (winner >= 0)
                {
                    _rewards[winner] = 1;
                    _rewards[1 - winner] = -1;
                }
            }
        }
        var observation = _observations.Next();
        Rules.Encode(_state, observation);
        return new(observation, _rewards[mover], _over, false, Info.Empty);
    }

    /// <inheritdoc />
    public void Observe(int player, Span<float> observation)
    {
        if ((uint)player > 1) throw new ArgumentOutOfRangeException(nameof(player), player, "Players are 0 and 1.");
        Rules.Encode(_state, observation);
        if (player != Rules.ToMove(_state))
        {
            // The encoding is the mover's view; the other player sees the two planes swapped.
            for (int i = 0; i < observation.Length; i += 2) (observation[i], observation[i + 1]) = (observation[i + 1], observation[i]);
        }
    }

    /// <inheritdoc />
    public void ActionMask(Span<bool> mask)
    {
        for (int a = 0; a < Rules.ActionCount; a++) mask[a] = !_over && Rules.IsLegal(_state, a);
    }

    /// <summary>Sets the position (for replays and for playing from a given board); the game continues from there.</summary>
    public void SetState(in TState state)
    {
        _state = state;
        _over = Rules.IsOver(state);
        _illegalMove = false;
        _rewards[0] = _rewards[1] = 0;
    }

    /// <inheritdoc />
    public TResult Accept<TResult>(IGameVisitor<TResult> visitor) => visitor.Visit<TState, TRules>(Rules);
}
