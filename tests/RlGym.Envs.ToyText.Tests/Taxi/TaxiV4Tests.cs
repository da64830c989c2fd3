using RlGym.Core.Errors;
using RlGym.Envs.ToyText.Taxi;
using RlGym.Envs.ToyText.Tests.Support;

namespace RlGym.Envs.ToyText.Tests.Taxi;

/// <summary>
/// Taxi-v4's options against Gymnasium 1.3's <c>TaxiEnv</c>: the rainy model's entries are the ones its <c>P</c>
/// holds (listed here as facts: probability, next (row, column, passenger, destination), reward), the dry model is
/// Taxi-v3's, and a fickle passenger changes destination as often as <c>fickle_probability</c> says.
/// </summary>
public sealed class TaxiV4Tests
{
    private const int South = 0, North = 1, East = 2, West = 3, Pickup = 4, Dropoff = 5;

    private static TaxiEnv Make(params string[] options) =>
        (TaxiEnv)ToyTextRegistry.Create().Make<int, int>("Taxi-v4", ToyTextRegistry.Options(options)).Unwrapped;

    public static TheoryData<int, int, int, int, int, string> RainyEntries() => new()
    {
        // Gymnasium's P[s][a] for is_rainy=True, rainy_probability=0.8: forward, then left and right of the heading.
        { 2, 2, 1, 0, South, "0.8:3,2 0.1:2,3 0.1:2,1" },
        { 2, 2, 1, 0, North, "0.8:1,2 0.1:2,1 0.1:2,3" },
        { 2, 2, 1, 0, East, "0.8:2,3 0.1:1,2 0.1:3,2" },
        { 2, 2, 1, 0, West, "0.8:2,1 0.1:3,2 0.1:1,2" },
        { 0, 0, 4, 1, South, "0.8:1,0 0.1:0,1 0.1:0,0" },
        { 0, 0, 4, 1, East, "0.8:0,1 0.1:0,0 0.1:1,0" },
        // A blocked intended move does not drift sideways: all three entries stay put.
        { 0, 0, 4, 1, West, "0.8:0,0 0.1:0,0 0.1:0,0" },
        { 4, 0, 4, 1, East, "0.8:4,0 0.1:4,0 0.1:4,0" },
        { 4, 0, 4, 1, North, "0.8:3,0 0.1:4,0 0.1:4,0" },
        { 3, 1, 2, 1, East, "0.8:3,2 0.1:2,1 0.1:4,1" },
        { 3, 1, 2, 1, West, "0.8:3,1 0.1:3,1 0.1:3,1" },
        { 1, 1, 4, 2, East, "0.8:1,1 0.1:1,1 0.1:1,1" },
    };

    [Theory]
    [MemberData(nameof(RainyEntries))]
    public void Rainy_moves_go_forward_or_to_either_side_as_gymnasiums_model_says(int row, int col, int pass, int dest, int action, string expected)
    {
        var env = Make("is_rainy=true");
        var outcomes = env.Outcomes(TaxiEnv.Encode(row, col, pass, dest), action);
        var text = string.Join(" ", outcomes.Select(o =>
        {
            var (r, c, p, d) = TaxiEnv.Decode(o.NextState);
            Assert.Equal((pass, dest, -1.0, false), (p, d, o.Reward, o.Terminal));
            return FormattableString.Invariant($"{Math.Round(o.Probability, 12)}:{r},{c}");
        }));
        Assert.Equal(expected, text);
        // Gymnasium's lateral probability is (1 − 0.8) / 2 in doubles, 0.09999999999999998.
        Assert.Equal((1 - 0.8) / 2, outcomes[1].Probability);
    }

    [Fact]
    public void Rain_leaves_pick_up_and_drop_off_deterministic_and_rainy_probability_sets_the_split()
    {
        var env = Make("is_rainy=true", "rainy_probability=0.7");
        int s = TaxiEnv.Encode(1, 1, 4, 2);
        Assert.Equal((1.0, -10.0), (env.Outcomes(s, Pickup).Single().Probability, env.Outcomes(s, Pickup).Single().Reward));
        Assert.Equal((1.0, -10.0), (env.Outcomes(s, Dropoff).Single().Probability, env.Outcomes(s, Dropoff).Single().Reward));
        Assert.Equal([0.7, (1 - 0.7) / 2, (1 - 0.7) / 2], env.Outcomes(TaxiEnv.Encode(2, 2, 1, 0), South).Select(o => o.Probability));
    }

    [Fact]
    public void Without_options_taxi_v4_is_taxi_v3()
    {
        var v3 = (TaxiEnv)ToyTextRegistry.Create().Make<int, int>("Taxi-v3").Unwrapped;
        var v4 = Make();
        for (int s = 0; s < 500; s++)
            for (int a = 0; a < 6; a++)
                Assert.Equal(v3.Outcomes(s, a), v4.Outcomes(s, a));
    }

    [Theory]
    [InlineData("is_rainy=true")]
    [InlineData("fickle_passenger=true")]
    public void Taxi_v3_has_no_options(string option) =>
        Assert.Throws<UserInputException>(() => ToyTextRegistry.Create().Make<int, int>("Taxi-v3", ToyTextRegistry.Options(option)));

    [Theory]
    [InlineData("rainy_probability=1.5")]
    [InlineData("fickle_probability=-0.1")]
    [InlineData("is_rainy=sometimes")]
    public void Out_of_range_options_are_refused(string option) =>
        Assert.Throws<UserInputException>(() => Make(option));

    /// <summary>
    /// Picks the passenger up at their stand, then moves once: a fickle passenger changes destination on that move,
    /// to one of the other three stands. Returns (changed, the new destination).
    /// </summary>
    private static (bool Changed, int Destination) PickUpAndMove(TaxiEnv env, long? seed)
    {
        env.Reset(seed);
        // Put the taxi on the passenger's stand R (0, 0), bound for B; pick up; move south (never blocked there).
        env.SetState(TaxiEnv.Encode(0, 0, 0, 3));
        Assert.Equal(TaxiEnv.Encode(0, 0, 4, 3), env.Step(Pickup).Observation);
        var (row, _, pass, dest) = TaxiEnv.Decode(env.Step(South).Observation);
        Assert.Equal((1, 4), (row, pass));
        // Later moves never change it again.
        var (_, _, _, after) = TaxiEnv.Decode(env.Step(North).Observation);
        Assert.Equal(dest, after);
        return (dest != 3, dest);
    }

    [Fact]
    public void A_fickle_passenger_changes_destination_on_the_first_move_with_the_set_probability()
    {
        var env = Make("fickle_passenger=true");
        int episodes = 4000, changed = 0;
        var destinations = new int[4];
        for (int e = 0; e < episodes; e++)
        {
            var (c, d) = PickUpAndMove(env, e == 0 ? 5 : null);
            if (c) changed++;
            destinations[d]++;
        }
        // Binomial(4000, 0.3): standard deviation 29; four of them either side.
        Assert.InRange(changed, 1200 - 116, 1200 + 116);
        // The new destination is uniform over R, G, Y: 400 each, standard deviation 16.
        Assert.All(destinations[..3], n => Assert.InRange(n, 400 - 80, 400 + 80));

        var always = Make("fickle_passenger=true", "fickle_probability=1");
        Assert.True(PickUpAndMove(always, 1).Changed);
        var never = Make("fickle_probability=1");
        Assert.False(PickUpAndMove(never, 1).Changed);
    }
}
