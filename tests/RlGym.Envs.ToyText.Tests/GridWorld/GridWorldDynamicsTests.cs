using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.GridWorld;
using RlGym.Envs.ToyText.Tests.Support;

namespace RlGym.Envs.ToyText.Tests.GridWorld;

public sealed class GridWorldDynamicsTests
{
    private const int Up = 0, Right = 1, Down = 2, Left = 3;

    private static GridWorldEnv Make(params string[] options) => GridWorldEnv.FromOptions(ToyTextRegistry.Options(options));

    [Fact]
    public void Walls_and_edges_keep_the_agent_in_place()
    {
        var env = Make("map=S#G/...");
        env.Reset(0);
        Assert.Equal(0, env.Step(Right).Observation);
        Assert.Equal(0, env.Step(Up).Observation);
        Assert.Equal(0, env.Step(Left).Observation);
        Assert.Equal(3, env.Step(Down).Observation);
    }

    [Fact]
    public void Goal_pays_goal_reward_and_terminates()
    {
        var env = Make("map=S.G", "goal_reward=5");
        env.Reset(0);
        Assert.Equal((1, 0.0, false), Result(env.Step(Right)));
        Assert.Equal((2, 5.0, true), Result(env.Step(Right)));
    }

    [Fact]
    public void Pit_pays_pit_reward_and_terminates()
    {
        var env = Make("map=SPG/...", "pit_reward=-3");
        env.Reset(0);
        Assert.Equal((1, -3.0, true), Result(env.Step(Right)));
    }

    [Fact]
    public void Step_cost_is_added_to_every_step()
    {
        var env = Make("map=S.G", "step_cost=-0.5");
        env.Reset(0);
        Assert.Equal(-0.5, env.Step(Right).Reward);
        Assert.Equal(0.5, env.Step(Right).Reward);
    }

    [Fact]
    public void Digit_goals_pay_their_digit()
    {
        var env = Make("map=1S9");
        env.Reset(0);
        Assert.Equal((0, 1.0, true), Result(env.Step(Left)));
        env.Reset(0);
        Assert.Equal((2, 9.0, true), Result(env.Step(Right)));
    }

    [Fact]
    public void Slip_sends_the_agent_sideways_with_half_the_slip_probability_each_way()
    {
        var env = Make("map=.../.S./..G", "slip=0.2");
        var outcomes = env.Outcomes(4, Up);
        Assert.Equal([(0.1, 3), (0.8, 1), (0.1, 5)], outcomes.Select(o => (Math.Round(o.Probability, 12), o.NextState)));
    }

    [Fact]
    public void Wind_pushes_up_by_the_strength_of_the_column_moved_from_and_stops_at_walls()
    {
        var env = Make("map=..#./..../..../S..G", "wind=0,2,2,0");
        // From (3,1) moving right: to (3,2), then pushed up 2 by column 1 to (1,2).
        Assert.Equal(1 * 4 + 2, env.Outcomes(3 * 4 + 1, Right)[0].NextState);
        // From (2,2) moving up: to (1,2), then the wall at (0,2) stops the push.
        Assert.Equal(1 * 4 + 2, env.Outcomes(2 * 4 + 2, Up)[0].NextState);
        // Column 0 has no wind.
        Assert.Equal(3 * 4 + 1, env.Outcomes(3 * 4 + 0, Right)[0].NextState);
    }

    [Fact]
    public void Wind_needs_one_number_per_column()
    {
        var e = Assert.Throws<RlGym.Core.Errors.UserInputException>(() => Make("map=S.G", "wind=0,1"));
        Assert.Contains("3 columns", e.Message);
    }

    [Fact]
    public void Wall_cells_are_absorbing_so_the_model_is_complete()
    {
        var env = Make("map=S#G/...");
        Assert.True(env.IsTerminal(1));
        Assert.Equal(new Outcome(1, 1, 0, true), env.Outcomes(1, Up)[0]);
        Assert.Equal(CellKind.Wall, env.CellAt(0, 1));
    }

    [Fact]
    public void Registry_truncates_after_200_steps()
    {
        var env = ToyTextRegistry.Create().Make<int, int>("GridWorld-v0");
        env.Reset(0);
        int steps = 1;
        while (!env.Step(Up).Done) steps++;
        Assert.Equal(200, steps);
    }

    private static (int, double, bool) Result(RlGym.Core.Environments.StepResult<int> r) => (r.Observation, r.Reward, r.Terminated);
}
