namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Each environment copy's last sampled action as the agent stores it (for a Gaussian, the sample before clipping)
/// beside the action the environment was handed, so that a transition is learned from with the log-probability of
/// the sample, not of its clipped image. A transition whose action the agent did not hand out (a hand-made episode)
/// is stored as the environment saw it.
/// </summary>
public sealed class ChosenActions<TAct> where TAct : notnull
{
    private readonly ActionHead<TAct> _head;
    private readonly double[] _scratch;
    private TAct[] _handed = [];
    private double[] _samples = [];

    /// <summary>Memory for actions of <paramref name="head"/>.</summary>
    public ChosenActions(ActionHead<TAct> head)
    {
        _head = head;
        _scratch = new double[head.ActionWidth];
    }

    /// <summary>Copy <paramref name="copy"/> was handed <paramref name="handed"/>, the environment's form of <paramref name="sample"/>.</summary>
    public void Remember(int copy, TAct handed, ReadOnlySpan<double> sample)
    {
        int w = _head.ActionWidth;
        if (copy >= _handed.Length)
        {
            Array.Resize(ref _handed, copy + 1);
            Array.Resize(ref _samples, (copy + 1) * w);
        }
        _handed[copy] = handed;
        sample.CopyTo(_samples.AsSpan(copy * w, w));
    }

    /// <summary>The stored form of the action in copy <paramref name="copy"/>'s transition: the sample when it is the action handed out.</summary>
    public ReadOnlySpan<double> Recall(int copy, TAct action)
    {
        int w = _head.ActionWidth;
        // An index is its own stored form; an array is the sample only if it is the very array handed out.
        if (!typeof(TAct).IsValueType && copy < _handed.Length && ReferenceEquals(_handed[copy], action))
            return _samples.AsSpan(copy * w, w);
        _head.FromEnv(action, _scratch);
        return _scratch;
    }
}
