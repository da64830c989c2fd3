using MathNet.Numerics.LinearAlgebra;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// A fixed-size slice of an episode as the networks take it: observations (rows × features), actions (rows × action
/// width doubles), returns,
/// weights and a mask that is 1 on real rows and 0 on padding. One chunk size per network keeps the networks' buffers
/// fixed whatever the episode's length.
/// </summary>
public sealed class Chunk
{
    /// <summary>Creates a chunk of <paramref name="rows"/> rows of <paramref name="features"/> features and actions of <paramref name="actionWidth"/> doubles.</summary>
    public Chunk(int rows, int features, int actionWidth = 1)
    {
        Rows = rows;
        ActionWidth = actionWidth;
        Observations = Matrix<double>.Build.Dense(rows, features);
        Actions = new double[rows * actionWidth];
        Returns = new double[rows];
        Weights = new double[rows];
        Mask = new double[rows];
    }

    /// <summary>Rows, real or padding.</summary>
    public int Rows { get; }

    /// <summary>s_t, one per row.</summary>
    public Matrix<double> Observations { get; }

    /// <summary>Doubles per action.</summary>
    public int ActionWidth { get; }

    /// <summary>a_t, <see cref="ActionWidth"/> doubles per row.</summary>
    public double[] Actions { get; }

    /// <summary>u_t.</summary>
    public double[] Returns { get; }

    /// <summary>What multiplies ∇ ln π (u_t or −δ_t); 0 on padding.</summary>
    public double[] Weights { get; }

    /// <summary>1 on real rows, 0 on padding.</summary>
    public double[] Mask { get; }

    /// <summary>Loads steps <paramref name="start"/>.. of <paramref name="episode"/> (returns from <paramref name="returns"/>), padding past its end.</summary>
    public void Load(EpisodeBuffer episode, ReadOnlySpan<double> returns, int start)
    {
        int real = Math.Min(Rows, episode.Count - start);
        for (int i = 0; i < Rows; i++)
        {
            bool isReal = i < real;
            if (isReal) BatchRows.Write(Observations, i, episode.Observation(start + i));
            else BatchRows.Clear(Observations, i);
            var action = Actions.AsSpan(i * ActionWidth, ActionWidth);
            if (isReal) episode.Action(start + i).CopyTo(action);
            else action.Clear();
            Returns[i] = isReal ? returns[start + i] : 0;
            Weights[i] = Returns[i];
            Mask[i] = isReal ? 1 : 0;
        }
    }
}
