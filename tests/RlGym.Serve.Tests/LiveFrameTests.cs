using System.Diagnostics;
using RlGym.Core.Environments;
using RlGym.Envs.ToyText;
using RlGym.Rendering.Live;
using RlGym.Serve.Runs;

namespace RlGym.Serve.Tests;

/// <summary>The trainer's side of live frames: nothing is drawn unless asked, and asking gets the current state.</summary>
public sealed class LiveFrameTests
{
    private static IEnv MakeFrozenLake() => new Core.Registration.EnvRegistry().Add(new ToyTextEnvironments()).Make("FrozenLake-v1");

    [Fact]
    public async Task A_run_draws_frames_only_when_asked_and_at_most_five_a_second()
    {
        using var tmp = new TempDirectory();
        using var env = MakeFrozenLake();
        using var publisher = new LiveFramePublisher(env, agent: null, tmp.Path);
        Assert.True(publisher.IsListening);
        Assert.True(File.Exists(Path.Combine(tmp.Path, LiveFrameSocket.FileName)));

        using var stop = new CancellationTokenSource();
        var trainer = Task.Run(() =>
        {
            long steps = 0;
            env.ResetBoxed(seed: 0);
            while (!stop.IsCancellationRequested)
            {
                var r = env.StepBoxed(env.ActionSpace.SampleBoxed());
                publisher.OnStep(env, r.Observation, ++steps);
                if (r.Terminated || r.Truncated) publisher.OnEpisodeStart(env, env.ResetBoxed().Observation);
            }
        });
        await Task.Delay(300);
        Assert.Equal(0, publisher.FramesDrawn);

        using var client = new LiveFrameClient(publisher.SocketPath);
        Assert.True(await client.IsAliveAsync(CancellationToken.None));
        var clock = Stopwatch.StartNew();
        int received = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            var png = await client.FrameAsync(CancellationToken.None);
            Assert.NotNull(png);
            Assert.Equal(0x89, png[0]);
            Assert.Equal((byte)'P', png[1]);
            received++;
        }
        stop.Cancel();
        await trainer;
        // Two seconds of asking as fast as possible: the client's cache and the run's interval keep it to ≤ 5 a second.
        Assert.True(received > 1);
        Assert.InRange(publisher.FramesDrawn, 1, 11);
    }

    [Fact]
    public async Task A_run_that_ended_is_not_alive_and_leaves_no_socket()
    {
        using var tmp = new TempDirectory();
        using var env = MakeFrozenLake();
        var publisher = new LiveFramePublisher(env, agent: null, tmp.Path);
        using var client = new LiveFrameClient(publisher.SocketPath);
        Assert.True(await client.IsAliveAsync(CancellationToken.None));
        publisher.Dispose();
        Assert.False(File.Exists(publisher.SocketPath));
        Assert.False(await client.IsAliveAsync(CancellationToken.None));
        Assert.Null(await client.FrameAsync(CancellationToken.None));
    }
}
