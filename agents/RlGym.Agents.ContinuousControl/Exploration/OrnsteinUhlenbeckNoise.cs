using RlGym.Core.Random;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// Temporally correlated exploration noise, one Ornstein-Uhlenbeck process per environment copy and action dimension:
/// x ← x + θ (0 − x) Δt + σ √Δt ε, ε ~ N(0, 1), with θ = 0.15 and Δt = 0.01 (the values of the DDPG paper's
/// Stable-Baselines3 form). With these constants x wanders slowly, so a push lasts for many steps.
/// </summary>
public sealed class OrnsteinUhlenbeckNoise
{
    /// <summary>Mean-reversion rate θ.</summary>
    public const double Theta = 0.15;

    /// <summary>Time step Δt of one environment step.</summary>
    public const double Dt = 0.01;

    private readonly int _size;
    private readonly List<double[]> _state = [];

    /// <summary>Creates processes for actions of width <paramref name="size"/>; copies are added when first used.</summary>
    public OrnsteinUhlenbeckNoise(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _size = size;
    }

    /// <summary>Advances copy <paramref name="copy"/>'s process by one step with scale σ and returns its dimension-<paramref name="j"/> value after the step.</summary>
    public double Next(int copy, int j, double sigma, Rng rng)
    {
        var x = State(copy);
        x[j] += Theta * -x[j] * Dt + sigma * Math.Sqrt(Dt) * rng.NextGaussian();
        return x[j];
    }

    /// <summary>Starts copy <paramref name="copy"/>'s process again at 0 (a new episode).</summary>
    public void Reset(int copy)
    {
        if (copy < _state.Count) Array.Clear(_state[copy]);
    }

    /// <summary>Writes every copy's state.</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(_state.Count);
        foreach (var x in _state)
            foreach (double v in x) writer.Write(v);
    }

    /// <summary>Restores what <see cref="Save"/> wrote.</summary>
    public void Load(BinaryReader reader)
    {
        int copies = reader.ReadInt32();
        if (copies < 0) throw new InvalidDataException($"The saved noise has {copies} copies.");
        _state.Clear();
        for (int c = 0; c < copies; c++)
        {
            var x = new double[_size];
            for (int j = 0; j < _size; j++) x[j] = reader.ReadDouble();
            _state.Add(x);
        }
    }

    private double[] State(int copy)
    {
        while (_state.Count <= copy) _state.Add(new double[_size]);
        return _state[copy];
    }
}
