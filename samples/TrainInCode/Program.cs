// Trains an agent from C# without the rlgym tool: an environment by id, an agent with typed options, a trainer with
// an observer, a greedy evaluation, and the agent saved to a file and loaded back. Exit code 0 when the loaded agent
// solves FrozenLake and acts exactly as the one that was saved.
using RlGym.Agents.Tabular;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Envs.ToyText;
using RlGym.Training;
using RlGym.Training.Evaluation;
using RlGym.Training.Metrics;

const long seed = 0;

// 1. Environments by id: a registry holds the packages' specs (add your own IEnvPackage the same way). The
//    registry wraps the environment in its time limit (100 steps for FrozenLake).
var registry = new EnvRegistry().Add(new ToyTextEnvironments());
using var env = registry.Make<int, int>("FrozenLake-v1");
int states = ((Discrete)env.ObservationSpace).N, actions = ((Discrete)env.ActionSpace).N;
Console.WriteLine($"FrozenLake-v1: {states} states, {actions} actions, solved at a mean return of {env.Spec!.RewardThreshold}");

// 2. An agent built with typed options: α = 0.05 and ε falling linearly from 1 to 0 over 100,000 steps.
var options = new QLearningOptions
{
    Alpha = 0.05,
    Epsilon = 1,
    EpsilonSchedule = EpsilonDecay.Linear,
    EpsilonEnd = 0,
    EpsilonDecaySteps = 100_000,
};
var agent = new QLearningAgent(states, actions, options, Seeds.Agent(seed));

// 3. Train for 200,000 steps; the observer sees every episode. No run directory: everything stays in memory.
var progress = new ReturnsEvery(episodes: 2_000);
var result = Trainer.Create(env, agent, new TrainerOptions { Seed = seed, Steps = 200_000, Observers = [progress] }).Run();
Console.WriteLine($"trained: {result.Episodes} episodes, {result.TotalSteps} steps in {result.WallSeconds:0.0} s");

// 4. Evaluate greedily on a separate environment, so evaluation never draws from the training stream.
using var evaluationEnv = registry.Make<int, int>("FrozenLake-v1");
var evaluation = Evaluator.Run(evaluationEnv, agent, episodes: 1_000, seed: Seeds.Evaluation(seed));
Console.WriteLine($"greedy evaluation: mean return {evaluation.Mean:0.000} over {evaluation.Episodes} episodes; solved: {evaluation.Solved}");

// 5. Save the agent to a file and load it into a fresh agent: it acts exactly as the saved one.
string path = Path.Combine(Path.GetTempPath(), "rlgym-sample-frozenlake-q-learning.json");
using (var file = File.Create(path)) agent.Save(file);
var loaded = new QLearningAgent(states, actions, new QLearningOptions(), seed: 12345);
using (var file = File.OpenRead(path)) loaded.Load(file);
var again = Evaluator.Run(evaluationEnv, loaded, episodes: 1_000, seed: Seeds.Evaluation(seed));
bool same = again.Returns.SequenceEqual(evaluation.Returns);
Console.WriteLine($"saved to {path} and loaded: mean return {again.Mean:0.000}; same episodes as before saving: {same}");
File.Delete(path);

return evaluation.Solved == true && same ? 0 : 1;

/// <summary>Prints the mean return of every block of episodes, as a progress display would.</summary>
sealed class ReturnsEvery(int episodes) : ITrainingObserver
{
    private double _sum;

    public void OnEpisode(EpisodeMetrics metrics)
    {
        _sum += metrics.Return;
        if ((metrics.Episode + 1) % episodes != 0) return;
        Console.WriteLine($"  episodes {metrics.Episode + 1 - episodes,5}-{metrics.Episode,5}: mean return {_sum / episodes:0.000}, ε {metrics.ExplorationRate:0.00}");
        _sum = 0;
    }
}
