namespace RlGym.Agents.Tabular.Prediction;

/// <summary>
/// n-step TD prediction of V_π (Sutton &amp; Barto §7.1): learns the state values of whatever policy generates the
/// transitions it observes. y_t = Σ_{i&lt;n} γ^i r_{t+i} + γ^n V(s_{t+n}); at an episode's end the waiting states
/// are updated with the rewards left. n = 1 is TD(0); n at least the episode length is constant-α Monte Carlo.
/// </summary>
public sealed class NStepTdPrediction
{
    private readonly NStepBuffer _steps;

    /// <summary>Creates the predictor with every V(s) at <paramref name="initialValue"/>.</summary>
    public NStepTdPrediction(int stateCount, int n, double alpha, double gamma = 1.0, double initialValue = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stateCount);
        if (!(alpha >= 0 && alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be in [0, 1].");
        if (!(gamma >= 0 && gamma <= 1)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be in [0, 1].");
        _steps = new NStepBuffer(n);
        Alpha = alpha;
        Gamma = gamma;
        Values = new double[stateCount];
        Reset(initialValue);
    }

    /// <summary>V(s) for every state.</summary>
    public double[] Values { get; }

    /// <summary>Steps in the target.</summary>
    public int N => _steps.Capacity;

    /// <summary>Step size α.</summary>
    public double Alpha { get; }

    /// <summary>Discount γ.</summary>
    public double Gamma { get; }

    /// <summary>Forgets everything learned: every V(s) back to <paramref name="initialValue"/>, no step waiting.</summary>
    public void Reset(double initialValue = 0)
    {
        Array.Fill(Values, initialValue);
        _steps.Clear();
    }

    /// <summary>Learns from one step s_t → r_t, s_{t+1}.</summary>
    public void Observe(int state, double reward, int nextState, bool terminated, bool truncated)
    {
        _steps.Push(state, 0, reward);
        double bootstrap = terminated ? 0 : Values[nextState];
        if (!terminated && !truncated)
        {
            if (_steps.IsFull)
            {
                // y_τ = Σ_{i<n} γ^i r_{τ+i} + γ^n V(s_{τ+n})
                UpdateOldest(_steps.DiscountedRewards(Gamma) + Math.Pow(Gamma, _steps.Count) * bootstrap);
            }
        }
        else
        {
            // The episode is over: every waiting step's target sums the m rewards left to the end,
            // y_τ = Σ_{i<m} γ^i r_{τ+i} + γ^m V(s_{τ+m}), bootstrapping only if it was truncated.
            var targets = _steps.TargetsToEnd(Gamma, bootstrap);
            for (int k = 0; k < targets.Length; k++) UpdateOldest(targets[k]);
        }
    }

    private void UpdateOldest(double y)
    {
        // δ_τ = V(s_τ) − y_τ;  V(s_τ) ← V(s_τ) − α δ_τ
        ref double v = ref Values[_steps.OldestState];
        double delta = v - y;
        v -= Alpha * delta;

        _steps.DropOldest();
    }
}
