using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular.Tests.Mdps;

/// <summary>
/// A small MDP written as its model, and an environment that steps it by sampling the model's outcomes. The real
/// toy-text environments live in another room; these keep the agent tests independent of them.
/// </summary>
public sealed class ModelEnv : Env<int, int>, ITabularModel
{
    private readonly Outcome[][] _outcomes;
    private readonly Func<int, bool> _terminal;
    private readonly int _start;
    private int _state;

    public ModelEnv(string id, int states, int actions, int start, Func<int, int, Outcome[]> outcomes, Func<int, bool> terminal)
    {
        StateCount = states;
        ActionCount = actions;
        _start = start;
        _terminal = terminal;
        _outcomes = new Outcome[states * actions][];
        for (int s = 0; s < states; s++)
            for (int a = 0; a < actions; a++)
                _outcomes[s * actions + a] = terminal(s) ? [new Outcome(1, s, 0, true)] : outcomes(s, a);
        ObservationSpace = new Discrete(states);
        ActionSpace = new Discrete(actions);
        Spec = new EnvSpec { Id = id, Factory = _ => throw new NotSupportedException() };
    }

    public int StateCount { get; }
    public int ActionCount { get; }
    public override Space<int> ObservationSpace { get; }
    public override Space<int> ActionSpace { get; }
    public int State => _state;

    public IReadOnlyList<Outcome> Outcomes(int state, int action) => _outcomes[state * ActionCount + action];

    public bool IsTerminal(int state) => _terminal(state);

    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        _state = _start;
        return new ResetResult<int>(_state, Info.Empty);
    }

    public override StepResult<int> Step(int action)
    {
        var outcomes = _outcomes[_state * ActionCount + action];
        var o = outcomes[0];
        if (outcomes.Length > 1)
        {
            double u = Random.NextDouble(), acc = 0;
            foreach (var candidate in outcomes)
            {
                o = candidate;
                acc += candidate.Probability;
                if (u < acc) break;
            }
        }
        _state = o.NextState;
        return new StepResult<int>(_state, o.Reward, o.Terminal, false, Info.Empty);
    }
}
