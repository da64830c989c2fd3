using RlGym.Core.Random;

namespace RlGym.Agents.ContinuousControl.Tests;

public sealed class OrnsteinUhlenbeckNoiseTests
{
    // With x ← (1 − θΔt) x + σ √Δt ε the stationary variance is σ² Δt / (1 − (1 − θΔt)²) ≈ σ² / (2θ), so σ = 0.5 gives a
    // standard deviation of about 0.913, and the lag-1 correlation is 1 − θΔt = 0.9985.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_process_has_the_stationary_spread_and_the_step_to_step_correlation_of_its_constants(long seed)
    {
        var noise = new OrnsteinUhlenbeckNoise(1);
        var rng = new Rng(seed);
        const double sigma = 0.5;
        double expected = sigma * Math.Sqrt(OrnsteinUhlenbeckNoise.Dt / (1 - Math.Pow(1 - OrnsteinUhlenbeckNoise.Theta * OrnsteinUhlenbeckNoise.Dt, 2)));
        for (int t = 0; t < 5_000; t++) noise.Next(0, 0, sigma, rng);
        // 400k steps hold about 300 correlation times (1/(θΔt) ≈ 667 steps): the sample spread is within 10%.
        double sum = 0, sumSq = 0, prev = noise.Next(0, 0, sigma, rng), cross = 0;
        const int n = 400_000;
        for (int t = 0; t < n; t++)
        {
            double x = noise.Next(0, 0, sigma, rng);
            sum += x;
            sumSq += x * x;
            cross += x * prev;
            prev = x;
        }
        double mean = sum / n, variance = sumSq / n - mean * mean;
        Assert.InRange(Math.Sqrt(variance), 0.9 * expected, 1.1 * expected);
        Assert.InRange((cross / n - mean * mean) / variance, 0.995, 1.0);
    }

    [Fact]
    public void Copies_have_their_own_processes_and_a_reset_starts_one_again_at_zero()
    {
        var noise = new OrnsteinUhlenbeckNoise(2);
        var rng = new Rng(7);
        for (int t = 0; t < 100; t++)
            for (int copy = 0; copy < 2; copy++)
                for (int j = 0; j < 2; j++) noise.Next(copy, j, 1.0, rng);
        noise.Reset(0);

        // After a reset the first step is the single increment σ √Δt ε from 0; copy 1 goes on from where it was.
        var probe = new Rng(0);
        probe.SetState(rng.GetState());
        double increment = Math.Sqrt(OrnsteinUhlenbeckNoise.Dt) * probe.NextGaussian();
        Assert.Equal(increment, noise.Next(0, 0, 1.0, rng));
        double beforeStep = Math.Sqrt(OrnsteinUhlenbeckNoise.Dt) * probe.NextGaussian();
        Assert.NotEqual(beforeStep, noise.Next(1, 0, 1.0, rng), 6);
        var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) noise.Save(writer);
        saved.Position = 0;
        var loaded = new OrnsteinUhlenbeckNoise(2);
        using (var reader = new BinaryReader(saved)) loaded.Load(reader);
        var r1 = new Rng(9);
        var r2 = new Rng(9);
        Assert.Equal(noise.Next(1, 1, 1.0, r1), loaded.Next(1, 1, 1.0, r2));
    }
}
