namespace RlGym.Core.Environments;

/// <summary>Saves and restores the whole state of an environment (wrappers included) as bytes, for checkpoints.</summary>
public static class EnvState
{
    /// <summary>True when <paramref name="env"/> and everything it wraps can save their state.</summary>
    public static bool CanSave(IEnv env) => env is IStatefulEnv { CanSaveState: true };

    /// <summary>The state of <paramref name="env"/> as bytes.</summary>
    public static byte[] Save(IEnv env)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            Of(env).WriteState(writer);
        return stream.ToArray();
    }

    /// <summary>Restores what <see cref="Save"/> returned; the bytes must be read to their end.</summary>
    public static void Restore(IEnv env, byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state, writable: false));
        Of(env).ReadState(reader);
        if (reader.BaseStream.Position != state.Length)
            throw new InvalidDataException($"the saved state of {env} has {state.Length - reader.BaseStream.Position} bytes left over");
    }

    /// <summary>The stateful view of <paramref name="env"/>, or an exception naming the environment that cannot save.</summary>
    public static IStatefulEnv Of(IEnv env) =>
        env is IStatefulEnv { CanSaveState: true } stateful
            ? stateful
            : throw new NotSupportedException($"{env} cannot save its state (it does not implement IStatefulEnv)");
}
