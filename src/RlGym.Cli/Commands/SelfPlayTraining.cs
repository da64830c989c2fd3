using System.Globalization;
using Microsoft.Extensions.Logging;
using RlGym.Agents.Search.AlphaZero;
using RlGym.Cli.Hosting;
using RlGym.Core.Errors;
using RlGym.Core.MultiAgent;
using RlGym.Training;
using RlGym.Training.Runs;
using RlGym.Training.SelfPlay;

namespace RlGym.Cli.Commands;

/// <summary>
/// The self-play path of <c>rlgym train</c>: <c>rlgym train ConnectFour-v0 --agent alphazero</c> (or TicTacToe-v0)
/// trains a game-playing learner by playing against itself, in the usual run directory: <c>config.json</c>,
/// <c>metrics.csv</c> with a row per game and, at each evaluation, the win and draw rates against a fixed MCTS with the
/// learner's simulations per move, <c>checkpoint/</c> for <c>--resume</c>, and <c>agent.bin</c>, which
/// <c>rlgym arena</c> accepts as a player. The budget <c>--episodes N</c> counts games.
/// </summary>
public static class SelfPlayTraining
{
    /// <summary>True when <paramref name="config"/> names a game player rather than an agent: the run is self-play.</summary>
    public static bool Handles(CliSession session, RunConfig config) =>
        session.Players.Contains(config.Agent) && !session.Agents.Factories.Any(f => f.Info.Name == config.Agent);

    /// <summary>Runs (or resumes) the self-play run; returns the process's exit code.</summary>
    public static int Run(CliSession session, RunConfig config, RunDirectory dir, bool resume, bool force, bool watched, CancellationToken ct)
    {
        if (watched) throw new UserInputException("--render and --record watch environment steps; self-play has none: watch games with 'rlgym arena' or 'rlgym watch'");
        if (config.Steps is not null) throw new UserInputException($"self-play counts games; use --episodes N (games played), not --steps");
        if (config.Wrappers.Count > 0 || config.MaxEpisodeSteps is not null)
            throw new UserInputException($"{config.Agent} plays on the game's rules; --wrap and --max-steps do not apply");
        using var env = session.Envs.Make(config.Env);
        if (env.Unwrapped is not IBoardGame game)
            throw new UserInputException($"{config.Agent} trains by self-play on a two-player board game (TicTacToe-v0, ConnectFour-v0); {config.Env} is not one");
        return game.Accept(new Visitor(session, config, dir, resume, force, ct));
    }

    private sealed class Visitor(CliSession session, RunConfig config, RunDirectory dir, bool resume, bool force, CancellationToken ct) : IGameVisitor<int>
    {
        public int Visit<TState, TRules>(TRules rules) where TState : struct where TRules : struct, IGameRules<TState>
        {
            var inv = CultureInfo.InvariantCulture;
            var log = session.Logger("train");
            var player = session.Players.Get(config.Agent).Create<TState, TRules>(rules, config.Settings, Seeds.Agent(config.Seed));
            if (player is not ISelfPlayLearner<TState> learner)
                throw new UserInputException($"{config.Agent} is a fixed player and does not learn; self-play trains alphazero");
            int simulations = learner is AlphaZeroPlayer<TState, TRules> az ? az.Options.Simulations : 100;
            var baselineSettings = new Dictionary<string, string> { ["simulations"] = simulations.ToString(inv) };
            string baselineName = $"mcts:simulations={simulations}";
            int games = config.Episodes ?? TrainCommand.DefaultEpisodes;
            if (!resume)
            {
                // Self-play always measures itself against the baseline: ten times in the run unless --eval-every says.
                if (config.EvalEvery == 0) config.EvalEvery = Math.Max(1, games / 10);
                dir.PrepareFresh(force);
                dir.WriteConfig(config);
            }
            var options = new SelfPlayOptions
            {
                Games = games,
                EvalEvery = config.EvalEvery,
                EvalGames = Math.Max(2, config.EvalEpisodes),
                CheckpointEvery = config.CheckpointEvery,
                Seed = config.Seed,
                EnvId = config.Env,
                AgentName = config.Agent,
            };
            var trainer = new SelfPlayTrainer<TState, TRules>(rules, learner,
                seed => session.Players.Get("mcts").Create<TState, TRules>(rules, baselineSettings, seed), dir, options)
            {
                Log = line => log.LogInformation("{Line}", line),
            };
            log.LogInformation("self-play: {Agent} on {Env} for {Games} games, seed {Seed}, evaluated against {Baseline} every {Every} games, into {Dir}",
                config.Agent, config.Env, games, config.Seed, baselineName, config.EvalEvery, dir.Path);
            var result = trainer.Run(resume, ct);

            var w = session.Error;
            w.WriteLine(result.Cancelled
                ? $"rlgym: self-play cancelled after {result.Games} games; checkpoint and metrics are in {dir.Path} (resume with: rlgym train --resume {dir.Path})"
                : $"rlgym: trained {config.Agent} on {config.Env} by self-play: {result.Games} games, {result.Moves} moves in {result.WallSeconds.ToString("0.0", inv)} s");
            if (!double.IsNaN(result.LastWinRate))
                w.WriteLine($"rlgym: last evaluation against {baselineName}: win rate {result.LastWinRate.ToString("0.000", inv)}, draw rate {result.LastDrawRate.ToString("0.000", inv)} over {options.EvalGames} games");
            w.WriteLine($"rlgym: run directory {dir.Path}; play it with: rlgym arena {config.Env} --players {dir.Path},{baselineName} --swap");
            w.Flush();
            return result.Cancelled && ct.IsCancellationRequested ? RlGymApp.Cancelled : 0;
        }
    }
}
