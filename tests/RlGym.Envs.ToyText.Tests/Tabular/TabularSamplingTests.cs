using RlGym.Core.Random;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.Tests.Tabular;

public sealed class TabularSamplingTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    public void A_step_picks_the_first_outcome_whose_running_sum_exceeds_the_draw_as_Gymnasiums_categorical_sample(long seed)
    {
        var shapes = new Rng(seed + 1000);
        for (int model = 0; model < 40; model++)
        {
            // Two to six outcomes, some of probability 0, and thirds, whose running sums are not exact.
            int count = 2 + shapes.NextInt(5);
            var probabilities = Enumerable.Range(0, count).Select(_ => shapes.NextInt(4) == 0 ? 0.0 : shapes.NextDouble()).ToArray();
            if (model % 5 == 0) probabilities = Enumerable.Repeat(1.0 / 3, 3).ToArray();
            double sum = probabilities.Sum();
            if (sum == 0) continue;
            probabilities = probabilities.Select(p => p / sum).ToArray();
            using var env = new Categorical(probabilities);
            env.Reset(seed + model);
            var draws = new Rng(seed + model);
            for (int t = 0; t < 200; t++)
                Assert.Equal(FirstAbove(probabilities, draws.NextDouble()), env.Step(0).Observation);
        }
    }

    // Gymnasium's categorical_sample as written there: the running sum, added in order, compared with the draw.
    private static int FirstAbove(double[] probabilities, double u)
    {
        double running = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            running += probabilities[i];
            if (u < running) return i;
        }
        return probabilities.Length - 1;
    }

    /// <summary>One start state whose single action leads to state i with the i-th probability.</summary>
    private sealed class Categorical : TabularEnv
    {
        public Categorical(double[] probabilities) : base(probabilities.Length + 1, 1)
        {
            int start = probabilities.Length;
            for (int s = 0; s <= start; s++)
                SetOutcomes(s, 0, probabilities.Select((p, i) => new Outcome(p, i, 0, false)).ToArray());
            SetStartStates(start);
        }

        public override IReadOnlyList<string> ActionNames => ["draw"];
        public override int Rows => 1;
        public override int Columns => StateCount;
        public override CellKind CellAt(int row, int column) => CellKind.Floor;
        public override char CharAt(int row, int column) => '.';
        public override (int Row, int Column) CellOf(int state) => (0, state);
    }
}
