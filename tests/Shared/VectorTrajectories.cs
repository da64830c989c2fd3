using RlGym.Core.Vector;

namespace RlGym.Envs.Testing;

/// <summary>
/// Steps a vector env of registry-made copies and an env of its own side by side with the same actions and asserts
/// that every output is the same, bit for bit: observations, rewards, ends, and the final observations of the copies
/// whose episode ended.
/// </summary>
internal static class VectorTrajectories
{
    /// <summary>
    /// <paramref name="steps"/> steps; <paramref name="act"/> fills the actions of each, <paramref name="sameState"/>
    /// checks copy i's float64 state after it. Returns the terminations and truncations seen.
    /// </summary>
    public static (int Terminations, int Truncations) Compare<TAct>(SyncVectorEnv<TAct> reference, IVectorEnv<TAct> vector, int steps,
        Action<TAct[]> act, Action<int> sameState) where TAct : notnull
    {
        int k = vector.Count, n = vector.ObservationSize;
        var actions = new TAct[k];
        int terminations = 0, truncations = 0;
        for (int t = 0; t < steps; t++)
        {
            act(actions);
            var a = reference.Step(actions);
            var b = vector.Step(actions);
            Assert.Equal(a.Observations, b.Observations);
            Assert.Equal(a.Rewards, b.Rewards);
            Assert.Equal(a.Terminated, b.Terminated);
            Assert.Equal(a.Truncated, b.Truncated);
            Assert.Equal(reference.HasFinalObservation, vector.HasFinalObservation);
            for (int i = 0; i < k; i++)
            {
                if (reference.HasFinalObservation[i])
                    Assert.Equal(reference.FinalObservations.AsSpan(n * i, n).ToArray(), vector.FinalObservations.AsSpan(n * i, n).ToArray());
                sameState(i);
                if (a.Terminated[i]) terminations++;
                if (a.Truncated[i]) truncations++;
            }
        }
        return (terminations, truncations);
    }
}
