namespace RlGym.Serve.Tests;

/// <summary>A fact that runs only where Chromium and its driver are installed, skipped with the reason otherwise.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Chromium is null || Browser.Driver is null)
            Skip = "Chromium or chromedriver is not installed (apt-get install chromium chromium-driver to run this test)";
    }
}

/// <summary>Where the system's Chromium and chromedriver are.</summary>
public static class Browser
{
    public static string? Chromium => Find("chromium", "chromium-browser", "google-chrome");

    public static string? Driver => Find("chromedriver");

    private static string? Find(params string[] names) =>
        names.SelectMany(n => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin").Append("/usr/lib/chromium")
                .Select(dir => Path.Combine(dir, n)))
            .FirstOrDefault(File.Exists);
}
