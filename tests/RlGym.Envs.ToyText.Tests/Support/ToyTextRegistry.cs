using RlGym.Core.Registration;

namespace RlGym.Envs.ToyText.Tests.Support;

/// <summary>A registry holding only the toy-text package, as the CLI builds it.</summary>
public static class ToyTextRegistry
{
    public static EnvRegistry Create() => new EnvRegistry().Add(new ToyTextEnvironments());

    public static EnvOptions Options(params string[] items) => EnvOptions.Parse(items);
}
