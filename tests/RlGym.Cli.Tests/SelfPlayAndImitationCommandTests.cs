using System.Globalization;
using System.Text.Json;

namespace RlGym.Cli.Tests;

/// <summary>
/// The command-line paths of imitation and self-play: <c>rollout --policy plan|DIR</c> writes demonstrations,
/// <c>train --agent behaviour-cloning --set demonstrations=PATH</c> clones them, <c>train TicTacToe-v0 --agent alphazero</c>
/// trains by self-play into a run directory that resumes and plays in the arena.
/// </summary>
public sealed class SelfPlayAndImitationCommandTests
{
    private static CliRun.Result Ok(params string[] args)
    {
        var r = CliRun.Run(args);
        Assert.True(r.ExitCode == 0, $"rlgym {string.Join(' ', args)} exited {r.ExitCode}: {r.Error}");
        return r;
    }

    [Fact]
    public void A_clone_of_the_planners_demonstrations_solves_FrozenLake_and_demonstrates_in_turn()
    {
        using var tmp = new TempDirectory();
        string demonstrations = tmp.File("plan.jsonl"), run = tmp.File("bc");
        File.WriteAllText(demonstrations, Ok("rollout", "FrozenLake-v1", "--policy", "plan", "-n", "300", "--seed", "1").Out);
        Ok("train", "FrozenLake-v1", "--agent", "behaviour-cloning", "--set", $"demonstrations={demonstrations}", "--episodes", "20", "--out", run);
        var eval = JsonDocument.Parse(Ok("eval", run, "--episodes", "1000", "--json").Out).RootElement;
        // The planner's greedy policy succeeds in about 0.74 of episodes (γ = 0.99); FrozenLake's threshold is 0.70.
        double success = eval.GetProperty("success_rate").GetDouble();
        Assert.True(success >= 0.70, $"the clone succeeds in {success.ToString(CultureInfo.InvariantCulture)} of episodes");

        // The trained clone is a demonstrator too: its rollout's actions are its greedy ones.
        var lines = Ok("rollout", "FrozenLake-v1", "--policy", run, "-n", "3", "--seed", "2").Lines;
        Assert.Contains(lines, l => l.Contains("\"action\":", StringComparison.Ordinal));
    }

    /// <summary>
    /// The lecture's path end to end on CartPole: a trained agent (A2C, 200,000 steps of its 8 copies, seed 0: greedy return 500) demonstrates
    /// 10 episodes, and clones trained from them with seeds 1–3 balance as long. Measured: every clone's greedy mean return
    /// over 100 episodes is 500, the demonstrator's.
    /// </summary>
    [Fact]
    public void Clones_of_a_trained_agent_balance_CartPole_as_long_as_it_does()
    {
        using var tmp = new TempDirectory();
        string teacher = tmp.File("a2c"), demonstrations = tmp.File("a2c.jsonl");
        Ok("train", "CartPole-v1", "--agent", "a2c", "--steps", "200000", "--seed", "0", "--out", teacher);
        double Mean(string run) => JsonDocument.Parse(Ok("eval", run, "--episodes", "100", "--json").Out).RootElement.GetProperty("mean_return").GetDouble();
        Assert.Equal(500, Mean(teacher));
        File.WriteAllText(demonstrations, Ok("rollout", "CartPole-v1", "--policy", teacher, "-n", "10", "--seed", "1").Out);
        foreach (var seed in new[] { "1", "2", "3" })
        {
            string clone = tmp.File("bc-" + seed);
            Ok("train", "CartPole-v1", "--agent", "behaviour-cloning", "--set", $"demonstrations={demonstrations}", "--episodes", "30", "--seed", seed, "--out", clone);
            Assert.Equal(500, Mean(clone));
        }
    }

    [Fact]
    public void Self_play_writes_a_run_that_resumes_and_plays_in_the_arena()
    {
        using var tmp = new TempDirectory();
        string run = tmp.File("az");
        string[] small = ["--set", "simulations=8", "--set", "hidden_sizes=16", "--set", "batch_size=8"];
        Ok(["train", "TicTacToe-v0", "--agent", "alphazero", "--episodes", "4", "--eval-every", "2", "--seed", "5", "--out", run, .. small]);
        var rows = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
        Assert.Equal("game,total_moves,moves,winner,policy_loss,value_loss,wall_seconds,win_rate,draw_rate", rows[0]);
        Assert.Equal(5, rows.Length);
        Assert.NotEqual("", rows[2].Split(',')[7]);
        Assert.True(File.Exists(Path.Combine(run, "agent.bin")));

        Ok("train", "--resume", run, "--episodes", "6");
        Assert.Equal(7, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Length);

        var arena = JsonDocument.Parse(Ok("arena", "TicTacToe-v0", "--players", $"{run},random", "--games", "4", "--swap", "--json").Out).RootElement;
        Assert.Equal(4, arena.GetProperty("games").GetInt32());
    }

