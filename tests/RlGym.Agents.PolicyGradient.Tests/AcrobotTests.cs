using Xunit.Abstractions;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// Acrobot-v1 is solved at a mean greedy return of −100 (Gymnasium's threshold). A2C needs entropy regularisation
/// here: with ent_coef = 0 the policy collapsed to one that never swings up on seeds 1, 2 and 4 of 0–4 (500 000
/// steps); with ent_coef = 0.01 seeds 0–4 solved after 8 096, 143 384, 41 096, 3 256 and 157 016 environment steps
/// with A2C's own copies, and after 158 291, 112 746, 11 151, 3 262 and 321 676 on the test loop's 8 copies (m = 16);
/// with one copy and m = 64, after 22 654, 10 260, 10 656, 63 280 and 12 717.
/// </summary>
public sealed class AcrobotTests(ITestOutputHelper output)
{
    private const string Id = "Acrobot-v1";
    private static readonly A2COptions s_options = new() { EntCoef = 0.01 };

    [Fact]
    public void A2c_with_entropy_regularisation_solves_acrobot()
    {
        var (steps, _) = Solving.Run(Id, Solving.A2C(Id, 2, s_options), 2, maxSteps: 200_000);
        output.WriteLine($"seed 2: solved after {steps} environment steps");
        Assert.NotNull(steps);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A2c_with_entropy_regularisation_solves_acrobot_for_at_least_4_of_5_seeds()
    {
        var results = Enumerable.Range(0, 5).Select(s => Solving.Run(Id, Solving.A2C(Id, s, s_options), s, maxSteps: 500_000).Steps).ToArray();
        output.WriteLine(string.Join(", ", results));
        Assert.True(results.Count(r => r is not null) >= 4, string.Join(", ", results));
    }
}
