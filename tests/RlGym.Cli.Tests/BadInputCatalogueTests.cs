namespace RlGym.Cli.Tests;

/// <summary>
/// Over a hundred mistakes a user can make, each run through the real command line: every one must exit 2 with
/// exactly one line on stderr (nothing on stdout), no CLR type name or exception in the text, and leave every file
/// under the test's folder (finished runs, configuration files) exactly as it was, creating nothing.
/// </summary>
public sealed class BadInputCatalogueTests : IClassFixture<BadInputCatalogueTests.Runs>
{
    /// <summary>Finished runs and files that the bad inputs point at, made once for the whole catalogue.</summary>
    public sealed class Runs : IDisposable
    {
        private readonly TempDirectory _tmp = new();

        public Runs()
        {
            Root = _tmp.Path;
            Train("run", "Corridor-v0", "--agent", "test-q", "--episodes", "10");
            Train("fl", "FrozenLake-v1", "--agent", "q-learning", "--episodes", "20");
            Train("dqn", "CartPole-v1", "--agent", "dqn", "--steps", "200");
            Train("reinforce", "CartPole-v1", "--agent", "reinforce", "--episodes", "2");
            Train("a2c", "CartPole-v1", "--agent", "a2c", "--steps", "64");
            // Damaged agent files of every format: cut in half, emptied, overwritten with other bytes.
            foreach (var name in new[] { "fl", "dqn", "reinforce", "a2c" })
            {
                var bytes = File.ReadAllBytes(Path.Combine(Root, name, "agent.bin"));
                Copy(name, $"{name}-cut", bytes[..(bytes.Length / 2)]);
                Copy(name, $"{name}-empty", []);
                Copy(name, $"{name}-garbage", [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 37 + 11))]);
            }
            Copy("dqn", "dqn-as-fl", File.ReadAllBytes(Path.Combine(Root, "fl", "agent.bin")));
            Copy("fl", "fl-as-dqn", File.ReadAllBytes(Path.Combine(Root, "dqn", "agent.bin")));
            Write("truncated.json", """{"env": "FrozenLake-v1", "agent": "q-learning", "episo""");
            Write("empty.json", "");
            Write("blank.json", "  \n ");
            Write("array.json", """[{"env": "FrozenLake-v1"}]""");
            Write("string.json", "\"FrozenLake-v1\"");
            Write("null.json", "null");
            Write("number.json", "42");
            Write("unknown-key.json", """{"env": "FrozenLake-v1", "agent": "q-learning", "episodez": 3}""");
            Write("wrong-kind.json", """{"env": "FrozenLake-v1", "agent": "q-learning", "episodes": "many"}""");
            Write("negative.json", """{"env": "FrozenLake-v1", "agent": "q-learning", "episodes": -4}""");
            Write("unknown-env.json", """{"env": "FrozenLak-v1", "agent": "q-learning", "episodes": 3}""");
            Write("bad-setting.json", """{"env": "CartPole-v1", "agent": "a2c", "steps": 64, "settings": {"hidden_sizes": "0"}}""");
            Write("settings-list.json", """{"env": "FrozenLake-v1", "agent": "q-learning", "episodes": 3, "settings": [1, 2]}""");
            Write("seed-text.json", """{"env": "FrozenLake-v1", "agent": "q-learning", "episodes": 3, "seed": "zero"}""");
            Write("unreachable.txt", "S#.\n##.\n..G\n");
            Write("bad-char.txt", "S.X\n..G\n");
        }

        public string Root { get; }

        private void Train(string name, params string[] args)
        {
            var r = CliRun.Run(["train", .. args, "--out", Path.Combine(Root, name)]);
            Assert.True(r.ExitCode == 0, $"setting up {name}: {r.Error}");
        }

        private void Copy(string from, string to, byte[] agent)
        {
            Directory.CreateDirectory(Path.Combine(Root, to));
            File.Copy(Path.Combine(Root, from, "config.json"), Path.Combine(Root, to, "config.json"));
            File.WriteAllBytes(Path.Combine(Root, to, "agent.bin"), agent);
        }

        private void Write(string name, string text) => File.WriteAllText(Path.Combine(Root, name), text);

        public void Dispose() => _tmp.Dispose();
    }

    private readonly Runs _runs;

    public BadInputCatalogueTests(Runs runs) => _runs = runs;

    /// <summary>The catalogue: {root} is the folder of the fixture's runs and files; {new} a path that must stay absent.</summary>
    public static TheoryData<string> Catalogue()
    {
        string[] lines =
        [
            // Budgets, seeds and counts the parser reads.
            "train --episodes 99999999999 --out {new}",
            "train --episodes NaN --out {new}",
            "train --episodes -5 --out {new}",
            "train --episodes 0 --out {new}",
            "train --episodes 1e3 --out {new}",
            "train --steps NaN --out {new}",
            "train --steps 0 --out {new}",
            "train --steps -1 --out {new}",
            "train --steps 99999999999999999999 --out {new}",
            "train --seed NaN --out {new}",
            "train --seed 1.5 --out {new}",
            "train --seed 99999999999999999999 --out {new}",
            "train --episodes 10 --steps 10 --out {new}",
            "train --episodes --out {new}",
            "train --max-steps 0 --out {new}",
            "train --max-steps NaN --out {new}",
            "train --eval-every -1 --out {new}",
            "train --checkpoint-every -1 --out {new}",
            "train --no-such-flag --out {new}",
            // Environments, agents and the spaces between them.
            "train Nope-v0 --out {new}",
            "train FrozenLake-v1 --agent nope --out {new}",
            "train CartPole-v1 --agent q-learning --out {new}",
            "train CartPole-v1 --agent sarsa --out {new}",
            "train FrozenLake-v1 --agent dqn --out {new}",
            "train FrozenLake-v1 --agent a2c --out {new}",
            "train FrozenLake-v1 --agent reinforce --out {new}",
            "train Pendulum-v1 --agent dqn --out {new}",
            "train Pendulum-v1 --agent actor-critic --out {new}",
            "train Pendulum-v1 --agent q-learning --out {new}",
            // Settings.
            "train FrozenLake-v1 --episodes 3 --set alpha=7 --out {new}",
            "train FrozenLake-v1 --episodes 3 --set alpha=-1 --out {new}",
            "train FrozenLake-v1 --episodes 3 --set alpha=x --out {new}",
            "train FrozenLake-v1 --episodes 3 --set alpha=NaN --out {new}",
            "train FrozenLake-v1 --episodes 3 --set alpha --out {new}",
            "train FrozenLake-v1 --episodes 3 --set =3 --out {new}",
            "train FrozenLake-v1 --episodes 3 --set nope=1 --out {new}",
            "train FrozenLake-v1 --episodes 3 --set gamma=2 --out {new}",
            "train FrozenLake-v1 --episodes 3 --set epsilon=NaN --out {new}",
            "train FrozenLake-v1 --episodes 3 --set epsilon_schedule=sometimes --out {new}",
            "train FrozenLake-v1 --episodes 3 --set epsilon_decay_steps=0 --out {new}",
            "train FrozenLake-v1 --episodes 3 --set temperature=0 --out {new}",
            "train FrozenLake-v1 --episodes 3 --set exploration=greedy --out {new}",
            "train FrozenLake-v1 --agent n-step-sarsa --episodes 3 --set n=0 --out {new}",
            "train FrozenLake-v1 --agent monte-carlo --episodes 3 --set sample_average=maybe --out {new}",
            "train CartPole-v1 --agent a2c --steps 64 --set hidden_sizes=0 --out {new}",
            "train CartPole-v1 --agent a2c --steps 64 --set hidden_sizes=-3 --out {new}",
            "train CartPole-v1 --agent a2c --steps 64 --set hidden_sizes=64,x --out {new}",
            "train CartPole-v1 --agent a2c --steps 64 --set hidden_sizes=64,,64 --out {new}",
            "train CartPole-v1 --agent a2c --steps 64 --set hidden_sizes=, --out {new}",
            "train CartPole-v1 --agent reinforce --episodes 2 --set hidden_sizes=0 --out {new}",
            "train CartPole-v1 --agent dqn --steps 64 --set hidden_sizes=0 --out {new}",
            "train CartPole-v1 --agent dqn --steps 64 --set hidden_sizes=99999999999 --out {new}",
            "train CartPole-v1 --agent dqn --steps 64 --set alpha=2 --out {new}",
            "train CartPole-v1 --agent dqn --steps 64 --set buffer_size=0 --out {new}",
            "train CartPole-v1 --agent a2c --steps 64 --set beta=5 --out {new}",
            "train CartPole-v1 --agent a2c --steps 64 --set activation=sigmoid --out {new}",
            // Environment options and maps.
            "train FrozenLake-v1 --episodes 3 -o is_slippery=maybe --out {new}",
            "train FrozenLake-v1 --episodes 3 -o map_name=5x5 --out {new}",
            "train FrozenLake-v1 --episodes 3 -o desc=SHF/HHF/FFG --out {new}",
            "train FrozenLake-v1 --episodes 3 -o desc=SH/HG --out {new}",
            "train FrozenLake-v1 --episodes 3 -o desc=SFFX --out {new}",
            "train FrozenLake-v1 --episodes 3 -o desc=FFFG --out {new}",
            "train FrozenLake-v1 --episodes 3 -o desc=SFFF --out {new}",
            "train FrozenLake-v1 --episodes 3 -o desc=SFG/SFG --out {new}",
            "train FrozenLake-v1 --episodes 3 -o desc=SF/FFG --out {new}",
            "train FrozenLake-v1 --episodes 3 -o nope=1 --out {new}",
            "train FrozenLake-v1 --episodes 3 -o success_rate=2 --out {new}",
            "train FrozenLake-v1 --episodes 3 -o reward_schedule=1,0 --out {new}",
            "train FrozenLake-v1 --episodes 3 -o is_slippery --out {new}",
            "train GridWorld-v0 --episodes 3 -o map=S#G --out {new}",
            "train GridWorld-v0 --episodes 3 -o map=SPG --out {new}",
            "train GridWorld-v0 --episodes 3 -o map_file={root}/unreachable.txt --out {new}",
            "train GridWorld-v0 --episodes 3 -o map_file={root}/bad-char.txt --out {new}",
            "train GridWorld-v0 --episodes 3 -o map_file={root}/no-such-map.txt --out {new}",
            "train GridWorld-v0 --episodes 3 -o map_name=nope --out {new}",
            "train GridWorld-v0 --episodes 3 -o map=S.G -o map_name=bridge --out {new}",
            "train GridWorld-v0 --episodes 3 -o slip=2 --out {new}",
            "train GridWorld-v0 --episodes 3 -o map=S.G -o wind=1,2 --out {new}",
            "train CliffWalking-v1 --episodes 3 -o is_slippery=often --out {new}",
            // Wrappers.
            "train FrozenLake-v1 --episodes 3 --wrap nope --out {new}",
            "train CartPole-v1 --agent q-learning --wrap discretize --out {new}",
            "train CartPole-v1 --agent q-learning --wrap discretize:bins=0 --out {new}",
            "train CartPole-v1 --agent a2c --steps 64 --wrap one-hot --out {new}",
            "train FrozenLake-v1 --episodes 3 --wrap time-limit:max_episode_steps=0 --out {new}",
            "train FrozenLake-v1 --episodes 3 --wrap scale-reward:scale=x --out {new}",
            // Configuration files.
            "train --config {root}/no-such.json --out {new}",
            "train --config {root}/truncated.json --out {new}",
            "train --config {root}/empty.json --out {new}",
            "train --config {root}/blank.json --out {new}",
            "train --config {root}/array.json --out {new}",
            "train --config {root}/string.json --out {new}",
            "train --config {root}/null.json --out {new}",
            "train --config {root}/number.json --out {new}",
            "train --config {root}/unknown-key.json --out {new}",
            "train --config {root}/wrong-kind.json --out {new}",
            "train --config {root}/negative.json --out {new}",
            "train --config {root}/unknown-env.json --out {new}",
            "train --config {root}/bad-setting.json --out {new}",
            "train --config {root}/settings-list.json --out {new}",
            "train --config {root}/seed-text.json --out {new}",
            "train --config {root}/fl/config.json --resume {root}/fl",
            // Run directories: occupied, resumed wrongly.
            "train Corridor-v0 --agent test-q --episodes 3 --out {root}/run",
            "train --resume {root}/no-such-run",
            "train --resume {root}/run --seed 3",
            "train --resume {root}/run --set alpha=0.2",
            "train --resume {root}/run --wrap one-hot",
            "train --resume {root}/run --out {new}",
            "train --resume {root}/run --agent q-learning",
            "train --resume {root}/run FrozenLake-v1",
            "train --record {root}/video.avi --episodes 3 --out {new}",
            "train --mosaic 2 --episodes 3 --out {new}",
            "train --mosaic 0 --record {root}/frames --episodes 3 --out {new}",
            "train --mosaic 17 --record {root}/frames --episodes 3 --out {new}",
            "train --mosaic two --record {root}/frames --episodes 3 --out {new}",
            "train FrozenLake-v1 --agent q-learning --episodes 3 --mosaic 4 --record {root}/frames --out {new}",
            "train CartPole-v1 --agent a2c --steps 64 --envs 2 --mosaic 3 --record {root}/frames --out {new}",
            "train TicTacToe-v0 --agent alphazero --episodes 3 --mosaic 2 --record {root}/frames --out {new}",
            "train --plugin {root}/no-such.dll --out {new}",
            // Saved agents: missing, damaged, of another agent.
            "eval {root}/no-such-run",
            "eval {root}",
            "eval {root}/run --episodes 0",
            "eval {root}/run --episodes NaN",
            "eval {root}/run --episodes 99999999999",
            "eval {root}/run --seed NaN",
            "eval {root}/run --record {root}/video.avi",
            "eval {root}/fl-cut",
            "eval {root}/fl-empty",
            "eval {root}/fl-garbage",
            "eval {root}/fl-as-dqn",
            "eval {root}/dqn-cut",
            "eval {root}/dqn-empty",
            "eval {root}/dqn-garbage",
            "eval {root}/dqn-as-fl",
            "eval {root}/reinforce-cut",
            "eval {root}/reinforce-empty",
            "eval {root}/reinforce-garbage",
            "eval {root}/a2c-cut",
            "eval {root}/a2c-empty",
            "eval {root}/a2c-garbage",
            "render --agent {root}/dqn-cut --out {new}.png",
            "render --agent {root}/fl-garbage --out {new}.png",
            // Rollouts.
            "rollout Nope-v0",
            "rollout FrozenLake-v1 --episodes 0",
            "rollout FrozenLake-v1 --episodes NaN",
            "rollout FrozenLake-v1 --actions 9",
            "rollout FrozenLake-v1 --actions x",
            "rollout FrozenLake-v1 --policy greedy",
            "rollout FrozenLake-v1 --actions 0 --policy random",
            "rollout FrozenLake-v1 --max-steps 0",
            "rollout FrozenLake-v1 --seed NaN",
            "rollout CartPole-v1 --actions 0.5",
            "rollout FrozenLake-v1 -o desc=SH/HG",
            // Rendering.
            "render FrozenLake-v1 --out {new}.bmp",
            "render FrozenLake-v1 --out {new}.jpg",
            "render --out {new}.png",
            "render FrozenLake-v1 --steps -1 --out {new}.png",
            "render --agent {root}/no-such-run --out {new}.png",
            "render CartPole-v1 --agent {root}/run --out {new}.png",
            "render --agent {root}/run -o length=3 --out {new}.png",
            // Planning, comparing, checking, experiments.
            "plan CartPole-v1",
            "plan FrozenLake-v1 --gamma 2",
            "plan FrozenLake-v1 --gamma NaN",
            "plan FrozenLake-v1 --method nope",
            "compare FrozenLake-v1 --agents nope --out {new}",
            "compare FrozenLake-v1 --agents q-learning --seeds 0 --out {new}",
            "compare FrozenLake-v1 --agents q-learning --episodes NaN --out {new}",
            "check Nope-v0",
            // Board games.
            "arena ConnectFour-v0 --players mcts,random --openings -1",
            "arena ConnectFour-v0 --players mcts,random --openings 21",
            "arena ConnectFour-v0 --players mcts,random --openings NaN",
            "arena ConnectFour-v0 --players mcts,random --games 0",
            "arena FrozenLake-v1 --players mcts,random",
            "experiment nope",
            "envs --no-such-flag",
            "no-such-command",
        ];
        var data = new TheoryData<string>();
        foreach (var line in lines) data.Add(line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Bad_input_exits_2_with_one_plain_line_and_changes_nothing(string line)
    {
        string fresh = Path.Combine(_runs.Root, "fresh-" + Guid.NewGuid().ToString("N")[..8]);
        var args = line.Split(' ').Select(a => a.Replace("{root}", _runs.Root).Replace("{new}", fresh)).ToArray();
        var before = Snapshot(_runs.Root);

        var r = CliRun.Run(args);

        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Error}");
        Assert.True(lines.Length == 1, $"{lines.Length} lines: {r.Error}");
        Assert.StartsWith("rlgym: ", lines[0]);
        Assert.Equal("", r.Out);
        Assert.DoesNotContain("System.", r.Error);
        Assert.DoesNotContain("Exception", r.Error);
        Assert.Equal(before, Snapshot(_runs.Root));
    }

    // Every file and folder under the root, with the files' bytes, so that any change, addition or removal shows.
    private static SortedDictionary<string, string> Snapshot(string root)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in Directory.GetDirectories(root, "*", SearchOption.AllDirectories)) all[d] = "dir";
        foreach (var f in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
            all[f] = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)));
        return all;
    }
}
