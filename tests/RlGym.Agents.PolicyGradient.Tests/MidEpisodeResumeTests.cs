using RlGym.Agents.Testing;
using RlGym.Core.Agents;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// A run over K CartPole copies stopped at one of three steps (the second inside episodes and, for A2C, inside a rollout),
/// saved, loaded into a fresh agent made with another seed and continued ends with the same agent file, byte for
/// byte, as the run never stopped: the file holds every copy's unfinished episode and A2C's unfinished rollout.
/// </summary>
public sealed class MidEpisodeResumeTests
{
    public static TheoryData<string, int, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int, int>();
            foreach (var name in PolicyGradientAgents.Factories.Select(f => f.Info.Name))
                foreach (int copies in new[] { 1, 3 })
                    foreach (int stopAt in new[] { 5, 77, 230 })
                        data.Add(name, copies, stopAt);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_run_stopped_and_resumed_equals_the_uninterrupted_run(string name, int copies, int stopAt)
    {
        var factory = PolicyGradientAgents.Factories.Single(f => f.Info.Name == name);
        var settings = new Dictionary<string, string> { ["hidden_sizes"] = "16" };
        var (whole, resumed, midEpisode) = Resume.Compare(
            seed => (IAgent<float[], int>)factory.Create(Solving.Make("CartPole-v1"), settings, seed),
            _ => Solving.Make("CartPole-v1"), copies, steps: 300, stopAt, maxSteps: 40);
        if (stopAt == 77) Assert.True(midEpisode, "this stop should fall inside an episode");
        Assert.Equal(whole, resumed);
    }
}
