using RlGym.Core.Agents;

namespace RlGym.Rendering.Tests.Fakes;

/// <summary>A Q table set by hand; counts how often it is read.</summary>
public sealed class FakeValues(int states, int actions) : IActionValues<int>, IExploring
{
    public double[,] Q { get; } = new double[states, actions];
    public int Reads { get; private set; }
    public int ActionCount => actions;

    /// <inheritdoc />
    public ActionValueKind Kind { get; set; } = ActionValueKind.ActionValues;
    public double ExplorationRate { get; set; } = 0.25;

    public void ActionValues(int observation, Span<double> values)
    {
        Reads++;
        for (int a = 0; a < actions; a++) values[a] = Q[observation, a];
    }

    /// <summary>V(s) = <paramref name="value"/> through the greedy action <paramref name="greedy"/>; the others a little less.</summary>
    public FakeValues Set(int state, int greedy, double value)
    {
        for (int a = 0; a < actions; a++) Q[state, a] = a == greedy ? value : value - 1;
        return this;
    }
}
