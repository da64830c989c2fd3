using System.CommandLine;
using Microsoft.Extensions.Logging;
using RlGym.Cli.Hosting;
using RlGym.Core.Errors;
using RlGym.Serve;
using RlGym.Serve.Security;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym serve [DIR] [--port 8080] [--host 127.0.0.1] [--token [SECRET]]</c>: a live web dashboard of every run
/// under DIR (default <c>runs/</c>), read-only. Listening beyond loopback needs a token; <c>--token</c> without a value
/// generates one and prints the address to open with it.
/// </summary>
public sealed class ServeCommand : Command
{
    private readonly Argument<string?> _dir = new("DIR") { Description = "Folder of run directories (default runs/)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<int> _port = new("--port") { Description = "Port to listen on (0 picks a free one)", DefaultValueFactory = _ => 8080 };
    private readonly Option<string> _host = new("--host") { Description = "Address to listen on; anything but loopback needs --token", DefaultValueFactory = _ => "127.0.0.1" };
    private readonly Option<string?> _token = new("--token")
    {
        Description = "Require this token on every request; without a value one is generated and printed",
        HelpName = "SECRET",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>Creates the command.</summary>
    public ServeCommand(CliSession session) : base("serve", "Watch and compare runs in a browser: a live, read-only dashboard of every run under DIR")
    {
        Arguments.Add(_dir);
        foreach (var o in new Option[] { _port, _host, _token }) Options.Add(o);
        SetAction((parse, ct) => Run(session, parse, ct));
    }

    private async Task<int> Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        string dir = parse.GetValue(_dir) ?? "runs";
        if (!Directory.Exists(dir))
            throw new UserInputException($"'{dir}' is not a folder; give the folder that holds your runs (rlgym train writes them under runs/)");
        string? token = null;
        if (parse.GetResult(_token) is { } given)
        {
            token = parse.GetValue(_token);
            if (string.IsNullOrEmpty(token) && given.Tokens.Count == 0) token = HostAddress.NewToken();
            else if (string.IsNullOrWhiteSpace(token)) throw new UserInputException("--token is empty; give a secret of at least 8 characters, or --token alone to have one generated");
        }
        else if (Environment.GetEnvironmentVariable("RLGYM_TOKEN") is { Length: > 0 } fromEnvironment)
        {
            token = fromEnvironment;
        }
        var envs = session.Envs;
        var options = new DashboardOptions
        {
            RunsDirectory = dir,
            Host = parse.GetValue(_host)!,
            Port = parse.GetValue(_port),
            Token = token,
            RewardThreshold = id => envs.Contains(id) ? envs.Spec(id).RewardThreshold : null,
        };
        await using var server = DashboardServer.Create(options);
        await server.StartAsync(ct);
        // It usually shares the machine with the runs it shows: when both want the CPU, training should win. At normal
        // priority, fifty pages following a run on two cores slowed its training by about 6%.
        var yielding = YieldingPriority.KeepAsync(ct);
        string address = server.Url + (token is null ? "" : "?token=" + token);
        session.Out.WriteLine($"serving {server.RunCount} runs from {server.RunsDirectory} at {address}");
        session.Out.WriteLine(token is null ? "read-only, this machine only; Ctrl+C stops" : "read-only; every request needs the token; Ctrl+C stops");
        session.Out.Flush();
        session.Logger("serve").LogDebug("listening on {Url}", server.Url);
        await server.RunUntilCancelledAsync(ct);
        await yielding;
        return 0;
    }
}
