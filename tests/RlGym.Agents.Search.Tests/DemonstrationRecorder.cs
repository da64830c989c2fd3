using System.Globalization;
using System.Text;
using RlGym.Core.Environments;

namespace RlGym.Agents.Search.Tests;

/// <summary>Writes a demonstrator's episodes in the JSON Lines of <c>rlgym rollout</c> (reset line, then one line per step).</summary>
internal static class DemonstrationRecorder
{
    public static string Record<TObs>(IEnv<TObs, int> env, Func<TObs, int> demonstrator, int episodes, long seed, Func<TObs, string> json)
        where TObs : notnull
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        for (int e = 0; e < episodes; e++)
        {
            var obs = env.Reset(e == 0 ? seed : null).Observation;
            text.Append(inv, $"{{\"episode\":{e},\"step\":0,\"observation\":{json(obs)},\"info\":{{}}}}\n");
            for (int t = 1; ; t++)
            {
                int a = demonstrator(obs);
                var r = env.Step(a);
                obs = r.Observation;
                text.Append(inv, $"{{\"episode\":{e},\"step\":{t},\"action\":{a},\"observation\":{json(obs)},\"reward\":{r.Reward.ToString("R", inv)},\"terminated\":{(r.Terminated ? "true" : "false")},\"truncated\":{(r.Truncated ? "true" : "false")}}}\n");
                if (r.Done) break;
            }
        }
        return text.ToString();
    }

    public static string Floats(float[] x) => "[" + string.Join(",", x.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
