using MathNet.Numerics.LinearAlgebra;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// A2C's rollout over K environment copies: K·m rows of (s_t, a_t, r_t) (a_t as action-width doubles: an index, or
/// a Gaussian sample before clipping), filled in the order the transitions arrive.
/// Each row knows its copy and the row of that copy's next step (its successor), so the targets can be summed back
/// along each copy's own steps; a copy being reset contributes no row that step, and an episode end is never linked
/// to the next episode's first step. For each copy the last s_{t+1} seen is kept: the state a rollout-cut sum
/// bootstraps from. Allocated once; adding allocates nothing.
/// </summary>
public sealed class Rollout
{
    private readonly int[] _lastRow;

    /// <summary>Creates a rollout of <paramref name="copies"/> · <paramref name="steps"/> rows of <paramref name="observationSize"/> features and actions of <paramref name="actionWidth"/> doubles.</summary>
    public Rollout(int copies, int steps, int observationSize, int actionWidth = 1)
    {
        Copies = copies;
        int rows = copies * steps;
        ActionWidth = actionWidth;
        Observations = Matrix<double>.Build.Dense(rows, observationSize);
        Actions = new double[rows * actionWidth];
        Rewards = new double[rows];
        Ends = new bool[rows];
        Successors = new int[rows];
        CopyOf = new int[rows];
        LastNextObservations = Matrix<double>.Build.Dense(copies, observationSize);
        _lastRow = new int[copies];
        Array.Fill(_lastRow, -1);
    }

    /// <summary>K.</summary>
    public int Copies { get; }

    /// <summary>Rows filled so far.</summary>
    public int Count { get; private set; }

    /// <summary>True when all K·m rows are filled: time to learn.</summary>
    public bool IsFull => Count == Rewards.Length;

    /// <summary>Doubles per action.</summary>
    public int ActionWidth { get; }

    /// <summary>s_t, one row per step.</summary>
    public Matrix<double> Observations { get; }

    /// <summary>a_t, <see cref="ActionWidth"/> doubles per row.</summary>
    public double[] Actions { get; }

    /// <summary>r_t (with γ v(s_{t+1}; w) added when the step was cut by a time limit).</summary>
    public double[] Rewards { get; }

    /// <summary>True where the step ended its episode: the sum stops there.</summary>
    public bool[] Ends { get; }

    /// <summary>The row of the same copy's next step, or −1 when it is not in this rollout (or the step ended the episode).</summary>
    public int[] Successors { get; }

    /// <summary>The copy that made each row.</summary>
    public int[] CopyOf { get; }

    /// <summary>Row k: copy k's latest s_{t+1}, from which its last row's target bootstraps.</summary>
    public Matrix<double> LastNextObservations { get; }

    /// <summary>Adds copy <paramref name="copy"/>'s step.</summary>
    public void Add(int copy, ReadOnlySpan<float> observation, ReadOnlySpan<double> action, double reward, bool end, ReadOnlySpan<float> nextObservation)
    {
        if ((uint)copy >= (uint)Copies) throw new ArgumentOutOfRangeException(nameof(copy), copy, $"The rollout holds {Copies} copies.");
        int row = Count++;
        BatchRows.Write(Observations, row, observation);
        action.CopyTo(Actions.AsSpan(row * ActionWidth, ActionWidth));
        Rewards[row] = reward;
        Ends[row] = end;
        Successors[row] = -1;
        CopyOf[row] = copy;
        int previous = _lastRow[copy];
        if (previous >= 0 && !Ends[previous]) Successors[previous] = row;
        _lastRow[copy] = row;
        BatchRows.Write(LastNextObservations, copy, nextObservation);
    }

    /// <summary>Empties the rollout (copies' latest s_{t+1} are overwritten as their steps arrive).</summary>
    public void Clear()
    {
        Count = 0;
        Array.Fill(_lastRow, -1);
    }

    /// <summary>Writes the rollout (an agent's file keeps the unfinished one).</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Copies);
        w.Write(Rewards.Length);
        w.Write(Count);
        int d = Observations.ColumnCount;
        for (int i = 0; i < Count; i++)
        {
            for (int j = 0; j < d; j++) w.Write(Observations[i, j]);
            for (int j = 0; j < ActionWidth; j++) w.Write(Actions[i * ActionWidth + j]);
            w.Write(Rewards[i]);
            w.Write(Ends[i]);
            w.Write(Successors[i]);
            w.Write(CopyOf[i]);
        }
        for (int k = 0; k < Copies; k++)
        {
            for (int j = 0; j < d; j++) w.Write(LastNextObservations[k, j]);
            w.Write(_lastRow[k]);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote into a rollout of the same shape.</summary>
    public void Read(BinaryReader r)
    {
        int copies = r.ReadInt32(), rows = r.ReadInt32(), count = r.ReadInt32();
        if (copies != Copies || rows != Rewards.Length || count < 0 || count > rows)
            throw new InvalidDataException($"The saved rollout has {copies} copies and {count} of {rows} rows; this agent's has {Copies} copies and {Rewards.Length} rows.");
        int d = Observations.ColumnCount;
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < d; j++) Observations[i, j] = r.ReadDouble();
            for (int j = 0; j < ActionWidth; j++) Actions[i * ActionWidth + j] = r.ReadDouble();
            Rewards[i] = r.ReadDouble();
            Ends[i] = r.ReadBoolean();
            Successors[i] = r.ReadInt32();
            CopyOf[i] = r.ReadInt32();
            if (Successors[i] < -1 || Successors[i] >= count || (uint)CopyOf[i] >= (uint)Copies)
                throw new InvalidDataException($"The saved rollout's row {i} links to row {Successors[i]} of copy {CopyOf[i]}.");
        }
        for (int k = 0; k < Copies; k++)
        {
            for (int j = 0; j < d; j++) LastNextObservations[k, j] = r.ReadDouble();
            _lastRow[k] = r.ReadInt32();
            if (_lastRow[k] < -1 || _lastRow[k] >= count)
                throw new InvalidDataException($"The saved rollout's copy {k} ends at row {_lastRow[k]} of {count}.");
        }
        Count = count;
    }
}
