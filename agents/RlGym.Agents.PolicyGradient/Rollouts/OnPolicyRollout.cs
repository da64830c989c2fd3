using MathNet.Numerics.LinearAlgebra;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// On-policy rollout storage for PPO and TRPO: the transitions of the K copies in the order they arrived, each with the
/// action as sampled (for a Gaussian, before clipping) and its log-probability under the policy that chose it, plus
/// each copy's pending choice between Act and Observe. Advantages are GAE(λ) computed per copy.
/// </summary>
public sealed class OnPolicyRollout
{
    private const uint Magic = 0x4C4F5252; // "RROL" little-endian

    private readonly List<float[]> _observations = [];
    private readonly List<float[]> _nextObservations = [];
    private readonly List<double> _actions = [];
    private readonly List<double> _logProbs = [];
    private readonly List<double> _rewards = [];
    private readonly List<bool> _terminated = [];
    private readonly List<bool> _done = [];
    private readonly List<int> _copies = [];
    private double[][] _pendingActions = [];
    private double[] _pendingLogProbs = [];

    /// <summary>Creates empty storage for observations of width <paramref name="observationSize"/> and actions of <paramref name="actionWidth"/> doubles.</summary>
    public OnPolicyRollout(int observationSize, int actionWidth)
    {
        ObservationSize = observationSize;
        ActionWidth = actionWidth;
    }

    /// <summary>Width of an observation.</summary>
    public int ObservationSize { get; }

    /// <summary>Doubles per action.</summary>
    public int ActionWidth { get; }

    /// <summary>Transitions stored.</summary>
    public int Count => _rewards.Count;

    /// <summary>Copies seen so far (the largest copy index that acted, plus one).</summary>
    public int Copies => _pendingLogProbs.Length;

    /// <summary>Remembers what copy <paramref name="copy"/> was told to do, until its transition arrives.</summary>
    public void SetPending(int copy, ReadOnlySpan<double> action, double logProb)
    {
        if (copy >= _pendingLogProbs.Length)
        {
            int n = copy + 1;
            Array.Resize(ref _pendingLogProbs, n);
            Array.Resize(ref _pendingActions, n);
        }
        (_pendingActions[copy] ??= new double[ActionWidth]).AsSpan().Clear();
        action.CopyTo(_pendingActions[copy]);
        _pendingLogProbs[copy] = logProb;
    }

    /// <summary>Stores a transition of copy <paramref name="copy"/> with its pending action and log-probability; arrays are copied.</summary>
    public void Add(ReadOnlySpan<float> observation, double reward, ReadOnlySpan<float> nextObservation, bool terminated, bool truncated, int copy)
    {
        if (copy >= _pendingLogProbs.Length || _pendingActions[copy] is null)
            throw new InvalidOperationException($"Copy {copy} delivered a transition without having acted.");
        _observations.Add(observation.ToArray());
        _nextObservations.Add(nextObservation.ToArray());
        _actions.AddRange(_pendingActions[copy]);
        _logProbs.Add(_pendingLogProbs[copy]);
        _rewards.Add(reward);
        _terminated.Add(terminated);
        _done.Add(terminated || truncated);
        _copies.Add(copy);
    }

    /// <summary>Empties the transitions (pending choices stay).</summary>
    public void Clear()
    {
        _observations.Clear();
        _nextObservations.Clear();
        _actions.Clear();
        _logProbs.Clear();
        _rewards.Clear();
        _terminated.Clear();
        _done.Clear();
        _copies.Clear();
    }