    /// <summary>
    /// The lecture's target, with the README's recipe: two self-play games at a time, 712 s and 788 s of self-play for
    /// seeds 1 and 2 on the idle 2-core machine, within the 15-minute goal.
    /// The learner must win 70% of 400 games, sides swapped, against MCTS with the same 100 simulations a move. It must
    /// also beat its own behaviour-cloned start, which lives in the run as cloned.bin, over 100 games from 2-move random
    /// openings: both players always play their most visited move, so without openings they would play two games.
    /// Measured: seed 1 won 300 of 400 (75.0%) and 72–24 against its start; seed 2 won 302 (75.5%) and 63–32. Over
    /// sixteen 100-game matches per seed, seed 1 won 70–83 (mean 76.7) and seed 2 won 64–81 (mean 73.9).
    /// </summary>
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(1)]
    [InlineData(2)]
    public void AlphaZero_trained_for_60000_games_beats_mcts_with_the_same_simulations_and_its_cloned_start(int seed)
    {
        using var tmp = new TempDirectory();
        string run = tmp.File("c4");
        Ok("train", "ConnectFour-v0", "--agent", "alphazero", "--set", "bc_games=300", "--set", "parallel_games=2", "--episodes", "60000", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", run);

        var mcts = JsonDocument.Parse(Ok("arena", "ConnectFour-v0", "--players", $"{run},mcts:simulations=100", "--games", "400", "--swap", "--json").Out).RootElement;
        int won = mcts.GetProperty("wins")[0].GetInt32();
        Assert.True(won >= 280, $"the learner won {won} of 400 games against mcts:simulations=100; the target is 70% (280)");

        var start = JsonDocument.Parse(Ok("arena", "ConnectFour-v0", "--players", $"{run},{Path.Combine(run, "cloned.bin")}", "--games", "100", "--swap", "--openings", "2", "--json").Out).RootElement;
        int learner = start.GetProperty("wins")[0].GetInt32(), cloned = start.GetProperty("wins")[1].GetInt32();
        Assert.True(learner > cloned, $"the learner won {learner} and its behaviour-cloned start {cloned} of 100 games");
    }

    [Fact]
    public void The_arena_draws_its_first_game_with_the_searchs_visits()
    {
        using var tmp = new TempDirectory();
        string frames = tmp.File("frames");
        var r = JsonDocument.Parse(Ok("arena", "TicTacToe-v0", "--players", "mcts:simulations=50,random", "--games", "2", "--seed", "3", "--record", frames, "--json").Out).RootElement;
        Assert.Equal(2, r.GetProperty("games").GetInt32());
        var pngs = Directory.GetFiles(frames, "move-*.png").Order(StringComparer.Ordinal).ToArray();
        // One frame before each move of the first game and one of its end: 6 to 10 for a game of 5 to 9 moves.
        Assert.InRange(pngs.Length, 6, 10);
        Assert.All(pngs, p => Assert.Equal((byte)0x89, File.ReadAllBytes(p)[0]));
    }

    [Theory]
    [InlineData("train TicTacToe-v0 --agent alphazero --steps 10", "--episodes N")]
    [InlineData("train TicTacToe-v0 --agent minimax --episodes 2", "does not learn")]
    [InlineData("rollout CartPole-v1 --policy plan", "tabular environment")]
    [InlineData("train FrozenLake-v1 --agent behaviour-cloning --episodes 2", "demonstrations=PATH")]
    public void Mistakes_get_one_line_and_exit_2(string line, string expected)
    {
        using var tmp = new TempDirectory();
        string[] args = line.StartsWith("train", StringComparison.Ordinal) ? [.. line.Split(' '), "--out", tmp.File("out")] : line.Split(' ');
        var r = CliRun.Run(args);
        Assert.Contains(expected, StderrAssert.OneErrorLine(r), StringComparison.Ordinal);
    }
}
