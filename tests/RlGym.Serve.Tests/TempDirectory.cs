namespace RlGym.Serve.Tests;

/// <summary>A fresh directory under the system's temp folder, deleted at the end of the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rlgym-serve", Guid.NewGuid().ToString("N")[..12]);

    public string Sub(params string[] names) => System.IO.Path.Combine([Path, .. names]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