    /// <summary>Action of transition <paramref name="i"/>.</summary>
    public ReadOnlySpan<double> Action(int i) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_actions).Slice(i * ActionWidth, ActionWidth);

    /// <summary>ln π_old(a_i|s_i).</summary>
    public double LogProb(int i) => _logProbs[i];

    /// <summary>r_i.</summary>
    public double Reward(int i) => _rewards[i];

    /// <summary>s_i.</summary>
    public float[] Observation(int i) => _observations[i];

    /// <summary>A B × d matrix of s_i (<paramref name="next"/>: s′_i) for the rows <paramref name="rows"/>.</summary>
    public void Fill(Matrix<double> batch, ReadOnlySpan<int> rows, bool next = false)
    {
        var data = batch.AsColumnMajorArray();
        int n = batch.RowCount;
        for (int k = 0; k < rows.Length; k++)
        {
            var o = next ? _nextObservations[rows[k]] : _observations[rows[k]];
            for (int j = 0; j < o.Length; j++) data[j * n + k] = o[j];
        }
    }

    /// <summary>
    /// GAE(λ), copy by copy from the last transition back:
    /// δ_t = r_t + γ (1 − terminated_t) v(s_{t+1}) − v(s_t),  A_t = δ_t + γ λ (1 − done_t) A_{t+1}.
    /// A truncated transition bootstraps from v(s_{t+1}) but does not pass on A_{t+1} (the next state of its copy starts
    /// a new episode); the rollout's last transition of each copy has A_{t+1} = 0.
    /// </summary>
    public void Advantages(ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues, double gamma, double lambda, Span<double> advantages)
    {
        var following = new double[Copies];
        for (int t = Count - 1; t >= 0; t--)
        {
            int c = _copies[t];
            double delta = _rewards[t] + (_terminated[t] ? 0 : gamma * nextValues[t]) - values[t];
            double a = delta + (_done[t] ? 0 : gamma * lambda * following[c]);
            advantages[t] = a;
            following[c] = a;
        }
    }

    /// <summary>Writes the transitions and the pending choices.</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(ObservationSize);
        writer.Write(ActionWidth);
        writer.Write(Count);
        for (int i = 0; i < Count; i++)
        {
            foreach (var x in _observations[i]) writer.Write(x);
            foreach (var x in _nextObservations[i]) writer.Write(x);
            foreach (var x in Action(i)) writer.Write(x);
            writer.Write(_logProbs[i]);
            writer.Write(_rewards[i]);
            writer.Write(_terminated[i]);
            writer.Write(_done[i]);
            writer.Write(_copies[i]);
        }
        writer.Write(Copies);
        for (int c = 0; c < Copies; c++)
        {
            writer.Write(_pendingActions[c] is not null);
            if (_pendingActions[c] is null) continue;
            foreach (var x in _pendingActions[c]) writer.Write(x);
            writer.Write(_pendingLogProbs[c]);
        }
    }

    /// <summary>Restores what <see cref="Save"/> wrote.</summary>
    public void Load(BinaryReader reader)
    {
        if (reader.ReadUInt32() != Magic) throw new InvalidDataException("The rollout's header is missing.");
        int d = reader.ReadInt32(), w = reader.ReadInt32();
        if (d != ObservationSize || w != ActionWidth)
            throw new InvalidDataException($"The saved rollout has observations of width {d} and actions of {w}; this one {ObservationSize} and {ActionWidth}.");
        Clear();
        int count = reader.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            var o = new float[d];
            var next = new float[d];
            for (int j = 0; j < d; j++) o[j] = reader.ReadSingle();
            for (int j = 0; j < d; j++) next[j] = reader.ReadSingle();
            _observations.Add(o);
            _nextObservations.Add(next);
            for (int j = 0; j < w; j++) _actions.Add(reader.ReadDouble());
            _logProbs.Add(reader.ReadDouble());
            _rewards.Add(reader.ReadDouble());
            _terminated.Add(reader.ReadBoolean());
            _done.Add(reader.ReadBoolean());
            _copies.Add(reader.ReadInt32());
        }
        int copies = reader.ReadInt32();
        _pendingActions = new double[copies][];
        _pendingLogProbs = new double[copies];
        for (int c = 0; c < copies; c++)
        {
            if (!reader.ReadBoolean()) continue;
            _pendingActions[c] = new double[w];
            for (int j = 0; j < w; j++) _pendingActions[c][j] = reader.ReadDouble();
            _pendingLogProbs[c] = reader.ReadDouble();
        }
    }
}
