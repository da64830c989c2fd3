namespace RlGym.Training.Tests.Support;

/// <summary>Reads a metrics file's lines with the wall_seconds column (the only nondeterministic one) blanked.</summary>
public static class MetricsFile
{
    public static string[] WithoutWallTime(string path) =>
        File.ReadAllLines(path).Select(line =>
        {
            var cols = line.Split(',');
            cols[5] = "";
            return string.Join(",", cols);
        }).ToArray();
}
