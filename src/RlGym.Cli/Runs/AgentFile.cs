using RlGym.Core.Errors;

namespace RlGym.Cli.Runs;

/// <summary>
/// Loads a saved agent whatever its format: a file that the agent cannot read (cut short, overwritten, written by
/// another agent or version) is the user's to fix, so it becomes one line naming the file, never a crash.
/// </summary>
public static class AgentFile
{
    /// <summary>Runs <paramref name="load"/>; a failure to read <paramref name="path"/> becomes a <see cref="UserInputException"/>.</summary>
    public static void Load(string path, string agent, Action load)
    {
        try
        {
            load();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new UserInputException(
                $"cannot load {agent} from '{path}': the file is damaged or was not written by this agent and version; train again, or restore the file", e);
        }
    }

    // A file that cannot be opened (permissions, a folder in its place) is reported as such by the caller; anything
    // thrown while reading the agent's bytes means the bytes are wrong.
    private static bool IsDamage(Exception e) => e switch
    {
        UserInputException or OperationCanceledException or OutOfMemoryException => false,
        EndOfStreamException or InvalidDataException => true,
        IOException or UnauthorizedAccessException => false,
        _ => true,
    };
}
