using RlGym.Core.MultiAgent;
using RlGym.Core.Random;

namespace RlGym.Agents.Search;

/// <summary>Plays a legal move chosen uniformly at random: the baseline every player should beat.</summary>
public sealed class RandomPlayer<TState, TRules>(TRules rules, long seed) : IGamePlayer<TState>
    where TState : struct where TRules : struct, IGameRules<TState>
{
    private Rng _rng = new(seed);

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public int ChooseAction(in TState state)
    {
        Span<int> legal = stackalloc int[rules.ActionCount];
        int n = rules.LegalActions(state, legal);
        if (n == 0) throw new InvalidOperationException("The game is over; there is no move to choose.");
        return legal[_rng.NextInt(n)];
    }

    /// <inheritdoc />
    public void Save(Stream stream) => RngFormat.Write(stream, _rng);

    /// <inheritdoc />
    public void Load(Stream stream) => _rng = RngFormat.Read(stream);
}
