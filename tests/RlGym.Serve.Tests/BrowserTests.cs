using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit.Abstractions;

namespace RlGym.Serve.Tests;

/// <summary>
/// The dashboard in a real browser (headless Chromium through Selenium): <c>rlgym serve</c> and <c>rlgym train</c> run
/// as the user would start them; the new run appears in the index, its curve gains points and its frame changes,
/// and the compare page draws two runs. Screenshots go to <c>screenshots/</c> beside the test assembly, or to
/// <c>RLGYM_SCREENSHOTS</c> when set.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output)
{
    private static readonly string Rlgym = Path.Combine(AppContext.BaseDirectory, "rlgym.dll");

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Rlgym);
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    private static T Wait<T>(Func<T?> probe, string what, int seconds = 90) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try { if (probe() is { } found) return found; }
            catch (WebDriverException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited {seconds} s for {what}");
            Thread.Sleep(200);
        }
    }

    private static int WaitInt(Func<int?> probe, string what) => (int)Wait(() => probe() is { } v ? (object)v : null, what);

    private static int? IntAttribute(IWebDriver driver, string css, string name) =>
        driver.FindElements(By.CssSelector(css)).FirstOrDefault()?.GetAttribute(name) is { Length: > 0 } v ? int.Parse(v) : null;

    [BrowserFact]
    public void A_training_run_appears_its_curve_grows_its_frame_changes_and_two_runs_compare()
    {
        using var tmp = new TempDirectory();
        string runs = tmp.Sub("runs");
        string shots = Environment.GetEnvironmentVariable("RLGYM_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        Directory.CreateDirectory(runs);
        var processes = new List<Process>();
        try
        {
            // Two finished runs to compare, made the way a user makes them.
            var seeds = new[] { "1", "2" }.Select(s => Start("train", "FrozenLake-v1", "--agent", "q-learning", "--episodes", "400", "--seed", s,
                "--eval-every", "100", "--out", Path.Combine(runs, "frozen-lake", "seed-" + s))).ToList();
            processes.AddRange(seeds);
            var serve = Start("serve", runs, "--port", "0");
            processes.Add(serve);
            string line = serve.StandardOutput.ReadLine() ?? throw new InvalidOperationException("rlgym serve printed nothing: " + serve.StandardError.ReadToEnd());
            string url = Regex.Match(line, @"at (http://\S+)").Groups[1].Value;
            output.WriteLine(line);
            foreach (var p in seeds) Assert.True(p.WaitForExit(120_000) && p.ExitCode == 0, "a FrozenLake run failed");

            var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Browser.Driver)!, Path.GetFileName(Browser.Driver));
            service.SuppressInitialDiagnosticInformation = true;
            service.HideCommandPromptWindow = true;
            var options = new ChromeOptions { BinaryLocation = Browser.Chromium };
            options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1420,1000");
            using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));

            driver.Navigate().GoToUrl(url);
            Wait(() => driver.FindElements(By.CssSelector("tr[data-id='frozen-lake/seed-2']")).FirstOrDefault(), "the finished runs in the index");

            // A run started after the page opened appears in it, live.
            var training = Start("train", "CartPole-v1", "--agent", "a2c", "--steps", "100000000", "--out", Path.Combine(runs, "cartpole-a2c"));
            processes.Add(training);
            Wait(() => driver.FindElements(By.CssSelector("tr[data-id='cartpole-a2c'] .status.running")).FirstOrDefault(), "the new run, running, in the index");
            driver.GetScreenshot().SaveAsFile(Path.Combine(shots, "index.png"));

            // The index redraws as rows arrive, so a link found a moment ago may be gone: find it afresh until the click lands.
            Wait(() =>
            {
                driver.FindElement(By.CssSelector("tr[data-id='cartpole-a2c'] a.run-link")).Click();
                return driver.Url.Contains("/run?id=", StringComparison.Ordinal) ? "" : null;
            }, "the run page");
            int first = WaitInt(() => IntAttribute(driver, "#curve", "data-episodes") is > 0 and int n ? n : null, "the first curve");
            Wait(() => IntAttribute(driver, "#curve", "data-episodes") > first ? "" : null, "the curve to gain points");

            int frameVersion = WaitInt(() => IntAttribute(driver, "#frame", "data-version"), "the first frame");
            var frame = driver.FindElement(By.Id("frame"));
            var before = ((ITakesScreenshot)frame).GetScreenshot().AsByteArray;
            Wait(() => IntAttribute(driver, "#frame", "data-version") > frameVersion ? "" : null, "the frame to change");
            Wait(() => ((ITakesScreenshot)driver.FindElement(By.Id("frame"))).GetScreenshot().AsByteArray.SequenceEqual(before) ? null : "", "the drawn frame to differ");
            Thread.Sleep(1500);
            driver.GetScreenshot().SaveAsFile(Path.Combine(shots, "run.png"));
            ((ITakesScreenshot)driver.FindElement(By.CssSelector(".panels"))).GetScreenshot().SaveAsFile(Path.Combine(shots, "run-panels.png"));

            driver.Navigate().GoToUrl(url.TrimEnd('/') + "/compare?run=frozen-lake/seed-1&run=frozen-lake/seed-2");
            Wait(() => driver.FindElements(By.CssSelector("#compare-curve[data-key]")).FirstOrDefault(), "the comparison chart");
            var rows = driver.FindElements(By.CssSelector("#groups tbody tr"));
            Assert.Single(rows);
            Assert.Contains("q-learning", rows[0].Text);
            Assert.Contains("frozen-lake/seed-1", rows[0].Text);
            Thread.Sleep(500);
            driver.GetScreenshot().SaveAsFile(Path.Combine(shots, "compare.png"));
            output.WriteLine($"screenshots in {shots}");
        }
        finally
        {
            foreach (var p in processes)
            {
                try { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(10_000); } catch (InvalidOperationException) { }
                p.Dispose();
            }
        }
    }
}
