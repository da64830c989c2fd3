using RlGym.Core.MultiAgent;

namespace RlGym.Rendering.Tests.Games;

/// <summary>A player whose moves are known in advance: the lowest free move, or the highest.</summary>
public sealed class PlainPlayer<TState, TRules>(TRules rules, bool lowest) : IGamePlayer<TState>
    where TState : struct where TRules : struct, IGameRules<TState>
{
    public string Name => lowest ? "lowest" : "highest";

    public int ChooseAction(in TState state) => TestMoves.Choose(rules, state, lowest);

    public void Save(Stream stream) { }

    public void Load(Stream stream) { }
}

/// <summary>
/// A known player with made-up search statistics, so frames show numbers without a real search: the chosen move
/// gets 90 visits and value +0.5, every other legal one 10 visits and −0.25. With a <see cref="Gate"/> each choice
/// waits until released, holding a search "in progress".
/// </summary>
public sealed class SearchingPlayer<TState, TRules>(TRules rules, bool lowest) : IGamePlayer<TState>, ISearchStatistics
    where TState : struct where TRules : struct, IGameRules<TState>
{
    private readonly int[] _visits = new int[rules.ActionCount];
    private readonly double[] _values = new double[rules.ActionCount];

    public SemaphoreSlim? Gate { get; init; }

    public string Name => "searching";

    public ReadOnlySpan<int> RootVisits => _visits;

    public ReadOnlySpan<double> RootValues => _values;

    public int ChooseAction(in TState state)
    {
        Gate?.Wait();
        int chosen = TestMoves.Choose(rules, state, lowest);
        Span<int> legal = stackalloc int[rules.ActionCount];
        int n = rules.LegalActions(state, legal);
        Array.Clear(_visits);
        _values.AsSpan().Fill(double.NaN);
        for (int i = 0; i < n; i++) (_visits[legal[i]], _values[legal[i]]) = legal[i] == chosen ? (90, 0.5) : (10, -0.25);
        return chosen;
    }

    public void Save(Stream stream) { }

    public void Load(Stream stream) { }
}

public static class TestMoves
{
    public static int Choose<TState, TRules>(TRules rules, in TState state, bool lowest)
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        Span<int> legal = stackalloc int[rules.ActionCount];
        int n = rules.LegalActions(state, legal);
        return lowest ? legal[0] : legal[n - 1];
    }
}
