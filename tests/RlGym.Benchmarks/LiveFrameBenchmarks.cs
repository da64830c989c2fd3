using BenchmarkDotNet.Attributes;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Envs.ClassicControl;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Skia;
using RlGym.Training.Metrics;

namespace RlGym.Benchmarks;

/// <summary>
/// What a training run pays so that <c>rlgym serve</c> can show it: the live-frame observer's cost per step when
/// nobody watches (against an observer that does nothing), and the cost of one frame when somebody does (drawn on
/// the publisher's own thread, at most five a second).
/// </summary>
[MemoryDiagnoser]
public class LiveFrameBenchmarks
{
    private const int Steps = 1000;
    private IEnv _env = null!;
    private LiveFramePublisher _publisher = null!;
    private ITrainingObserver _nothing = null!;
    private object _observation = null!;
    private FrameRenderer _renderer = null!;
    private FrameSnapshot _snapshot = null!;
    private string _dir = null!;

    private sealed class NothingObserver : ITrainingObserver;

    [GlobalSetup]
    public void Setup()
    {
        _env = new EnvRegistry().Add(new ClassicControlEnvironments()).Make("CartPole-v1");
        _observation = _env.ResetBoxed(seed: 0).Observation;
        _dir = Path.Combine(Path.GetTempPath(), "rlgym-bench-live-" + Environment.ProcessId);
        Directory.CreateDirectory(_dir);
        _publisher = new LiveFramePublisher(_env, agent: null, _dir);
        _nothing = new NothingObserver();
        _renderer = new FrameRenderer(new Layout(SceneCatalog.For(_env), dashboard: null), 600, 600);
        _snapshot = new LiveViewObserver(_env, null).Capture(_observation);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _publisher.Dispose();
        _renderer.Dispose();
        _env.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public void Step_observer_that_does_nothing()
    {
        for (int i = 0; i < Steps; i++) _nothing.OnStep(_env, _observation, i);
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public void Step_live_frames_nobody_watching()
    {
        for (int i = 0; i < Steps; i++) _publisher.OnStep(_env, _observation, i);
    }

    [Benchmark]
    public byte[] One_frame_drawn_for_a_viewer() => _renderer.RenderPng(_snapshot);
}
