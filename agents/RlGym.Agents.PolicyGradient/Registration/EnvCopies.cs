using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Core.Wrappers;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Makes copies of an environment for <see cref="A2CAgent"/>'s extra synchronous environments, without a registry:
/// the bare environment from <c>env.Spec.Factory</c> with the spec's default options, then the wrappers found on the
/// original that change what an agent sees: <see cref="TimeLimit{TObs,TAct}"/> (with the original's limit) and
/// <see cref="OneHotObservation{TAct}"/>. <see cref="OrderEnforcing{TObs,TAct}"/> and
/// <see cref="RecordEpisodeStatistics{TObs,TAct}"/> are left out (they change nothing the agent sees); any other
/// wrapper is refused, since a copy without it would be a different environment. Options given to the original
/// environment (e.g. <c>goal_velocity</c>) are not known here: copies use the spec's defaults.
/// </summary>
public static class EnvCopies
{
    /// <summary>A function making copy i of <paramref name="env"/>; throws <see cref="UserInputException"/> when it cannot be copied.</summary>
    public static Func<int, IEnv<float[], int>> Maker(IEnv env, string agent)
    {
        var spec = env.Spec ?? throw new UserInputException(
            $"{agent} makes copies of the environment from its registry spec and {env} has none; use --set num_envs=1");
        int? limit = null;
        bool oneHot = false;
        IEnv e = env;
        while (!ReferenceEquals(e, e.Unwrapped))
        {
            switch (e)
            {
                case OrderEnforcing<float[], int> o: e = o.Inner; break;
                case OrderEnforcing<int, int> o: e = o.Inner; break;
                case RecordEpisodeStatistics<float[], int> r: e = r.Inner; break;
                case RecordEpisodeStatistics<int, int> r: e = r.Inner; break;
                case TimeLimit<float[], int> t: limit ??= t.MaxEpisodeSteps; e = t.Inner; break;
                case TimeLimit<int, int> t: limit ??= t.MaxEpisodeSteps; e = t.Inner; break;
                case OneHotObservation<int> h when !oneHot: oneHot = true; e = h.Inner; break;
                default:
                    throw new UserInputException(
                        $"{agent} cannot copy {env} for its extra environments ({e.GetType().Name.Split('`')[0]} is not copyable); use --set num_envs=1");
            }
        }
        IEnv Bare() => spec.Factory(new EnvOptions().WithDefaults(spec.DefaultOptions));
        if (oneHot)
            return _ =>
            {
                var inner = (IEnv<int, int>)Bare();
                if (limit is { } m) inner = new TimeLimit<int, int>(inner, m);
                return new OneHotObservation<int>(inner);
            };
        return _ =>
        {
            var copy = Bare() as IEnv<float[], int> ?? throw new UserInputException($"{agent}: {spec.Id} does not have float[] observations and int actions");
            return limit is { } m ? new TimeLimit<float[], int>(copy, m) : copy;
        };
    }
}
