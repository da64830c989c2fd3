using System.Text;
using RlGym.Agents.Testing;
using RlGym.Core.Agents;
using RlGym.Core.Errors;

namespace RlGym.Agents.ValueBased.Tests;

/// <summary>
/// DQN on K environment copies, and exact resume: a run stopped at any step (one of them inside episodes, with m-step
/// windows pending), saved, loaded into a fresh agent made with another seed and continued ends with the same agent
/// file, byte for byte, as the run never stopped. The file carries the replay buffer, its priorities, every copy's
/// m-step window, Adam's state and the generator.
/// </summary>
public sealed class DqnResumeTests
{
    private static DqnOptions Small(PrioritizationKind prioritized, int n) => new()
    {
        HiddenSizes = [16], BufferSize = 300, BatchSize = 16, LearningStarts = 64, TrainFrequency = 4, GradientSteps = 2,
        TargetUpdateInterval = 50, TotalSteps = 1_000, Prioritized = prioritized, N = n, Double = n > 1,
        AlphaEndFraction = n > 1 ? 0.1 : 1,
    };

    public static TheoryData<PrioritizationKind, int, int, int> Cases
    {
        get
        {
            var data = new TheoryData<PrioritizationKind, int, int, int>();
            foreach (var (prioritized, n) in new[] { (PrioritizationKind.None, 1), (PrioritizationKind.Proportional, 3), (PrioritizationKind.Rank, 2) })
                foreach (int copies in new[] { 1, 3 })
                    foreach (int stopAt in new[] { 10, 97, 260 })
                        data.Add(prioritized, n, copies, stopAt);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_run_stopped_and_resumed_equals_the_uninterrupted_run(PrioritizationKind prioritized, int n, int copies, int stopAt)
    {
        var (whole, resumed, midEpisode) = Resume.Compare(
            seed => new DqnAgent(4, 2, Small(prioritized, n), seed), _ => Episodes.Make("CartPole-v1"), copies, steps: 350, stopAt, maxSteps: 60);
        if (stopAt == 97) Assert.True(midEpisode, "this stop should fall inside an episode");
        Assert.Equal(whole, resumed);
    }

    [Fact]
    public void Batch_act_at_one_copy_is_the_single_act()
    {
        var single = new DqnAgent(4, 2, Small(PrioritizationKind.None, 1) with { Epsilon = 0.5, EpsilonEnd = 0.5 }, 3);
        var batch = new DqnAgent(4, 2, Small(PrioritizationKind.None, 1) with { Epsilon = 0.5, EpsilonEnd = 0.5 }, 3);
        Span<int> action = stackalloc int[1];
        for (int t = 0; t < 200; t++)
        {
            float[] s = [t * 0.01f, -t * 0.02f, 0.1f, (t % 7) * 0.1f];
            batch.Act([s], action);
            Assert.Equal(single.Act(s, explore: true), action[0]);
        }
    }

    [Fact]
    public void Steps_and_training_count_the_environment_steps_of_all_copies()
    {
        var agent = new DqnAgent(4, 2, Small(PrioritizationKind.None, 1), 5);
        var loop = new VectorLoop<float[], int>(4, _ => Episodes.Make("CartPole-v1"), seed: 5);
        loop.Run(agent, 100);
        Assert.Equal(loop.Steps, agent.Steps);
        Assert.Equal(Math.Min(loop.Steps, 300), agent.Buffer.Count);
        // Every 4 environment steps past learning_starts, 2 gradient steps.
        Assert.Equal(2 * (loop.Steps / 4 - 64 / 4), agent.Updates);
    }

    [Fact]
    public void A_checkpoint_with_100k_cartpole_transitions_stays_under_10_mb()
    {
        // The fullest file: prioritized replay (a priority per transition) and 3-step windows pending.
        var options = new DqnOptions { BufferSize = 100_000, LearningStarts = 1_000_000, TotalSteps = 1_000_000, Prioritized = PrioritizationKind.Proportional, N = 3 };
        var agent = new DqnAgent(4, 2, options, 1);
        var loop = new VectorLoop<float[], int>(2, _ => Episodes.Make("CartPole-v1"), seed: 1);
        while (agent.Buffer.Count < 100_000) loop.Step(agent);
        var bytes = Resume.Bytes(agent);
        // Measured 5 681 893 bytes: 49 bytes per transition (float32 s and s′, action, reward, terminated, horizon)
        // plus an 8-byte priority, and the networks.
        Assert.InRange(bytes.Length, 100_000 * 49, 10_000_000);
        var loaded = new DqnAgent(4, 2, options, 2);
        loaded.Load(new MemoryStream(bytes));
        Assert.Equal(bytes, Resume.Bytes(loaded));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(2_000)]
    [InlineData(-30)]
    public void A_damaged_file_is_a_one_line_error(int cut)
    {
        var agent = new DqnAgent(4, 2, Small(PrioritizationKind.Rank, 2), 1);
        new VectorLoop<float[], int>(2, _ => Episodes.Make("CartPole-v1"), seed: 1).Run(agent, 150);
        var bytes = Resume.Bytes(agent);
        var damaged = bytes[..(cut > 0 ? cut : bytes.Length + cut)];
        var error = Assert.Throws<UserInputException>(() => new DqnAgent(4, 2, Small(PrioritizationKind.Rank, 2), 1).Load(new MemoryStream(damaged)));
        Assert.StartsWith("cannot load dqn: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Another_agents_file_is_refused_by_name()
    {
        var error = Assert.Throws<UserInputException>(() =>
            new DqnAgent(4, 2, Small(PrioritizationKind.None, 1), 1).Load(new MemoryStream(Resume.Bytes(new DqnAgent(4, 2, Small(PrioritizationKind.None, 1), 1, "double-dqn")))));
        Assert.Equal("cannot load dqn: the file holds a 'double-dqn' agent", error.Message);
        var text = Assert.Throws<UserInputException>(() => new DqnAgent(4, 2, Small(PrioritizationKind.None, 1), 1).Load(new MemoryStream(Encoding.UTF8.GetBytes("{\"format\": 1}"))));
        Assert.Equal("cannot load dqn: the file is not an RlGym network agent file", text.Message);
    }
}
