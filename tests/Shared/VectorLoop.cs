using RlGym.Core.Agents;
using RlGym.Core.Environments;

namespace RlGym.Agents.Testing;

/// <summary>
/// The trainer's loop over K environment copies in miniature, for agent tests: the K observations go to the batch
/// <c>Act</c>, every copy steps with its action, and the step's transitions, each tagged with its copy, go to the batch
/// <c>Observe</c>. Copies reset as Gymnasium's vector environments do by default (next-step autoreset): the step after a
/// copy's episode ended resets that copy, ignores its action and yields no transition. Episodes longer than
/// <c>maxSteps</c> are truncated, as a time limit would.
/// </summary>
public sealed class VectorLoop<TObs, TAct> where TObs : notnull where TAct : notnull
{
    private readonly IEnv<TObs, TAct>[] _envs;
    private readonly TObs[] _observations;
    private readonly TAct[] _actions;
    private readonly Transition<TObs, TAct>[] _transitions;
    private readonly bool[] _ended;
    private readonly int[] _lengths;
    private readonly double[] _returns;
    private readonly int _maxSteps;

    /// <summary>Makes the K copies with <paramref name="makeEnv"/> (called with 0..K−1) and resets copy i with seed + i.</summary>
    public VectorLoop(int copies, Func<int, IEnv<TObs, TAct>> makeEnv, long seed, int maxSteps = int.MaxValue)
    {
        _envs = new IEnv<TObs, TAct>[copies];
        _observations = new TObs[copies];
        _actions = new TAct[copies];
        _transitions = new Transition<TObs, TAct>[copies];
        _ended = new bool[copies];
        _lengths = new int[copies];
        _returns = new double[copies];
        _maxSteps = maxSteps;
        for (int i = 0; i < copies; i++)
        {
            _envs[i] = makeEnv(i);
            _observations[i] = _envs[i].Reset(seed + i).Observation;
        }
    }

    /// <summary>K.</summary>
    public int Copies => _envs.Length;

    /// <summary>Environment steps of all copies so far (transitions observed).</summary>
    public long Steps { get; private set; }

    /// <summary>The return of every episode finished so far, in the order they finished.</summary>
    public List<double> Returns { get; } = [];

    /// <summary>True when copy <paramref name="copy"/>'s episode ended with the last step (it resets on the next).</summary>
    public bool Ended(int copy) => _ended[copy];

    /// <summary>True when some copy is inside an episode (has taken a step of it and not finished it).</summary>
    public bool MidEpisode => _lengths.Where((length, i) => length > 0 && !_ended[i]).Any();

    /// <summary>One vector step: act on all K observations, step every copy (or reset it), observe the transitions.</summary>
    public void Step(IAgent<TObs, TAct> agent)
    {
        agent.Act(_observations, _actions);
        int n = 0;
        for (int i = 0; i < _envs.Length; i++)
        {
            if (_ended[i])
            {
                _observations[i] = _envs[i].Reset().Observation;
                (_ended[i], _lengths[i], _returns[i]) = (false, 0, 0);
                continue;
            }
            var r = _envs[i].Step(_actions[i]);
            _lengths[i]++;
            bool truncated = r.Truncated || (!r.Terminated && _lengths[i] >= _maxSteps);
            _transitions[n++] = new Transition<TObs, TAct>(_observations[i], _actions[i], r.Reward, r.Observation, r.Terminated, truncated, i);
            _returns[i] += r.Reward;
            if (r.Terminated || truncated)
            {
                _ended[i] = true;
                Returns.Add(_returns[i]);
            }
            _observations[i] = r.Observation;
            Steps++;
        }
        agent.Observe(_transitions.AsSpan(0, n));
    }

    /// <summary>Runs <paramref name="steps"/> vector steps.</summary>
    public void Run(IAgent<TObs, TAct> agent, int steps)
    {
        for (int s = 0; s < steps; s++) Step(agent);
    }
}

/// <summary>Exact resume of an agent: the file of an interrupted and resumed run against an uninterrupted one.</summary>
public static class Resume
{
    /// <summary>
    /// Trains one agent for <paramref name="steps"/> vector steps on K fresh copies; trains another on K fresh copies for
    /// <paramref name="stopAt"/> steps, saves it, loads the file into a third agent made with another seed, and continues
    /// that one on the same copies for the remaining steps. Returns both final files and whether the stop fell in the
    /// middle of some copy's episode.
    /// </summary>
    public static (byte[] Uninterrupted, byte[] Resumed, bool StoppedMidEpisode) Compare<TObs, TAct>(
        Func<long, IAgent<TObs, TAct>> makeAgent, Func<int, IEnv<TObs, TAct>> makeEnv, int copies, int steps, int stopAt,
        int maxSteps = int.MaxValue) where TObs : notnull where TAct : notnull
    {
        var whole = makeAgent(1);
        new VectorLoop<TObs, TAct>(copies, makeEnv, seed: 7, maxSteps).Run(whole, steps);

        var first = makeAgent(1);
        var loop = new VectorLoop<TObs, TAct>(copies, makeEnv, seed: 7, maxSteps);
        loop.Run(first, stopAt);
        bool midEpisode = loop.MidEpisode;
        var file = new MemoryStream();
        first.Save(file);
        file.Position = 0;
        var second = makeAgent(12345);
        second.Load(file);
        loop.Run(second, steps - stopAt);

        return (Bytes(whole), Bytes(second), midEpisode);
    }

    /// <summary>What <see cref="IAgent.Save"/> writes.</summary>
    public static byte[] Bytes(IAgent agent)
    {
        var stream = new MemoryStream();
        agent.Save(stream);
        return stream.ToArray();
    }
}
