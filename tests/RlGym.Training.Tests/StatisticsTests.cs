using RlGym.Training.Comparisons;

namespace RlGym.Training.Tests;

public sealed class StatisticsTests
{
    [Fact]
    public void The_t_interval_of_one_to_five_matches_the_textbook_value()
    {
        // mean 3, s = sqrt(2.5) = 1.5811, s/sqrt(5) = 0.70711, t(0.975, 4) = 2.776 -> half-width 1.9629
        var i = Statistics.TInterval([1, 2, 3, 4, 5]);
        Assert.Equal(3, i.Mean, 12);
        Assert.Equal(2.776 * Math.Sqrt(2.5) / Math.Sqrt(5), i.HalfWidth, 12);
        Assert.Equal(1.9629, i.HalfWidth, 4);
    }

    [Fact]
    public void The_t_interval_of_ten_values_at_99_percent_uses_nine_degrees_of_freedom()
    {
        double[] x = [12.1, 11.8, 12.4, 12.0, 11.9, 12.3, 12.2, 11.7, 12.5, 12.1];
        var i = Statistics.TInterval(x, 0.99);
        Assert.Equal(12.1, i.Mean, 10);
        Assert.Equal(3.250 * Statistics.StandardDeviation(x) / Math.Sqrt(10), i.HalfWidth, 12);
        Assert.Equal(0.2582, Statistics.StandardDeviation(x), 4);
    }

    [Fact]
    public void One_value_has_no_interval()
    {
        var i = Statistics.TInterval([4.0]);
        Assert.Equal(4, i.Mean);
        Assert.True(double.IsNaN(i.HalfWidth));
    }

    [Theory]
    [InlineData(0.90)]
    [InlineData(0.95)]
    [InlineData(0.99)]
    public void The_critical_value_table_agrees_with_the_t_distribution(double confidence)
    {
        // MathNet's inverse CDF is the reference; the table has three decimals, interpolation in 1/df adds < 0.002.
        foreach (int df in new[] { 1, 2, 3, 5, 9, 10, 19, 29, 30, 35, 40, 50, 60, 90, 120, 200, 1000 })
        {
            double exact = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, 1 - (1 - confidence) / 2);
            Assert.InRange(StudentT.Critical(df, confidence), exact - 0.002, exact + 0.002);
        }
    }

    [Fact]
    public void The_moving_average_is_trailing_and_starts_at_the_first_value()
    {
        Assert.Equal([1, 1.5, 2, 3, 4], Statistics.MovingAverage([1, 2, 3, 4, 5], 3));
        Assert.Equal([1, 2, 3], Statistics.MovingAverage([1, 2, 3], 1));
    }

    [Fact]
    public void Standard_deviations_divide_by_n_minus_one_or_n()
    {
        double[] x = [2, 4, 4, 4, 5, 5, 7, 9];
        Assert.Equal(2.0, Statistics.PopulationStandardDeviation(x), 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), Statistics.StandardDeviation(x), 12);
    }
}
