using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace RlGym.Cli.Tests;

/// <summary>
/// Every <c>rlgym …</c> command in README.md runs through the real tool and does what the text beside it says. The
/// commands are read from the README itself, so examples added later are run too: each must exit 0, and a comment
/// that claims "solved" is checked by evaluating the saved agent afresh over 1,000 greedy episodes. Commands that
/// need what a test machine may lack (a window, ffmpeg, a plugin built from the C# sample) are skipped with the
/// reason, and optional parts in brackets (<c>[--json]</c>) are left out. Budgets are run as written.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    /// <summary>One command of the README: its arguments after <c>rlgym</c>, the comment beside it and its line.</summary>
    public sealed record Example(int Line, string Text, string[] Args, string Claim, string? SkipReason)
    {
        public override string ToString() => $"README line {Line}: {Text}";

        /// <summary>Commands that print or check without training: quick enough for the default suite.</summary>
        public bool IsQuick => Args.Length > 0 && Args[0] is "envs" or "check" or "rollout" or "plan" or "agents";

        /// <summary>The comment claims the run's saved agent reaches the reward threshold.</summary>
        public bool ClaimsSolved => Regex.IsMatch(Claim, @"\bsolved\b|reaches the [0-9.]+ (success )?threshold", RegexOptions.IgnoreCase);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RlGym.sln")) && File.Exists(Path.Combine(dir.FullName, "README.md"))) return dir.FullName;
        throw new InvalidOperationException("README.md not found above the test's folder");
    }

    /// <summary>Every command line of <paramref name="readme"/> that calls the tool, in order.</summary>
    public static List<Example> Extract(string readme)
    {
        var examples = new List<Example>();
        var lines = readme.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNumber = i + 1;
            var candidates = new List<string>();
            string trimmed = lines[i].Trim();
            if (Invocation().Match(trimmed) is { Success: true })
            {
                // A trailing backslash continues the command on the next line.
                var sb = new StringBuilder(trimmed);
                while (sb.Length > 0 && sb[^1] == '\\' && i + 1 < lines.Length)
                {
                    sb.Length--;
                    sb.Append(' ').Append(lines[++i].Trim());
                }
                candidates.Add(sb.ToString());
            }
            else
            {
                // Inline code in prose: `rlgym agents`.
                foreach (Match m in InlineCommand().Matches(lines[i])) candidates.Add(m.Groups[1].Value);
            }
            foreach (var text in candidates) examples.Add(Parse(lineNumber, text));
        }
        return examples;
    }

    private static Example Parse(int line, string text)
    {
        var m = Invocation().Match(text);
        string rest = text[m.Length..];
        string claim = "";
        int hash = CommentStart(rest);
        if (hash >= 0)
        {
            claim = rest[(hash + 1)..].Trim();
            rest = rest[..hash];
        }
        // Optional parts, [--json] or [--method policy-iteration], are left out.
        rest = Regex.Replace(rest, @"\[[^\]]*\]", " ");
        var args = Tokenize(rest);
        return new Example(line, text.Trim(), args, claim, SkipReason(args));
    }

    private static int CommentStart(string s)
    {
        bool quoted = false;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '"') quoted = !quoted;
            else if (s[i] == '#' && !quoted && (i == 0 || char.IsWhiteSpace(s[i - 1]))) return i;
        }
        return -1;
    }

    private static string[] Tokenize(string s)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in s)
        {
            if (c == '"') { quoted = !quoted; any = true; continue; }
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any) tokens.Add(current.ToString());
                current.Clear();
                any = false;
                continue;
            }
            current.Append(c);
            any = true;
        }
        if (any) tokens.Add(current.ToString());
        return [.. tokens];
    }

    private static string? SkipReason(string[] args)
    {
        if (args.Any(a => a is "…" or "..." || Regex.IsMatch(a, "^(DIR|ID|N|K|NAME|PATH|FILE)$")))
            return "a placeholder, not a command";
        if (args.Length == 0) return "no command";
        if (args.Contains("--render") || args[0] is "watch" or "play") return "needs raylib and a display";
        if (args.Contains("--plugin")) return "needs a plugin assembly built from the README's C# sample";
        if (args[0] == "bench") return "measures speed for minutes; its figures are measurements, not claims";
        int record = Array.IndexOf(args, "--record");
        if (record >= 0 && record + 1 < args.Length && Path.GetExtension(args[record + 1]) is ".mp4" or ".gif" && !OnPath("ffmpeg"))
            return "needs ffmpeg";
        if (args.Any(a => a.Contains("python", StringComparison.OrdinalIgnoreCase))) return "needs python";
        return null;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));

    [GeneratedRegex(@"^(rlgym|dotnet run --project src/RlGym\.Cli -c Release --)(?=\s|$)")]
    private static partial Regex Invocation();

    [GeneratedRegex(@"`(rlgym [^`]+)`")]
    private static partial Regex InlineCommand();

    private static List<Example> ReadmeExamples() => Extract(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));

    [Fact]
    public void The_extractor_finds_the_readmes_commands_joins_continued_lines_and_reads_claims()
    {
        var examples = Extract("""
            Text with `rlgym agents` inline.
            ```
            rlgym train FrozenLake-v1 --agent q-learning --set epsilon=1 \
                --steps 10   # ε decays; solved
            rlgym eval runs/x [--episodes 100] [--json]
            rlgym train CartPole-v1 --wrap "discretize:bins=6,low=-2.4;-3" # quoted
            ```
                dotnet run --project src/RlGym.Cli -c Release -- train
            """);
        Assert.Equal(5, examples.Count);
        Assert.Equal(["agents"], examples[0].Args);
        Assert.Equal(["train", "FrozenLake-v1", "--agent", "q-learning", "--set", "epsilon=1", "--steps", "10"], examples[1].Args);
        Assert.True(examples[1].ClaimsSolved);
        Assert.Equal(["eval", "runs/x"], examples[2].Args);
        Assert.Equal("discretize:bins=6,low=-2.4;-3", examples[3].Args[^1]);
        Assert.Equal(["train"], examples[4].Args);
        Assert.True(ReadmeExamples().Count >= 20, "the README's commands were not found");
    }

    /// <summary>The commands that only print (envs, agents, rollout, plan, check): in the default suite.</summary>
    [Fact]
    public async Task Readme_commands_that_do_not_train_exit_0()
    {
        var failures = new List<string>();
        foreach (var example in ReadmeExamples().Where(e => e.SkipReason is null && e.IsQuick))
        {
            // In-process, without the tests' plugin (whose environments are broken on purpose).
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = await RlGymApp.RunAsync(example.Args, stdout, stderr);
            if (code != 0) failures.Add($"{example}: exit {code}: {stderr.ToString().Trim()}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Every command in order, as a user would type them, in one working folder (later commands use the runs of
    /// earlier ones): each exits 0, and "solved" is checked on the saved agent.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Every_readme_command_runs_in_order_and_does_what_its_comment_claims()
    {
        using var work = new TempDirectory();
        var failures = new List<string>();
        var skipped = new List<string>();
        foreach (var example in ReadmeExamples())
        {
            if (example.SkipReason is { } reason)
            {
                skipped.Add($"{example}: {reason}");
                continue;
            }
            var r = RunProcess(work.Path, example.Args);
            if (r.ExitCode != 0)
            {
                failures.Add($"{example}: exit {r.ExitCode}: {r.Error.Trim()}");
                continue;
            }
            if (!example.ClaimsSolved) continue;
            var dir = Regex.Match(r.Error, @"run directory (\S+);");
            if (!dir.Success)
            {
                failures.Add($"{example}: claims solved but names no run directory");
                continue;
            }
            var eval = RunProcess(work.Path, ["eval", dir.Groups[1].Value, "--episodes", "1000"]);
            if (eval.ExitCode != 0 || !eval.Out.Contains("; solved:", StringComparison.Ordinal))
                failures.Add($"{example}: claims solved, but the saved agent evaluated afresh says: {eval.Out.Trim()} {eval.Error.Trim()}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\nskipped:\n" + string.Join("\n", skipped));
    }

    private static CliRun.Result RunProcess(string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rlgym.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = new Process { StartInfo = start };
        var stderr = new StringBuilder();
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.Append(e.Data).Append('\n'); };
        p.Start();
        p.BeginErrorReadLine();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        lock (stderr) return new CliRun.Result(p.ExitCode, stdout, stderr.ToString());
    }
}
