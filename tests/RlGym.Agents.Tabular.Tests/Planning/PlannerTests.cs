using RlGym.Agents.Tabular.Planning;
using RlGym.Agents.Tabular.Tests.Mdps;
using RlGym.Core.Errors;

namespace RlGym.Agents.Tabular.Tests.Planning;

public sealed class PlannerTests
{
    [Theory]
    [InlineData(0.9)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Value_iteration_on_a_deterministic_chain_gives_gamma_to_the_distance(double gamma)
    {
        var chain = TestMdps.Chain(length: 6);
        var plan = ValueIteration.Solve(chain, gamma);
        for (int s = 0; s < 6; s++)
        {
            Assert.Equal(Math.Pow(gamma, 5 - s), plan.Values[s], 12);
            // With γ = 1 dawdling costs nothing, so left ties with right and the lowest index wins.
            Assert.Equal(gamma < 1 ? 1 : 0, plan.Policy[s]);
            Assert.Equal(Math.Pow(gamma, 5 - s), plan.Q[s, 1], 12);
        }
        Assert.Equal(0, plan.Values[6]);
        Assert.Equal(0, plan.Q[6, 0]);
        Assert.Equal(0, plan.Q[6, 1]);
    }

    [Fact]
    public void Value_iteration_reports_left_as_worth_gamma_times_the_state_to_the_left()
    {
        var plan = ValueIteration.Solve(TestMdps.Chain(length: 6), 0.9);
        // Q(s, left) = γ V(s − 1), and at 0 the step left stays: γ V(0).
        Assert.Equal(0.9 * plan.Values[2], plan.Q[3, 0], 12);
        Assert.Equal(0.9 * plan.Values[0], plan.Q[0, 0], 12);
    }

    [Fact]
    public void Value_iteration_finds_the_cliff_edge_path_of_thirteen_steps()
    {
        var plan = ValueIteration.Solve(TestMdps.CliffWalking(), gamma: 1.0);
        Assert.Equal(-13, plan.Values[36], 9); // up, eleven rights, down
        Assert.Equal(0, plan.Policy[36]);
        for (int col = 0; col < 11; col++) Assert.Equal(1, plan.Policy[24 + col]);
        Assert.Equal(2, plan.Policy[35]);
    }

    [Fact]
    public void Ties_in_the_greedy_policy_go_to_the_lowest_action()
    {
        // Three actions that all step right along a chain: every action ties everywhere.
        var twins = new ModelEnv("Twins-v0", 5, 3, 0,
            (s, _) => [new RlGym.Core.Tabular.Outcome(1, s + 1, s + 1 == 4 ? 1 : 0, s + 1 == 4)], s => s == 4);
        Assert.All(ValueIteration.Solve(twins, 0.9).Policy, a => Assert.Equal(0, a));
        Assert.All(PolicyIteration.Solve(twins, 0.9).Policy, a => Assert.Equal(0, a));

        // From the cliff's top-left corner, right (1) and down (2) both reach the goal in 14 steps; up (0) is worse.
        var plan = ValueIteration.Solve(TestMdps.CliffWalking(), 1.0);
        Assert.Equal(plan.Q[0, 1], plan.Q[0, 2], 9);
        Assert.True(plan.Q[0, 0] < plan.Q[0, 1]);
        Assert.Equal(1, plan.Policy[0]);
    }

    public static TheoryData<string, double> Models => new()
    {
        { "chain", 0.9 }, { "slippery", 0.9 }, { "slippery", 0.99 }, { "cliff", 0.9 }, { "cliff", 0.999 }, { "cliff", 1.0 }, { "walk", 1.0 },
    };

    private static ModelEnv Model(string name) => name switch
    {
        "chain" => TestMdps.Chain(),
        "slippery" => TestMdps.SlipperyChain(),
        "cliff" => TestMdps.CliffWalking(),
        _ => TestMdps.RandomWalk(),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Policy_iteration_equals_value_iteration(string name, double gamma)
    {
        var model = Model(name);
        var vi = ValueIteration.Solve(model, gamma);
        var pi = PolicyIteration.Solve(model, gamma);
        Assert.Equal(vi.Policy, pi.Policy);
        for (int s = 0; s < model.StateCount; s++) Assert.Equal(vi.Values[s], pi.Values[s], 8);
        for (int i = 0; i < vi.Q.Values.Length; i++) Assert.Equal(vi.Q.Values[i], pi.Q.Values[i], 8);
    }

    [Fact]
    public void Policy_iteration_with_gamma_one_gets_past_a_first_policy_that_never_ends_the_episode()
    {
        // The first policy is "up" everywhere: on the cliff it never reaches the goal, and at −1 a step its values
        // fall forever when undiscounted. Improvement turns away from it before its evaluation would converge.
        var plan = PolicyIteration.Solve(TestMdps.CliffWalking(), 1.0);
        Assert.Equal(-13, plan.Values[36], 9);
        Assert.Equal(ValueIteration.Solve(TestMdps.CliffWalking(), 1.0).Policy, plan.Policy);
    }

    [Fact]
    public void Policy_iteration_says_why_it_cannot_settle_with_gamma_one_and_no_way_out()
    {
        var trap = new ModelEnv("Trap-v0", 3, 1, 0,
            (s, _) => [new RlGym.Core.Tabular.Outcome(1, Math.Max(0, s - 1), -1, false)], s => s == 2);
        var e = Assert.Throws<UserInputException>(() => PolicyIteration.Solve(trap, 1.0, sweepsPerEvaluation: 10, maxIterations: 100));
        Assert.Contains("gamma below 1", e.Message);
    }

    [Fact]
    public void Random_walk_values_are_the_textbook_ones()
    {
        var v = PolicyEvaluation.EvaluateUniform(TestMdps.RandomWalk());
        for (int s = 1; s <= 19; s++) Assert.Equal(s / 10.0 - 1, v[s], 9);
    }

    [Fact]
    public void A_plan_shows_its_action_values_like_an_agent()
    {
        var plan = ValueIteration.Solve(TestMdps.Chain(), 0.9);
        Span<double> q = stackalloc double[2];
        plan.ActionValues(3, q);
        Assert.Equal(2, plan.ActionCount);
        Assert.Equal(plan.Q[3, 0], q[0]);
        Assert.Equal(plan.Q[3, 1], q[1]);
    }

    [Theory]
    [InlineData(1.5, 1e-9)]
    [InlineData(-0.1, 1e-9)]
    [InlineData(0.9, 0.0)]
    public void Planners_refuse_a_bad_gamma_or_tolerance(double gamma, double tolerance)
    {
        var e = Assert.Throws<UserInputException>(() => ValueIteration.Solve(TestMdps.Chain(), gamma, tolerance));
        Assert.Contains("out of range", e.Message);
        Assert.Throws<UserInputException>(() => PolicyIteration.Solve(TestMdps.Chain(), gamma, tolerance));
    }

    [Fact]
    public void Value_iteration_says_why_it_cannot_converge_with_gamma_one_and_no_way_out()
    {
        // Every step costs and the goal cannot be reached (moving away from it only): values fall without bound.
        var trap = new ModelEnv("Trap-v0", 3, 1, 0,
            (s, _) => [new RlGym.Core.Tabular.Outcome(1, Math.Max(0, s - 1), -1, false)], s => s == 2);
        var e = Assert.Throws<UserInputException>(() => ValueIteration.Solve(trap, 1.0, maxSweeps: 1000));
        Assert.Contains("gamma below 1", e.Message);
    }

    [Fact]
    public void The_planner_finds_the_model_beneath_wrappers_and_refuses_an_environment_without_one()
    {
        var wrapped = new RlGym.Core.Wrappers.TimeLimit<int, int>(TestMdps.Chain(), 50);
        var plan = Planner.Solve(Planner.ModelOf(wrapped), PlanMethod.PolicyIteration, 0.9);
        Assert.Equal(Math.Pow(0.9, 4), plan.Values[0], 12);

        var cartPole = new Registration.SpaceEnv<float[], int>("CartPole-v1", new RlGym.Core.Spaces.Box(-1, 1, 4), new RlGym.Core.Spaces.Discrete(2));
        var e = Assert.Throws<UserInputException>(() => Planner.ModelOf(cartPole));
        Assert.StartsWith("CartPole-v1 has no tabular model to plan on", e.Message);
    }
}
