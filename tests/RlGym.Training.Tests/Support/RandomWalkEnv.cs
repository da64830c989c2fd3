using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Training.Tests.Support;

/// <summary>
/// A slippery corridor of <c>n</c> cells for tests: start in the middle, action 0 left, 1 right; with probability
/// <c>slip</c> the move goes the other way. Reaching the right end pays +1 and terminates, the left end pays 0 and
/// terminates. Every draw comes from the env's seeded generator, so runs reproduce from the seed. It saves its
/// state, so runs on it resume exactly at any step.
/// </summary>
public sealed class RandomWalkEnv : Env<int, int>, IStatefulEnv
{
    private readonly int _n;
    private readonly double _slip;
    private int _state;

    public RandomWalkEnv(int n = 7, double slip = 0.2)
    {
        _n = n;
        _slip = slip;
        ObservationSpace = new Discrete(n);
        ActionSpace = new Discrete(2);
        Spec = new EnvSpec { Id = "RandomWalk-test", Factory = _ => new RandomWalkEnv(), RewardThreshold = 0.5 };
    }

    public override Space<int> ObservationSpace { get; }
    public override Space<int> ActionSpace { get; }

    /// <summary>Where the walker stands.</summary>
    public int State => _state;

    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        _state = _n / 2;
        return new ResetResult<int>(_state, Info.Empty);
    }

    public override StepResult<int> Step(int action)
    {
        int move = action == 1 ? 1 : -1;
        if (Random.NextDouble() < _slip) move = -move;
        _state += move;
        bool right = _state == _n - 1, left = _state == 0;
        return new StepResult<int>(_state, right ? 1.0 : 0.0, right || left, false, Info.Empty);
    }

    public bool CanSaveState => true;

    public void WriteState(BinaryWriter writer)
    {
        WriteRandom(writer);
        writer.Write(_state);
    }

    public void ReadState(BinaryReader reader)
    {
        ReadRandom(reader);
        _state = reader.ReadInt32();
    }
}
