using System.Net;
using RlGym.Cli;

namespace RlGym.Serve.Tests;

/// <summary>Safe by default: ids never reach outside the folder, the dashboard never writes, and tokens are enforced.</summary>
public sealed class SafetyTests
{
    /// <summary>Requests that try to leave the served folder or read what is not a run's file, sent byte for byte.</summary>
    public static TheoryData<string> TraversalAttempts => new()
    {
        "/api/runs/../secret/config.json",
        "/api/runs/..%2Fsecret/metrics",
        "/api/runs/..%2f..%2fetc%2fpasswd/metrics",
        "/api/runs/%2E%2E/secret/metrics",
        "/api/runs/%2e%2e%2fsecret/curve.svg",
        "/api/runs/run/../../secret/metrics",
        "/api/runs/run/..%2F..%2Fsecret/metrics",
        "/api/runs//etc/passwd/metrics",
        "/api/runs/%2Fetc%2Fpasswd/metrics",
        "/api/runs/%2Fetc/metrics",
        "/api/runs/C:%5CWindows%5Cwin.ini/metrics",
        "/api/runs/..%5Csecret/metrics",
        "/api/runs/run%2Fcheckpoint/metrics",
        "/api/runs/escape/metrics",
        "/api/runs/escape",
        "/api/runs/escape/frame.png",
        "/api/runs/run/files/../../secret/config.json",
        "/api/runs/run/files/..%2F..%2Fsecret%2Fconfig.json",
        "/api/runs/run/files/%2Fetc%2Fpasswd",
        "/api/runs/run/files//etc/passwd",
        "/api/runs/run/files/linked.csv",
        "/api/runs/run/files/checkpoint%2F..%2F..%2Fsecret%2Fconfig.json",
        "/api/runs/run/files/live.sock",
        "/api/runs/run/files/notes.exe",
        "/api/runs/~/metrics",
        "/api/runs/*/metrics",
        "/api/runs/.hidden/metrics",
        "/static/..%2F..%2Fsecret%2Fconfig.json",
        "/static/%2Fetc%2Fpasswd",
        "/api/compare?run=..%2Fsecret",
        "/api/compare?group=..",
        "/api/compare?run=%2Fetc",
    };

    private static string Arrange(TempDirectory tmp)
    {
        string served = tmp.Sub("served");
        RunFolders.Write(Path.Combine(served, "run"));
        Directory.CreateDirectory(Path.Combine(served, "run", "checkpoint"));
        RunFolders.Write(tmp.Sub("secret"), agent: "secret-agent");
        File.WriteAllText(tmp.Sub("secret", "notes.exe"), "x");
        File.WriteAllText(Path.Combine(served, "run", "notes.exe"), "x");
        RunFolders.Write(Path.Combine(served, ".hidden"));
        // Links out of the folder: a whole run directory and one file inside a real run.
        Directory.CreateSymbolicLink(Path.Combine(served, "escape"), tmp.Sub("secret"));
        File.CreateSymbolicLink(Path.Combine(served, "run", "linked.csv"), tmp.Sub("secret", "metrics.csv"));
        return served;
    }

    [Theory]
    [MemberData(nameof(TraversalAttempts))]
    public async Task A_traversal_attempt_gets_404(string target)
    {
        using var tmp = new TempDirectory();
        await using var d = await DashboardFixture.Start(Arrange(tmp));
        Assert.Equal(404, await d.RawGet(target));
    }

    [Fact]
    public async Task A_request_with_a_null_byte_is_refused_before_any_lookup()
    {
        using var tmp = new TempDirectory();
        await using var d = await DashboardFixture.Start(Arrange(tmp));
        Assert.Equal(400, await d.RawGet("/api/runs/run%00/metrics"));
    }

    [Fact]
    public async Task Links_out_of_the_folder_are_not_listed_and_real_run_files_are_served()
    {
        using var tmp = new TempDirectory();
        await using var d = await DashboardFixture.Start(Arrange(tmp));
        var list = await d.Client.GetStringAsync("/api/runs");
        Assert.DoesNotContain("secret-agent", list);
        Assert.DoesNotContain("escape", list);
        Assert.Equal(200, await d.RawGet("/api/runs/run/files/metrics.csv"));
        Assert.Equal(200, await d.RawGet("/api/runs/run/files/config.json"));
        var details = await d.Client.GetStringAsync("/api/runs/run");
        Assert.DoesNotContain("linked.csv", details);
        Assert.DoesNotContain("notes.exe", details);
    }

