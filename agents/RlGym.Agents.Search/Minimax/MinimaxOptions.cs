using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RlGym.Agents.Search.Minimax;

/// <summary>Settings of <see cref="MinimaxPlayer{TState,TRules}"/>.</summary>
public sealed record MinimaxOptions
{
    /// <summary>Plies searched; 0 searches to the end of games of at most 9 actions (tic-tac-toe) and 5 plies otherwise.</summary>
    [Description("plies searched (0: to the end on tic-tac-toe, 5 on larger games), then the game's heuristic")]
    [Range(0, 42)]
    public int Depth { get; init; }
}
