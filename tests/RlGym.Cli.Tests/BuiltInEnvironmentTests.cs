using System.Text.Json;

namespace RlGym.Cli.Tests;

/// <summary>The commands on the environments that ship with rlgym (no plugin needed).</summary>
public sealed class BuiltInEnvironmentTests
{
    // Gymnasium's 4x4 FrozenLake map.
    private static readonly string[] Map4x4 = ["SFFF", "FHFH", "FFFH", "HFFG"];

    private static CliRun.Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = RlGymApp.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return new CliRun.Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Steps from each cell to the goal along the map, avoiding holes (breadth-first from the goal).</summary>
    private static int[] StepsToGoal(string[] map)
    {
        int rows = map.Length, cols = map[0].Length;
        var d = Enumerable.Repeat(-1, rows * cols).ToArray();
        var queue = new Queue<int>();
        int goal = rows * cols - 1;
        d[goal] = 0;
        queue.Enqueue(goal);
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            foreach (var (dr, dc) in new[] { (0, 1), (0, -1), (1, 0), (-1, 0) })
            {
                int r = s / cols + dr, c = s % cols + dc;
                if (r < 0 || r >= rows || c < 0 || c >= cols || map[r][c] == 'H' || d[r * cols + c] >= 0) continue;
                d[r * cols + c] = d[s] + 1;
                queue.Enqueue(r * cols + c);
            }
        }
        return d;
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void Plan_on_deterministic_FrozenLake_gives_gamma_to_the_steps_before_the_goal(double gamma)
    {
        var r = Run("plan", "FrozenLake-v1", "-o", "is_slippery=false", "--gamma", gamma.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        var root = JsonDocument.Parse(r.Out).RootElement;
        var values = root.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var policy = root.GetProperty("policy").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var steps = StepsToGoal(Map4x4);
        // FrozenLake's actions: 0 left, 1 down, 2 right, 3 up.
        (int dr, int dc)[] moves = [(0, -1), (1, 0), (0, 1), (-1, 0)];
        for (int s = 0; s < 16; s++)
        {
            char cell = Map4x4[s / 4][s % 4];
            if (cell is 'H' or 'G') { Assert.Equal(0, values[s]); continue; }
            // Only the step onto the goal pays 1, so V*(s) = γ^(k−1) for a goal k steps away.
            Assert.Equal(Math.Pow(gamma, steps[s] - 1), values[s], 12);
            var (dr, dc) = moves[policy[s]];
            int next = (s / 4 + dr) * 4 + s % 4 + dc;
            Assert.Equal(steps[s] - 1, steps[next]);
        }
    }

    [Fact]
    public void Plan_text_draws_FrozenLake_with_its_arrows()
    {
        var r = Run("plan", "FrozenLake-v1", "-o", "is_slippery=false");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("→", r.Out);
        Assert.Contains("↓", r.Out);
        Assert.Contains("H", r.Out);
        Assert.Contains("0.951", r.Out);
    }

    [Fact]
    public void Plan_on_a_continuous_environment_exits_2()
    {
        var r = Run("plan", "CartPole-v1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not a tabular environment", r.Error);
        Assert.Contains("FrozenLake-v1", r.Error);
    }

    [Fact]
    public void Rollout_walks_deterministic_FrozenLake_to_the_goal()
    {
        var r = Run("rollout", "FrozenLake-v1", "-o", "is_slippery=false", "--actions", "2,2,1,1,1,2");
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = r.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal([0, 1, 2, 6, 10, 14, 15], lines.Select(l => l.GetProperty("observation").GetInt32()));
        Assert.True(lines[^1].GetProperty("terminated").GetBoolean());
        Assert.Equal(1, lines[^1].GetProperty("reward").GetDouble());
    }

    [Theory]
    [InlineData("is_slippery=maybe", "true or false")]
    [InlineData("map_name=9x9", "4x4, 8x8")]
    public void Bad_FrozenLake_option_exits_2_naming_what_is_allowed(string option, string allowed)
    {
        var r = Run("rollout", "FrozenLake-v1", "-o", option);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(allowed, r.Error);
    }

    [Fact]
    public void Envs_lists_the_gymnasium_ids()
    {
        var r = Run("envs");
        foreach (var id in new[] { "FrozenLake-v1", "CliffWalking-v1", "Taxi-v3", "CartPole-v1" }) Assert.Contains(id, r.Out);
    }

    [Fact]
    public void Agents_json_lists_q_learning_with_its_hyperparameters()
    {
        var r = Run("agents", "--json");
        Assert.Equal(0, r.ExitCode);
        var q = JsonDocument.Parse(r.Out).RootElement.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "q-learning");
        Assert.Contains(q.GetProperty("hyperparameters").EnumerateArray(), h => h.GetProperty("name").GetString() == "alpha");
    }

    [Fact]
    public void Agents_lists_the_board_game_players_and_their_settings_too()
    {
        var json = Run("agents", "--json");
        Assert.Equal(0, json.ExitCode);
        var all = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToArray();
        Assert.Equal("agent", all.Single(a => a.GetProperty("name").GetString() == "q-learning").GetProperty("kind").GetString());
        var alphazero = all.Single(a => a.GetProperty("name").GetString() == "alphazero");
        Assert.Equal("player", alphazero.GetProperty("kind").GetString());
        Assert.Contains(alphazero.GetProperty("hyperparameters").EnumerateArray(), h => h.GetProperty("name").GetString() == "parallel_games");

        var text = Run("agents").Out;
        Assert.Contains("Board-game players", text);
        Assert.True(text.IndexOf("Board-game players", StringComparison.Ordinal) < text.IndexOf("mcts:", StringComparison.Ordinal));
    }

    [Fact]
    public void Tabular_agent_on_CartPole_is_refused_with_the_factorys_reason()
    {
        using var tmp = new TempDirectory();
        var r = Run("train", "CartPole-v1", "--agent", "q-learning", "--out", tmp.File("run"));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("rlgym: agent q-learning cannot train on CartPole-v1: ", r.Error);
        Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Wrapped_CartPole_trains_a_tabular_agent_and_records_the_wrapper()
    {
        using var tmp = new TempDirectory();
        const string wrap = "discretize:bins=6,low=-2.4;-3;-0.21;-3.5,high=2.4;3;0.21;3.5";
        var r = Run("train", "CartPole-v1", "--agent", "q-learning", "--wrap", wrap, "--episodes", "20", "--out", tmp.File("run"));
        Assert.True(r.ExitCode == 0, r.Error);
        var config = Training.Runs.RunConfig.Load(tmp.File("run/config.json"));
        Assert.Equal([wrap], config.Wrappers);
        Assert.Equal(0, Run("eval", tmp.File("run"), "--episodes", "3").ExitCode);
    }

    [Fact]
    public void Unknown_experiment_exits_2_and_no_name_lists_them()
    {
        var r = Run("experiment", "no-such-experiment");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown experiment 'no-such-experiment'", r.Error);
        Assert.Equal(0, Run("experiment").ExitCode);
    }

    [Fact]
    public void Rollout_replays_box_actions_on_Pendulum_and_refuses_torques_out_of_range()
    {
        var r = Run("rollout", "Pendulum-v1", "--seed", "0", "--actions", "0.5,-1");
        Assert.True(r.ExitCode == 0, r.Error);
        var actions = r.Lines.Skip(1).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("action").GetRawText()).ToArray();
        Assert.Equal(["[0.5]", "[-1]"], actions);

        var refused = Run("rollout", "Pendulum-v1", "--actions", "0.5,3");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("numbers -2 to 2", refused.Error);
    }
}