    [Fact]
    public async Task The_dashboard_only_reads_every_other_method_is_refused_and_nothing_on_disk_changes()
    {
        using var tmp = new TempDirectory();
        string served = Arrange(tmp);
        static string Snapshot(string root) => string.Join("\n", Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(p => $"{p} {(File.Exists(p) ? new FileInfo(p).Length : -1)} {File.GetLastWriteTimeUtc(p):O}"));
        string before = Snapshot(tmp.Path);
        await using (var d = await DashboardFixture.Start(served))
        {
            foreach (var method in new[] { "POST", "PUT", "DELETE", "PATCH" })
            foreach (var path in new[] { "/api/runs", "/api/runs/run", "/api/runs/run/metrics", "/api/runs/run/files/metrics.csv", "/" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x") };
                Assert.Equal(HttpStatusCode.MethodNotAllowed, (await d.Client.SendAsync(request)).StatusCode);
            }
            foreach (var path in new[] { "/", "/run?id=run", "/compare?group=", "/api/runs", "/api/runs/run", "/api/runs/run/metrics",
                         "/api/runs/run/curve.svg", "/api/runs/run/frame.png", "/api/compare?run=run", "/api/compare.svg?run=run", "/static/run.js" })
                await d.Client.GetAsync(path);
        }
        Assert.Equal(before, Snapshot(tmp.Path));
    }

    [Fact]
    public async Task With_a_token_every_request_without_it_gets_401()
    {
        using var tmp = new TempDirectory();
        RunFolders.Write(tmp.Sub("run"));
        const string token = "0123456789abcdef0123";
        await using var d = await DashboardFixture.Start(tmp.Path, token);
        foreach (var path in new[] { "/", "/run?id=run", "/compare?group=", "/static/app.css", "/api/runs", "/api/events", "/api/runs/run",
                     "/api/runs/run/metrics?after=0", "/api/runs/run/frame.png", "/api/runs/run/curve.svg", "/api/runs/run/events",
                     "/api/compare?run=run", "/api/runs/nope/metrics", "/?token=wrong", "/api/runs?token=" + token[..^1] })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await d.Client.GetAsync(path)).StatusCode);
        }
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        bearer.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await d.Client.SendAsync(bearer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await d.Client.GetAsync("/api/runs?token=" + token)).StatusCode);

        // Opening the printed address sets a cookie and drops the token from the address bar.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = d.BaseAddress };
        var first = await browser.GetAsync("/?token=" + token);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", first.Headers.Location?.OriginalString);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/runs/run/metrics")).StatusCode);
    }

    [Fact]
    public async Task On_loopback_a_foreign_host_name_is_refused()
    {
        using var tmp = new TempDirectory();
        await using var d = await DashboardFixture.Start(tmp.Path);
        Assert.Equal(400, await d.RawGet("/api/runs", host: "attacker.example"));
        Assert.Equal(200, await d.RawGet("/api/runs", host: "localhost:1234"));
    }

    [Fact]
    public void A_non_loopback_host_without_a_token_is_refused_before_listening()
    {
        var e = Assert.Throws<Core.Errors.UserInputException>(() => DashboardServer.Create(new DashboardOptions { Host = "0.0.0.0", Port = 0 }));
        Assert.Contains("--token", e.Message);
    }

    [Theory]
    [InlineData("--host", "0.0.0.0")]
    [InlineData("--host", "::")]
    [InlineData("--host", "example.org")]
    [InlineData("--port", "70000")]
    public async Task Serve_refuses_unsafe_or_bad_options_with_one_line_and_exit_2(string option, string value)
    {
        using var tmp = new TempDirectory();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await RlGymApp.RunAsync(["serve", tmp.Path, option, value], stdout, stderr, CancellationToken.None);
        Assert.Equal(2, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.DoesNotContain("Exception", lines[0]);
        Assert.DoesNotContain("System.", lines[0]);
        Assert.Equal("", stdout.ToString());
    }
}
