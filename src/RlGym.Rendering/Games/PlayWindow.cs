using System.Diagnostics;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Games;

/// <summary>
/// The window where a person plays a board game against a player (<c>rlgym play</c>): the board on the left, the
/// match on the right (<see cref="MatchScene"/>). A left click on a cell (tic-tac-toe) or anywhere in a column (Connect
/// Four) moves there, as do the keys 1-9 / 1-7; N starts a new game with the sides swapped, V hides or shows the
/// search's numbers, Esc (or the close button) closes. The game itself is <see cref="IHumanPlay"/>; this class only
/// turns input into its calls and draws its frame, on the main thread.
/// </summary>
public sealed class PlayWindow(IHumanPlay play, RaylibWindowOptions? options = null, IPlayInput? input = null)
{
    private static readonly RaylibWindowOptions s_defaultOptions = new(Width: 1000, Height: 600);
    private readonly RaylibWindowOptions _options = options ?? s_defaultOptions;
    private readonly IPlayInput _input = input ?? new RaylibPlayInput((options ?? s_defaultOptions).TargetFps);
    private readonly Layout _layout = MatchScene.Layout();

    /// <summary>Frames drawn so far.</summary>
    public long Frames { get; private set; }

    /// <summary>The RGBA pixels (top row first) of the last frame drawn, when <see cref="Run"/> was asked to keep it.</summary>
    public byte[]? LastFrame { get; private set; }

    /// <summary>
    /// Opens the window and plays until Esc, the close button or <paramref name="stop"/>; then waits for an opponent
    /// still searching and closes the window. Throws a <see cref="RlGym.Core.Errors.UserInputException"/> when no
    /// window can open (no raylib, no display).
    /// </summary>
    public void Run(CancellationToken stop = default, bool keepLastFrame = false)
    {
        RaylibWindow.EnsureCanOpen();
        RaylibWindow.Open(_options);
        if (_input.WaitsOutTheFrame) Raylib.Raylib.SetTargetFPS(0);
        var clock = Stopwatch.StartNew();
        var events = new List<PlayInput>();
        bool showValues = true;
        try
        {
            using var canvas = new RaylibCanvas(_options.Width, _options.Height);
            var board = _layout.Split(new Rect(0, 0, _options.Width, _options.Height)).Environment;
            while (!Raylib.Raylib.WindowShouldClose() && !stop.IsCancellationRequested)
            {
                double now = clock.Elapsed.TotalSeconds;
                events.Clear();
                _input.Poll(events);
                foreach (var e in events)
                {
                    if (e.Click)
                    {
                        // A click off the board is no move at all, so it is ignored without a notice.
                        int action = play.Frame.Board is { } frame ? BoardScene.ActionAt(board, frame, e.X, e.Y) : -1;
                        if (action >= 0) play.Move(action, now);
                    }
                    else if (e.Key == RaylibKey.N) play.NewGame(now);
                    else if (e.Key == RaylibKey.V) showValues = !showValues;
                    else
                    {
                        int action = PlayInput.ActionOfKey(e.Key, play.ActionCount);
                        if (action != -1) play.Move(action == -2 ? play.ActionCount : action, now);
                    }
                }
                play.Update(now);
                var view = new ViewState(showValues, false, "", Notice: play.Notice(now));
                Raylib.Raylib.BeginDrawing();
                _layout.Draw(canvas, play.Frame, view);
                if (keepLastFrame) LastFrame = RaylibWindow.ReadScreen(_options.Width, _options.Height);
                Raylib.Raylib.EndDrawing();
                Frames++;
            }
        }
        finally
        {
            play.WaitForOpponent();
            Raylib.Raylib.CloseWindow();
        }
    }
}
