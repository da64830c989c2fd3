// Trains an agent and draws it in your own raylib loop: the trainer runs on a worker thread, and each frame your
// loop asks for a snapshot of the run and draws it with RlGym's scenes, next to whatever else you draw. raylib is
// loaded at run time (RLGYM_RAYLIB names the library, or it is found on the loader's path), so this builds without
// it; without raylib or a display the program says so in one line and exits with 1.
using RlGym.Agents.Tabular;
using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Envs.ToyText;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Scenes;
using RlGym.Training;

const int width = 1200, height = 600;

try { RaylibWindow.EnsureCanOpen(); }
catch (UserInputException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

// The run: Q-learning on CliffWalking (α = 0.5, γ = 1, ε = 0.1), 500 episodes.
var registry = new EnvRegistry().Add(new ToyTextEnvironments());
using var env = registry.Make<int, int>("CliffWalking-v1");
var agent = new QLearningAgent(48, 4, new QLearningOptions { Alpha = 0.5, Gamma = 1 }, seed: 1);

// The link between the two threads: the loop asks for frames (latest wins, nothing is copied when nobody asks),
// and the gate paces the trainer to the steps per second the loop chooses.
var frames = new SnapshotQueue();
var gate = new TrainingGate(stepsPerSecond: 30);
using var stop = new CancellationTokenSource();
var view = new LiveViewObserver(env, agent, frames, gate, cancellation: stop.Token);
var training = Task.Run(() =>
{
    var result = Trainer.Create(env, agent, new TrainerOptions { Seed = 1, Episodes = 500, Observers = [view] }).Run(stop.Token);
    view.PublishFinal();
    return result;
});

// Your loop. RlGym's scenes draw the grid with the agent's values and, beside it, the dashboard with the learning
// curve; the status line at the bottom is yours, drawn with raylib directly.
var scene = SceneCatalog.WithDashboard(SceneCatalog.For(env));
Raylib.SetConfigFlags(RaylibConfigFlags.Msaa4X);
Raylib.InitWindow(width, height, "RlGym in your raylib loop");
Raylib.SetTargetFPS(60);
using (var canvas = new RaylibCanvas(width, height - 30))
{
    while (!Raylib.WindowShouldClose())
    {
        if (Raylib.IsKeyPressed(RaylibKey.Up)) gate.Faster();
        if (Raylib.IsKeyPressed(RaylibKey.Down)) gate.Slower();
        if (Raylib.IsKeyPressed(RaylibKey.Space)) gate.TogglePause();
        gate.OnFrame(Raylib.GetFrameTime());
        frames.Request();

        var snapshot = frames.Latest ?? FrameSnapshot.Empty;
        var state = new ViewState(ShowValues: true, gate.IsPaused, gate.Describe(), Finished: training.IsCompleted);
        Raylib.BeginDrawing();
        Raylib.ClearBackground(Palette.Background);
        scene.Draw(canvas, new Rect(0, 0, width, height - 30), snapshot, state);
        Raylib.DrawText($"episode {snapshot.Episode}   Up/Down: pace   Space: pause   Esc: quit", 10, height - 24, 18, Palette.Ink);
        Raylib.EndDrawing();
    }
}
Raylib.CloseWindow();

// Closing the window stops the run: the trainer finishes its step and returns.
stop.Cancel();
gate.Release();
var run = await training;
Console.WriteLine($"{run.Episodes} episodes, {run.TotalSteps} steps{(run.Cancelled ? " (stopped when the window closed)" : "")}");
return 0;
