using RlGym.Rendering.Raylib;

namespace RlGym.Rendering.Games;

/// <summary>One thing the person did between two frames: a key went down (a raylib key code), or the left mouse button was pressed at (X, Y) in window pixels.</summary>
public readonly record struct PlayInput(int Key, bool Click, float X, float Y)
{
    /// <summary>A key press.</summary>
    public static PlayInput Press(int key) => new(key, false, 0, 0);

    /// <summary>A left click at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static PlayInput ClickAt(float x, float y) => new(0, true, x, y);

    /// <summary>
    /// The move a key plays in a game of <paramref name="actionCount"/> moves: the digits 1 to 9 (above the letters or
    /// on the keypad) play moves 0 to 8 (tic-tac-toe's cells in reading order, Connect Four's columns from the left);
    /// −1 for any other key. A digit past the last move is −2, so it can be refused with a notice.
    /// </summary>
    public static int ActionOfKey(int key, int actionCount)
    {
        int digit = key is >= RaylibKey.One and <= RaylibKey.Nine ? key - RaylibKey.One + 1
            : key is >= RaylibKey.Keypad1 and <= RaylibKey.Keypad9 ? key - RaylibKey.Keypad1 + 1 : 0;
        return digit == 0 ? -1 : digit <= actionCount ? digit - 1 : -2;
    }
}

/// <summary>Where the play window reads what the person did: raylib's key queue and mouse, or a script in tests.</summary>
public interface IPlayInput
{
    /// <summary>Adds what happened since the last call, in order.</summary>
    void Poll(List<PlayInput> into);
}

/// <summary>The person at the window: raylib's queue of pressed keys (so a quick tap between frames is kept) and left clicks.</summary>
public sealed class RaylibPlayInput : IPlayInput
{
    /// <inheritdoc />
    public void Poll(List<PlayInput> into)
    {
        for (int key = Raylib.Raylib.GetKeyPressed(); key != 0; key = Raylib.Raylib.GetKeyPressed()) into.Add(PlayInput.Press(key));
        if (Raylib.Raylib.IsMouseButtonPressed(0)) into.Add(PlayInput.ClickAt(Raylib.Raylib.GetMouseX(), Raylib.Raylib.GetMouseY()));
    }
}
