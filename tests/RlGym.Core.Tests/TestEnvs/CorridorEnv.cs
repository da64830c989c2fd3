using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Tests.TestEnvs;

/// <summary>
/// A 1-D corridor of <c>length</c> cells: action 0 moves left, 1 right (reversed with probability <c>slip</c>);
/// reward −1 per step; terminated on reaching the last cell. The start is cell 0, or a uniform cell of the left half
/// when <c>randomStart</c>.
/// </summary>
public sealed class CorridorEnv : Env<int, int>
{
    private readonly int _length;
    private readonly double _slip;
    private readonly bool _randomStart;

    public CorridorEnv(int length = 5, double slip = 0, bool randomStart = false)
    {
        _length = length;
        _slip = slip;
        _randomStart = randomStart;
        ObservationSpace = new Discrete(length);
    }

    public override Space<int> ObservationSpace { get; }
    public override Space<int> ActionSpace { get; } = new Discrete(2);
    public int Position { get; private set; }
    public int Resets { get; private set; }
    public bool Disposed { get; private set; }

    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        Position = _randomStart ? Random.NextInt(Math.Max(1, _length / 2)) : 0;
        Resets++;
        return new ResetResult<int>(Position, Info.Empty);
    }

    public override StepResult<int> Step(int action)
    {
        CheckAction(action);
        int move = action == 1 ? 1 : -1;
        if (_slip > 0 && Random.Bernoulli(_slip)) move = -move;
        Position = Math.Clamp(Position + move, 0, _length - 1);
        return new StepResult<int>(Position, -1, Position == _length - 1, false, Info.Empty);
    }

    public override void Dispose()
    {
        Disposed = true;
        base.Dispose();
    }
}
