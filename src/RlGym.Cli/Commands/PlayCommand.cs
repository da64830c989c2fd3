using System.CommandLine;
using RlGym.Cli.Games;
using RlGym.Cli.Hosting;
using RlGym.Core.Errors;
using RlGym.Core.MultiAgent;
using RlGym.Rendering.Games;
using RlGym.Rendering.Raylib;
using RlGym.Training.Games;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym play GAME --against PLAYER [--first human|opponent] [--seed N]</c>: a person plays a two-player board game
/// against a player in the window. A click on a cell (tic-tac-toe) or a column (Connect Four), or the keys 1-9 / 1-7,
/// move; a refused move leaves a notice; the opponent's answer is shown with its search's visit count and value per
/// move before its piece lands; at the end the result shows and N starts a new game with the sides swapped; Esc
/// closes and the score is printed. A missing raylib or display is reported before the window opens.
/// </summary>
public sealed class PlayCommand : Command
{
    private readonly Argument<string> _game = new("GAME") { Description = "A two-player board game: TicTacToe-v0 or ConnectFour-v0" };
    private readonly Option<string> _against = new("--against") { Description = "The opponent, e.g. mcts:simulations=200, minimax, random, or a run directory of a trained alphazero", HelpName = "PLAYER", Required = true };
    private readonly Option<string> _first = new("--first") { Description = "Who moves first in the first game: human or opponent (sides swap every new game)", DefaultValueFactory = _ => "human", HelpName = "human|opponent" };
    private readonly Option<long?> _seed = CommonOptions.Seed("Seed of the opponent (default 0)");

    /// <summary>Creates the command.</summary>
    public PlayCommand(CliSession session) : base("play", "Play a board game against a player in a window, with the mouse or the number keys")
    {
        Arguments.Add(_game);
        foreach (var o in new Option[] { _against, _first, _seed }) Options.Add(o);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        string id = parse.GetValue(_game)!;
        string againstText = parse.GetValue(_against)!;
        var specs = PlayerSpec.ParseList(againstText);
        if (specs.Count != 1) throw new UserInputException($"--against names {specs.Count} players; name one opponent, e.g. --against mcts:simulations=200");
        var spec = specs[0];
        string first = parse.GetValue(_first)!.Trim();
        bool humanFirst = first.Equals("human", StringComparison.OrdinalIgnoreCase) || first.Equals("you", StringComparison.OrdinalIgnoreCase);
        if (!humanFirst && !first.Equals("opponent", StringComparison.OrdinalIgnoreCase) && first != spec.Text)
            throw new UserInputException($"--first {first} is not allowed; use human or opponent");
        using var env = session.Envs.Make(id);
        if (env.Unwrapped is not IBoardGame game)
            throw new UserInputException($"{id} is not a two-player board game; play TicTacToe-v0 or ConnectFour-v0");
        // X and O on every board, as the arena's recordings draw them (Connect Four names its players "first" and "second").
        string[] pieces = ["X", "O"];
        var play = game.Accept(new Table(session, id, spec, humanFirst, parse.GetValue(_seed) ?? 0, pieces));
        EnsureWindow();

        new PlayWindow(play, new RaylibWindowOptions(Width: 1000, Height: 600, Title: $"RlGym: {id}, you against {GamePlayers.Label(spec)}", TargetFps: 60)).Run(ct);
        var (human, opponent, draws) = play.Score;
        session.Error.WriteLine($"rlgym: {id}: you {human}, {GamePlayers.Label(spec)} {opponent}, {draws} {(draws == 1 ? "draw" : "draws")}");
        ct.ThrowIfCancellationRequested();
        return 0;
    }

    // The window's own refusals suggest --record, which a game against a person cannot use: these say what play needs.
    private static void EnsureWindow()
    {
        if (!RaylibLibrary.TryLoad(out _))
            throw new UserInputException($"play needs the window, and raylib was not found: build raylib 5 or later as a shared library (or install your system's raylib package), then set {RaylibLibrary.PathVariable} to the path of libraylib.so (raylib.dll, libraylib.dylib)");
        try { RaylibWindow.EnsureCanOpen(); }
        catch (UserInputException)
        {
            throw new UserInputException("play needs the window, and DISPLAY is not set: run on a desktop, or under Xvfb (xvfb-run)");
        }
    }

    private sealed class Table(CliSession session, string id, PlayerSpec spec, bool humanFirst, long seed, IReadOnlyList<string> pieces) : IGameVisitor<IHumanPlay>
    {
        public IHumanPlay Visit<TState, TRules>(TRules rules) where TState : struct where TRules : struct, IGameRules<TState>
        {
            var opponent = GamePlayers.Create<TState, TRules>(session, id, rules, spec, seed);
            return new HumanPlay<TState, TRules>(new HumanMatch<TState, TRules>(rules, opponent, humanFirst), GamePlayers.Label(spec), pieces);
        }
    }
}
