using RlGym.Agents.Tabular;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Envs.ToyText;
using RlGym.Training.Evaluation;
using RlGym.Training.Runs;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

/// <summary>The trainer with the project's real environments and agents, made through the registries as the CLI makes them.</summary>
public sealed class RegistryIntegrationTests
{
    private static readonly EnvRegistry Envs = new EnvRegistry().Add(new ToyTextEnvironments());
    private static readonly AgentRegistry Agents = new AgentRegistry().Add(new TabularAgents());

    private static (IEnv Env, IAgent Agent) Make(string envId, string agent, long seed, Dictionary<string, string>? settings = null)
    {
        var env = Envs.Make(envId);
        return (env, Agents.Get(agent).Create(env, settings ?? [], Seeds.Agent(seed)));
    }

    private static TrainingResult Train(string dir, string envId, string agentName, long seed, int episodes, bool resume = false)
    {
        var (env, agent) = Make(envId, agentName, seed);
        using (env)
        {
            var options = new TrainerOptions
            {
                Seed = seed, Episodes = episodes, EvalEvery = 50, EvalEpisodes = 20, EvaluationEnv = () => Envs.Make(envId),
                CheckpointEvery = 40, Directory = new RunDirectory(dir), Resume = resume, WriteLearningCurve = false,
            };
            return Trainer.Create(env, agent, options).Run();
        }
    }

    [Theory]
    [InlineData("FrozenLake-v1", "q-learning", 0)]
    [InlineData("FrozenLake-v1", "sarsa", 1)]
    [InlineData("FrozenLake-v1", "monte-carlo", 2)]
    [InlineData("Taxi-v3", "expected-sarsa", 3)]
    [InlineData("Taxi-v3", "n-step-sarsa", 4)]
    public void Real_agents_stopped_and_resumed_match_the_uninterrupted_run(string envId, string agent, long seed)
    {
        if (!Agents.Factories.Any(f => f.Info.Name == agent)) Assert.Fail($"agent {agent} is not registered; known: {string.Join(", ", Agents.Factories.Select(f => f.Info.Name))}");
        using var whole = new TempDirectory();
        using var split = new TempDirectory();
        Train(whole.Path, envId, agent, seed, 200);
        Train(split.Path, envId, agent, seed, 90);
        var resumed = Train(split.Path, envId, agent, seed, 200, resume: true);
        Assert.Equal(90, resumed.ResumedFromEpisode); // the end-of-run checkpoint, not the periodic one at 80
        Assert.Equal(MetricsFile.WithoutWallTime(Path.Combine(whole.Path, "metrics.csv")), MetricsFile.WithoutWallTime(Path.Combine(split.Path, "metrics.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.Path, "agent.bin")), File.ReadAllBytes(Path.Combine(split.Path, "agent.bin")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Q_learning_solves_the_deterministic_frozen_lake_through_the_trainer(long seed)
    {
        // Non-slippery FrozenLake 4x4: the shortest path is 6 steps and the optimal success rate is 1 (Gymnasium's map).
        var env = Envs.Make("FrozenLake-v1", new EnvOptions(new Dictionary<string, string> { ["is_slippery"] = "false" }));
        var agent = Agents.Get("q-learning").Create(env, new Dictionary<string, string> { ["alpha"] = "0.5", ["epsilon"] = "0.2" }, Seeds.Agent(seed));
        Trainer.Create(env, agent, new TrainerOptions { Seed = seed, Episodes = 600 }).Run();
        var eval = Evaluator.Run(env, agent, 20, seed: 100 + seed);
        Assert.Equal(1.0, eval.SuccessRate);
        Assert.All(eval.Returns, r => Assert.Equal(1.0, r));
    }
}
