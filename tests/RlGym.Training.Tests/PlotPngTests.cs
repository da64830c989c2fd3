using RlGym.Training.Plots;
using RlGym.Training.Tests.Support;
using ScottPlot;
using SkiaSharp;

namespace RlGym.Training.Tests;

public sealed class PlotPngTests
{
    private static Plot Curve()
    {
        var plot = new Plot();
        double[] xs = [.. Enumerable.Range(1, 200).Select(i => (double)i)];
        plot.Add.ScatterPoints(xs, [.. xs.Select(x => Math.Sin(x / 10))]).LegendText = "return";
        plot.Add.ScatterLine(xs, [.. xs.Select(x => Math.Sin(x / 10) / 2)]).LegendText = "mean";
        plot.Title("curve");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    // The encoder's settings trade file size for speed; the picture must stay the one the plotting library draws.
    [Fact]
    public void Draws_the_same_pixels_as_the_plotting_library_at_the_requested_size()
    {
        using var ours = SKBitmap.Decode(PlotPng.Encode(Curve(), 300, 180));
        using var library = SKBitmap.Decode(Curve().GetImageBytes(300, 180, ImageFormat.Png));

        Assert.Equal((300, 180), (ours.Width, ours.Height));
        Assert.Equal((library.Width, library.Height), (ours.Width, ours.Height));
        int differing = 0;
        for (int y = 0; y < ours.Height; y++)
            for (int x = 0; x < ours.Width; x++)
                if (ours.GetPixel(x, y) != library.GetPixel(x, y)) differing++;
        Assert.Equal(0, differing);
    }

    [Fact]
    public void Save_writes_a_png_file()
    {
        using var dir = new TempDirectory();
        PlotPng.Save(Curve(), dir.File("plot.png"), 120, 80);

        var bytes = File.ReadAllBytes(dir.File("plot.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.Equal((120, 80), (bitmap.Width, bitmap.Height));
    }
}
