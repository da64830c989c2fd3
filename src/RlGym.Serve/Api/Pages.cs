using System.Reflection;

namespace RlGym.Serve.Api;

/// <summary>The pages, scripts and styles, embedded in the assembly (nothing is read from disk to serve them).</summary>
internal sealed class Pages(IReadOnlyDictionary<string, (byte[] Bytes, string ContentType)> files)
{
    public bool TryGet(string name, out (byte[] Bytes, string ContentType) file) => files.TryGetValue(name, out file);

    public static Pages Load(Assembly assembly)
    {
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            string name = resource["wwwroot/".Length..];
            files[name] = (memory.ToArray(), Path.GetExtension(name) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".png" => "image/png",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            });
        }
        return new Pages(files);
    }
}
