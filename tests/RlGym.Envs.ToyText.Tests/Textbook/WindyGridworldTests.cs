using RlGym.Envs.ToyText.Tests.Support;
using RlGym.Envs.ToyText.Textbook;

namespace RlGym.Envs.ToyText.Tests.Textbook;

public sealed class WindyGridworldTests
{
    private const int Up = 0, Right = 1, Down = 2, Left = 3;

    [Fact]
    public void Spaces_and_start_follow_example_6_5()
    {
        var env = new WindyGridworldEnv();
        Assert.Equal("Discrete(70)", env.ObservationSpace.ToString());
        Assert.Equal("Discrete(4)", env.ActionSpace.ToString());
        Assert.Equal(30, env.Reset(0).Observation);
        Assert.Equal((3, 7), env.CellOf(WindyGridworldEnv.GoalState));
    }

    [Fact]
    public void Wind_of_the_column_left_pushes_the_agent_up()
    {
        var env = new WindyGridworldEnv();
        env.Reset(0);
        // Columns 0-2 have no wind; moving right from column 3 (wind 1) lands one row up.
        for (int i = 0; i < 3; i++) Assert.Equal(3, env.CellOf(env.Step(Right).Observation).Row);
        Assert.Equal((2, 4), env.CellOf(env.Step(Right).Observation));
        // Moving down in column 6 (wind 2) ends one row up.
        env.SetState(3 * 10 + 6);
        Assert.Equal((2, 6), env.CellOf(env.Step(Down).Observation));
        // The push is clamped at the top row.
        env.SetState(0 * 10 + 7);
        Assert.Equal((0, 6), env.CellOf(env.Step(Left).Observation));
    }

    [Fact]
    public void Every_step_costs_one_and_the_goal_ends_the_episode()
    {
        var env = new WindyGridworldEnv();
        env.Reset(0);
        env.SetState(3 * 10 + 8);
        var r = env.Step(Left);
        // Column 8 has wind 1: left from (3, 8) lands on (2, 7), not the goal.
        Assert.Equal((27, -1.0, false), (r.Observation, r.Reward, r.Terminated));
        env.SetState(4 * 10 + 8);
        r = env.Step(Left);
        Assert.Equal((37, -1.0, true), (r.Observation, r.Reward, r.Terminated));
    }

    [Fact]
    public void Shortest_episode_takes_15_steps_as_in_the_book()
    {
        Assert.Equal(15, ModelSolver.ShortestPath(new WindyGridworldEnv(), WindyGridworldEnv.StartState));
    }

    [Fact]
    public void King_moves_give_eight_actions_and_a_7_step_shortest_episode()
    {
        var env = (WindyGridworldEnv)ToyTextRegistry.Create().Make("WindyGridworld-v0", ToyTextRegistry.Options("king_moves=true")).Unwrapped;
        Assert.Equal(8, env.ActionCount);
        Assert.Equal(7, ModelSolver.ShortestPath(env, WindyGridworldEnv.StartState));
    }

    [Fact]
    public void Stochastic_wind_varies_by_one_a_third_of_the_time_each_way_in_windy_columns()
    {
        var env = new WindyGridworldEnv(stochasticWind: true);
        var outcomes = env.Outcomes(3 * 10 + 4, Right);
        Assert.Equal([(3, 5), (2, 5), (1, 5)], outcomes.Select(o => env.CellOf(o.NextState)));
        Assert.Single(env.Outcomes(3 * 10 + 0, Right));
    }
}
