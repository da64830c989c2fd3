using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RlGym.Core.Errors;
using RlGym.Core.Settings;

namespace RlGym.Core.Tests.Settings;

public sealed class SettingsBinderTests
{
    public enum Schedule { Constant, LinearDecay }

    public sealed record LearnerOptions
    {
        [Description("step size α"), Range(0.0, 1.0)]
        public double Alpha { get; init; } = 0.1;

        [Description("discount γ"), Range(0.0, 1.0)]
        public double Gamma { get; init; } = 0.99;

        [Description("episodes between evaluations"), Range(1, 1000)]
        public int EvalEvery { get; init; } = 10;

        [Description("how ε changes")]
        public Schedule EpsilonSchedule { get; init; } = Schedule.Constant;

        [Description("hidden layer widths")]
        public int[] HiddenSizes { get; init; } = [64, 64];

        [Description("widths with a bound on each"), Range(1, 1000)]
        public int[] Widths { get; init; } = [8];

        [Description("use double learning")]
        public bool Double { get; init; }
    }

    [Fact]
    public void Keys_match_ignoring_case_dashes_and_underscores()
    {
        var o = SettingsBinder.Bind(new LearnerOptions(), new Dictionary<string, string>
        {
            ["ALPHA"] = "0.5", ["eval-every"] = "20", ["epsilon_schedule"] = "linear-decay", ["double"] = "true",
        });
        Assert.Equal(0.5, o.Alpha);
        Assert.Equal(20, o.EvalEvery);
        Assert.Equal(Schedule.LinearDecay, o.EpsilonSchedule);
        Assert.True(o.Double);
    }

    [Fact]
    public void Bind_leaves_the_defaults_untouched()
    {
        var defaults = new LearnerOptions();
        SettingsBinder.Bind(defaults, new Dictionary<string, string> { ["alpha"] = "0.9" });
        Assert.Equal(0.1, defaults.Alpha);
    }

    [Fact]
    public void An_unknown_key_lists_the_allowed_ones()
    {
        var e = Assert.Throws<UserInputException>(() =>
            SettingsBinder.Bind(new LearnerOptions(), new Dictionary<string, string> { ["beta"] = "1" }));
        Assert.Equal("unknown setting 'beta'; allowed: alpha, gamma, eval_every, epsilon_schedule, hidden_sizes, widths, double", e.Message);
    }

    [Fact]
    public void An_out_of_range_value_names_the_range()
    {
        var e = Assert.Throws<UserInputException>(() =>
            SettingsBinder.Bind(new LearnerOptions(), new Dictionary<string, string> { ["gamma"] = "1.5" }));
        Assert.Equal("setting gamma=1.5 is out of range; allowed: 0 to 1", e.Message);
    }

    [Fact]
    public void An_unknown_enum_value_lists_the_kebab_case_names()
    {
        var e = Assert.Throws<UserInputException>(() =>
            SettingsBinder.Bind(new LearnerOptions(), new Dictionary<string, string> { ["epsilon_schedule"] = "cosine" }));
        Assert.Equal("setting epsilon_schedule=cosine is not allowed; allowed: constant, linear-decay", e.Message);
    }

    [Fact]
    public void Integer_lists_are_comma_separated()
    {
        var o = SettingsBinder.Bind(new LearnerOptions(), new Dictionary<string, string> { ["hidden_sizes"] = "128, 32" });
        Assert.Equal([128, 32], o.HiddenSizes);
    }

    [Fact]
    public void An_empty_integer_list_is_the_empty_list_and_a_null_value_keeps_the_default()
    {
        Assert.Empty(SettingsBinder.Bind(new LearnerOptions(), new Dictionary<string, string> { ["hidden_sizes"] = "" }).HiddenSizes);
        Assert.Empty(SettingsBinder.Bind(new LearnerOptions(), new Dictionary<string, string> { ["hidden_sizes"] = " " }).HiddenSizes);
        var kept = SettingsBinder.Bind(new LearnerOptions(), new Dictionary<string, string> { ["hidden_sizes"] = null!, ["alpha"] = null! });
        Assert.Equal([64, 64], kept.HiddenSizes);
        Assert.Equal(new LearnerOptions().Alpha, kept.Alpha);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("64,0")]
    [InlineData("-3")]
    [InlineData("5000")]
    public void A_range_on_an_integer_list_bounds_each_element(string value)
    {
        var e = Assert.Throws<UserInputException>(() =>
            SettingsBinder.Bind(new LearnerOptions(), new Dictionary<string, string> { ["widths"] = value }));
        Assert.StartsWith($"setting widths={value} is out of range; allowed: each from 1 to 1000", e.Message);
    }

    [Theory]
    [InlineData("hidden_sizes", "64,x")]
    [InlineData("hidden_sizes", ",")]
    [InlineData("hidden_sizes", "64,,64")]
    [InlineData("eval_every", "2.5")]
    [InlineData("alpha", "NaN")]
    [InlineData("double", "maybe")]
    public void Values_that_do_not_parse_name_the_key_and_type(string key, string value)
    {
        var e = Assert.Throws<UserInputException>(() =>
            SettingsBinder.Bind(new LearnerOptions(), new Dictionary<string, string> { [key] = value }));
        Assert.StartsWith($"setting {key}={value} is not a valid", e.Message);
    }

    [Fact]
    public void Describe_lists_names_types_defaults_and_ranges()
    {
        var rows = SettingsBinder.Describe(new LearnerOptions());
        var alpha = rows.Single(r => r.Name == "alpha");
        Assert.Equal(("float", "0.1", "step size α", "0 to 1"), (alpha.Type, alpha.Default, alpha.Description, alpha.Range));
        Assert.Equal("constant|linear-decay", rows.Single(r => r.Name == "epsilon_schedule").Type);
        Assert.Equal("64,64", rows.Single(r => r.Name == "hidden_sizes").Default);
    }

    [Fact]
    public void ToDictionary_round_trips_through_Bind()
    {
        var o = new LearnerOptions { Alpha = 0.25, EpsilonSchedule = Schedule.LinearDecay, HiddenSizes = [8] };
        var back = SettingsBinder.Bind(new LearnerOptions(), SettingsBinder.ToDictionary(o));
        Assert.Equal((0.25, Schedule.LinearDecay), (back.Alpha, back.EpsilonSchedule));
        Assert.Equal([8], back.HiddenSizes);
    }
}
