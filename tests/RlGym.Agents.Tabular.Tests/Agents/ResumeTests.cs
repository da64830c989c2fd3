using RlGym.Agents.Tabular.Tests.Mdps;
using RlGym.Agents.Testing;
using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular.Tests.Agents;

/// <summary>
/// A run over K cliff copies stopped at a step, saved, loaded into a fresh agent and continued ends with the same
/// agent file, byte for byte, as the run that was never stopped: the file holds every copy's unfinished episode
/// (Sarsa's promised actions, n-step windows, Monte Carlo's episodes).
/// </summary>
public sealed class ResumeTests
{
    private static readonly Dictionary<string, string> Exploring = new() { ["epsilon"] = "0.3", ["alpha"] = "0.5" };

    public static TheoryData<string, int, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int, int>();
            foreach (var name in TabularAgents.Factories.Select(f => f.Info.Name))
                foreach (int copies in new[] { 1, 3 })
                    foreach (int stopAt in new[] { 1, 137, 451 })
                        data.Add(name, copies, stopAt);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_run_stopped_and_resumed_equals_the_uninterrupted_run(string name, int copies, int stopAt)
    {
        var (whole, resumed, midEpisode) = Resume.Compare(
            seed => AgentCatalog.Create(name, seed, Exploring), _ => TestMdps.CliffWalking(), copies, steps: 700, stopAt, maxSteps: 60);
        Assert.True(midEpisode, "the stop should fall inside an episode");
        Assert.Equal(whole, resumed);
    }

    [Fact]
    public void Monte_carlo_keeps_each_copys_episode_apart()
    {
        var agent = new MonteCarloAgent(5, 1, new MonteCarloOptions { Gamma = 1 });
        // Copy 0: s0 →(r 1) s1 →(r 2) end. Copy 1, interleaved: s2 →(r 10) s3 →(r 5) end.
        agent.Observe(new Transition<int, int>(0, 0, 1, 1, false, false, Copy: 0));
        agent.Observe(new Transition<int, int>(2, 0, 10, 3, false, false, Copy: 1));
        agent.Observe(new Transition<int, int>(1, 0, 2, 4, true, false, Copy: 0));
        Assert.Equal(3, agent.Q[0, 0], 12);
        Assert.Equal(2, agent.Q[1, 0], 12);
        Assert.Equal(0, agent.Q[2, 0]); // copy 1's episode is not over
        agent.Observe(new Transition<int, int>(3, 0, 5, 4, false, true, Copy: 1));
        Assert.Equal(15, agent.Q[2, 0], 12);
        Assert.Equal(5, agent.Q[3, 0], 12);
        Assert.Equal(2, agent.Episodes);
    }

    [Fact]
    public void Sarsa_owes_each_copy_the_action_it_drew_for_it()
    {
        var agent = new SarsaAgent(48, 4, new SarsaOptions { Epsilon = 1 }, seed: 4);
        Span<int> actions = stackalloc int[2];
        for (int t = 0; t < 50; t++)
        {
            int s0 = t % 47, s1 = (t * 7 + 3) % 47;
            agent.Act([s0, s1], actions);
            agent.Observe(new Transition<int, int>(s0, actions[0], -1, s0 + 1, false, false, Copy: 0));
            int owed0 = agent.PendingAction;
            agent.Observe(new Transition<int, int>(s1, actions[1], -1, s1 + 1, false, false, Copy: 1));
            Assert.Equal(owed0, agent.PendingAction); // copy 1's draw does not replace copy 0's
            var next = new int[2];
            agent.Act([s0 + 1, s1 + 1], next);
            Assert.Equal(owed0, next[0]);
        }
    }
}
