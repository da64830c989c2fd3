using RlGym.Core.Registration;

namespace RlGym.Envs.ClassicControl.Tests.Common;

internal static class Registry
{
    public static EnvRegistry Create() => new EnvRegistry().Add(new ClassicControlEnvironments());

    public static EnvOptions Options(params (string Key, string Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Key, v.Value)));
}
