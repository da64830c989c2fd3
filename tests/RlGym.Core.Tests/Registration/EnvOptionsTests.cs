using RlGym.Core.Errors;
using RlGym.Core.Registration;

namespace RlGym.Core.Tests.Registration;

public sealed class EnvOptionsTests
{
    [Fact]
    public void Parse_reads_key_value_items_and_trims_them()
    {
        var o = EnvOptions.Parse(["is_slippery = false", "map_name=8x8"]);
        Assert.False(o.GetBool("is_slippery", true));
        Assert.Equal("8x8", o.GetString("map_name"));
    }

    [Theory]
    [InlineData("is_slippery")]
    [InlineData("=true")]
    public void Parse_refuses_items_without_a_key_and_value(string item)
    {
        var e = Assert.Throws<UserInputException>(() => EnvOptions.Parse([item]));
        Assert.Contains("key=value", e.Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("Yes", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    public void Booleans_accept_the_usual_words(string text, bool expected) =>
        Assert.Equal(expected, EnvOptions.Parse([$"b={text}"]).GetBool("b", !expected));

    [Fact]
    public void A_bad_boolean_names_the_key_and_the_allowed_words()
    {
        var e = Assert.Throws<UserInputException>(() => EnvOptions.Parse(["is_slippery=maybe"]).GetBool("is_slippery", true));
        Assert.Equal("option is_slippery=maybe is not a boolean; use true or false", e.Message);
    }

    [Fact]
    public void Missing_keys_give_the_fallback()
    {
        var o = new EnvOptions();
        Assert.Equal(3, o.GetInt("n", 3));
        Assert.Equal(0.5, o.GetDouble("p", 0.5));
        Assert.Equal("4x4", o.GetChoice("map_name", "4x4", "4x4", "8x8"));
        Assert.Null(o.GetString("x"));
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_and_check_their_range()
    {
        var o = EnvOptions.Parse(["g=9.81", "n=12", "big=1e3"]);
        Assert.Equal(9.81, o.GetDouble("g", 0));
        Assert.Equal(1000, o.GetDouble("big", 0));
        var e = Assert.Throws<UserInputException>(() => o.GetInt("n", 0, min: 1, max: 10));
        Assert.Equal("option n=12 is out of range; allowed: 1 to 10", e.Message);
    }

    [Theory]
    [InlineData("9,81")]
    [InlineData("NaN")]
    [InlineData("ten")]
    public void Text_that_is_not_a_number_is_refused(string text)
    {
        var e = Assert.Throws<UserInputException>(() => EnvOptions.Parse([$"g={text}"]).GetDouble("g", 0));
        Assert.Contains("is not a number", e.Message);
    }

    [Fact]
    public void A_fractional_integer_is_refused() =>
        Assert.Contains("is not an integer", Assert.Throws<UserInputException>(() => EnvOptions.Parse(["n=2.5"]).GetInt("n", 0)).Message);

    [Fact]
    public void A_choice_outside_the_list_names_the_allowed_ones()
    {
        var e = Assert.Throws<UserInputException>(() => EnvOptions.Parse(["map_name=5x5"]).GetChoice("map_name", "4x4", "4x4", "8x8"));
        Assert.Equal("option map_name=5x5 is not allowed; allowed: 4x4, 8x8", e.Message);
    }

    [Fact]
    public void Unread_keys_are_those_never_asked_for()
    {
        var o = EnvOptions.Parse(["a=1", "b=2", "c=3"]);
        o.GetInt("a", 0);
        o.Has("b");
        Assert.Equal(["c"], o.UnreadKeys);
    }

    [Fact]
    public void WithDefaults_keeps_the_users_values()
    {
        var o = EnvOptions.Parse(["map_name=4x4"]).WithDefaults(new Dictionary<string, string> { ["map_name"] = "8x8", ["is_slippery"] = "true" });
        Assert.Equal("4x4", o.GetString("map_name"));
        Assert.True(o.GetBool("is_slippery", false));
    }
}
