using RlGym.Cli.Hosting;
using RlGym.Core.Errors;
using RlGym.Core.MultiAgent;
using RlGym.Training.Runs;

namespace RlGym.Cli.Games;

/// <summary>Builds the players of <c>rlgym arena</c> and <c>rlgym watch</c> from their specs: by name from the registry, or a run's trained learner.</summary>
public static class GamePlayers
{
    /// <summary>The player <paramref name="spec"/> describes for the game <paramref name="gameId"/>.</summary>
    public static IGamePlayer<TState> Create<TState, TRules>(CliSession session, string gameId, TRules rules, PlayerSpec spec, long seed)
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        if (spec.RunPath is null) return session.Players.Get(spec.Name!).Create<TState, TRules>(rules, spec.Settings, seed);

        // A run directory, or an agent file inside one (agent.bin, cloned.bin).
        bool isFile = File.Exists(spec.RunPath);
        string dirPath = isFile ? Path.GetDirectoryName(Path.GetFullPath(spec.RunPath))! : spec.RunPath;
        var dir = new RunDirectory(dirPath);
        var config = dir.ReadConfig();
        if (config.Env != gameId)
            throw new UserInputException($"the run in '{dirPath}' trained on {config.Env}, not {gameId}");
        if (!session.Players.Contains(config.Agent))
            throw new UserInputException($"the run in '{dirPath}' trained {config.Agent}, which is not a game player; allowed: {string.Join(", ", session.Players.Factories.Select(f => f.Info.Name).Order())}");
        var player = session.Players.Get(config.Agent).Create<TState, TRules>(rules, config.Settings, seed);
        string file = isFile ? spec.RunPath : dir.AgentPath;
        if (!File.Exists(file)) throw new UserInputException($"'{dirPath}' has no trained player ({Path.GetFileName(file)}); train first");
        using var fs = File.OpenRead(file);
        try { player.Load(fs); }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new UserInputException($"'{file}' does not hold a saved {config.Agent} player for these settings: {e.Message}");
        }
        return player;
    }

    /// <summary>The label of a player in tables and JSON.</summary>
    public static string Label(PlayerSpec spec) => spec.Text;
}
