using Orleans.Runtime;

namespace RlGym.Sweeps.Cluster;

/// <summary>
/// A claim on a trial's run directory in the shared store, <c>trials/&lt;id&gt;.lock</c> holding the owning worker's
/// silo address, so that two workers never train the same trial at once, even when the queue lost its state and
/// handed out a job that is still running. A claim of a silo the cluster declared dead is taken over: the stale file is
/// first renamed away (one rename wins), so two workers taking over together cannot both succeed.
/// </summary>
public static class TrialLock
{
    /// <summary>The lock file of the run directory <paramref name="trialDirectory"/>.</summary>
    public static string PathOf(string trialDirectory) => trialDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".lock";

    /// <summary>
    /// Claims the directory for <paramref name="me"/>. Returns null when claimed, or the live owner that holds it.
    /// </summary>
    public static SiloAddress? TryClaim(string trialDirectory, SiloAddress me, Func<SiloAddress, bool> isAlive)
    {
        string path = PathOf(trialDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            // Written aside and moved into place (a link on Unix, which fails when the file exists), so a reader never sees a half-written claim.
            string temp = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, me.ToParsableString());
            try
            {
                File.Move(temp, path, overwrite: false);
                return null;
            }
            catch (IOException) when (File.Exists(path))
            {
                TryDelete(temp);
                SiloAddress? owner = ReadOwner(path);
                if (owner is not null && (owner.Equals(me) || isAlive(owner))) return owner;
                try { File.Move(path, $"{path}.stale-{Guid.NewGuid():N}"); }
                catch (FileNotFoundException) { }
                foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".stale-*"))
                    TryDelete(stale);
            }
        }
        return ReadOwner(path) ?? me;
    }

    /// <summary>Releases a claim of <paramref name="me"/>.</summary>
    public static void Release(string trialDirectory, SiloAddress me)
    {
        string path = PathOf(trialDirectory);
        if (ReadOwner(path) is { } owner && owner.Equals(me)) TryDelete(path);
    }

    private static SiloAddress? ReadOwner(string path)
    {
        try { return SiloAddress.FromParsableString(File.ReadAllText(path).Trim()); }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or IndexOutOfRangeException) { return null; }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { }
    }
}
