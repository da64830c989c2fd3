namespace RlGym.Core.MultiAgent;

/// <summary>Results of finished games in the terms search and learning use.</summary>
public static class GameRulesExtensions
{
    /// <summary>
    /// The result of a finished game for <paramref name="player"/>: +1 a win, −1 a loss, 0 a draw (and 0 while the
    /// game goes on).
    /// </summary>
    public static double Score<TState, TRules>(this TRules rules, in TState state, int player)
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        int winner = rules.Winner(state);
        return winner < 0 ? 0 : winner == player ? 1 : -1;
    }

    /// <summary>Length of the feature vector <see cref="IGameRules{TState}.Encode"/> writes.</summary>
    public static int FeatureCount<TState>(this IGameRules<TState> rules) where TState : struct => rules.Rows * rules.Columns * 2;
}
