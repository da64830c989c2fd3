using System.Text.Json;
using RlGym.Core.Errors;
using RlGym.Rendering.Raylib;

namespace RlGym.Cli.Tests;

/// <summary><c>rlgym play GAME --against PLAYER</c> and <c>rlgym watch GAME --players A,B</c> (or a self-play run).</summary>
[Collection(nameof(RaylibWindowCollection))]
public sealed class PlayAndGameWatchCommandTests
{
    private static CliRun.Result Ok(params string[] args)
    {
        var r = CliRun.Run(args);
        Assert.True(r.ExitCode == 0, $"rlgym {string.Join(' ', args)} exited {r.ExitCode}: {r.Error}");
        return r;
    }

    [Fact]
    public void A_recorded_game_replay_shows_every_move_and_plays_the_arenas_games()
    {
        using var tmp = new TempDirectory();
        string frames = tmp.File("frames");
        var r = Ok("watch", "TicTacToe-v0", "--players", "mcts:simulations=50,random", "--games", "2", "--seed", "3", "--no-window", "--record", frames);
        // Each game: a frame per move (5 to 9) and its result held for three frames; then the final score.
        Assert.InRange(Directory.GetFiles(frames, "frame_*.png").Length, 2 * (5 + 3) + 1, 2 * (9 + 3) + 1);
        var arena = JsonDocument.Parse(Ok("arena", "TicTacToe-v0", "--players", "mcts:simulations=50,random", "--games", "2", "--seed", "3", "--swap", "--json").Out).RootElement;
        var wins = arena.GetProperty("wins").EnumerateArray().Select(w => w.GetInt32()).ToArray();
        int draws = arena.GetProperty("draws").GetInt32();
        Assert.Contains($"replayed 2 games of TicTacToe-v0: mcts:simulations=50 {wins[0]}, random {wins[1]}, {draws} {(draws == 1 ? "draw" : "draws")}, seed 3", r.Error);
    }

    [Fact]
    public void Watching_a_self_play_run_replays_its_learner_against_itself()
    {
        using var tmp = new TempDirectory();
        string run = tmp.File("az"), frames = tmp.File("frames");
        Ok("train", "TicTacToe-v0", "--agent", "alphazero", "--episodes", "2", "--seed", "5", "--out", run,
            "--set", "simulations=8", "--set", "hidden_sizes=16", "--set", "batch_size=8");
        var r = Ok("watch", run, "--games", "1", "--no-window", "--record", frames);
        Assert.Contains("replayed 1 game of TicTacToe-v0:", r.Error);
        Assert.Contains("#1", r.Error);
        Assert.NotEmpty(Directory.GetFiles(frames, "frame_*.png"));
    }

    [Theory]
    [InlineData("play CartPole-v1 --against minimax", "not a two-player board game")]
    [InlineData("play TicTacToe-v0 --against minimax --first nobody", "--first nobody")]
    [InlineData("play TicTacToe-v0 --against mcts,minimax", "one opponent")]
    [InlineData("play TicTacToe-v0 --against nosuch", "unknown player 'nosuch'")]
    [InlineData("play TicTacToe-v0 --against mcts:simulations=0", "simulations")]
    [InlineData("watch TicTacToe-v0 --players mcts,minimax,random --no-window --record FRAMES", "exactly two")]
    [InlineData("watch CartPole-v1 --players mcts,minimax --no-window --record FRAMES", "not a two-player board game")]
    public void Mistakes_get_one_line_and_exit_2(string line, string expected)
    {
        using var tmp = new TempDirectory();
        var args = line.Replace("FRAMES", tmp.File("frames"), StringComparison.Ordinal).Split(' ');
        var error = StderrAssert.OneErrorLine(CliRun.Run(args));
        Assert.Contains(expected, error);
        Assert.False(Directory.Exists(tmp.File("frames")), "a refused replay recorded frames");
    }

    [Fact]
    public void Play_without_raylib_or_a_display_exits_2_naming_what_is_missing()
    {
        try
        {
            RaylibWindow.EnsureCanOpen();
            return; // A window can open here; the refusal cannot be observed.
        }
        catch (UserInputException) { }
        var line = StderrAssert.OneErrorLine(CliRun.Run("play", "TicTacToe-v0", "--against", "minimax"));
        Assert.True(line.Contains("raylib") || line.Contains("DISPLAY"), line);
        Assert.DoesNotContain("--record", line); // a game against a person has nothing to record instead
    }

    [RaylibFact]
    public async Task Play_opens_the_window_and_ctrl_c_closes_it_with_the_score()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var r = await CliRun.RunAsync(["play", "TicTacToe-v0", "--against", "minimax", "--first", "opponent"], stop.Token);
        Assert.True(r.ExitCode == 130, r.Error);
        Assert.Contains("TicTacToe-v0: you 0, minimax 0, 0 draws", r.Error);
    }
}
