using RlGym.Rendering.Drawing;

namespace RlGym.Rendering.Tests.Scenes;

public sealed class ColorScaleTests
{
    [Fact]
    public void Viridis_gets_brighter_from_low_to_high()
    {
        double previous = -1;
        for (int i = 0; i <= 40; i++)
        {
            double l = ColorScale.Viridis.At(i / 40.0).Luminance;
            Assert.True(l > previous, $"t = {i / 40.0}");
            previous = l;
        }
        Assert.Equal(Color.FromHex("#440154"), ColorScale.Viridis.Map(-5, -5, 5));
        Assert.Equal(Color.FromHex("#fde725"), ColorScale.Viridis.Map(5, -5, 5));
        Assert.Equal(ColorScale.Viridis.At(0.5), ColorScale.Viridis.Map(3, 3, 3));
    }

    [Fact]
    public void Colours_parse_and_print_as_hex()
    {
        Assert.Equal(new Color(0x12, 0xab, 0xff), Color.FromHex("#12abff"));
        Assert.Equal("#12abff80", new Color(0x12, 0xab, 0xff, 0x80).ToString());
        Assert.Throws<FormatException>(() => Color.FromHex("#123"));
        Assert.Equal(4, System.Runtime.CompilerServices.Unsafe.SizeOf<Color>());
    }
}
