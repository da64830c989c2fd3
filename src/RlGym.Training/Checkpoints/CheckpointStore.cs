using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RlGym.Core.Errors;
using RlGym.Core.Random;

namespace RlGym.Training.Checkpoints;

/// <summary>
/// Keeps a run's checkpoint in <c>checkpoint/checkpoint.bin</c> and replaces it atomically: the new one is written to a
/// temporary file in the same directory, flushed to the disk, then renamed over the old one, so a crash at any moment
/// leaves either the old or the new checkpoint, never a mix.
/// <para>
/// Format (little-endian): the 8 bytes <c>RLGYMCKP</c>, a format version (int32), the payload length (int64), the
/// payload, and the SHA-256 of the payload. A file that is truncated, altered, of another format or version, or taken
/// on another environment or agent is refused with a <see cref="UserInputException"/>, and nothing is written.
/// </para>
/// </summary>
public sealed class CheckpointStore
{
    /// <summary>The checkpoint's file name.</summary>
    public const string FileName = "checkpoint.bin";

    /// <summary>The version written; older versions are refused with a message saying so.</summary>
    public const int FormatVersion = 2;

    private static ReadOnlySpan<byte> Magic => "RLGYMCKP"u8;

    /// <summary>A store in <paramref name="directory"/> (created on first save).</summary>
    public CheckpointStore(string directory)
    {
        Directory = directory;
        FilePath = Path.Combine(directory, FileName);
    }

    /// <summary>The directory holding the checkpoint.</summary>
    public string Directory { get; }

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }

    /// <summary>True when a checkpoint has been saved.</summary>
    public bool Exists => File.Exists(FilePath);

    /// <summary>Replaces the checkpoint atomically.</summary>
    public void Save(Checkpoint checkpoint) => Commit(WriteTemporary(checkpoint));

    /// <summary>Writes the checkpoint to a temporary file next to the real one and flushes it to the disk.</summary>
    internal string WriteTemporary(Checkpoint checkpoint)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var bytes = Serialize(checkpoint);
        var temp = FilePath + ".tmp";
        try
        {
            using var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None);
            fs.Write(bytes);
            fs.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new IOException($"cannot write checkpoint '{temp}': {e.Message}; the previous checkpoint is kept", e);
        }
        return temp;
    }

    /// <summary>Renames the temporary file over the checkpoint (a single rename: atomic on one file system).</summary>
    internal void Commit(string temp) => File.Move(temp, FilePath, overwrite: true);

    /// <summary>Removes the checkpoint, for a run started over with <c>--force</c>.</summary>
    public void Delete()
    {
        TryDelete(FilePath);
        TryDelete(FilePath + ".tmp");
    }

    /// <summary>
    /// Loads the checkpoint. When <paramref name="envId"/> or <paramref name="agentName"/> are given, a checkpoint of
    /// another environment or agent is refused.
    /// </summary>
    public Checkpoint Load(string? envId = null, string? agentName = null)
    {
        if (!Exists) throw new UserInputException($"no checkpoint at '{FilePath}'; start the run without --resume");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(FilePath); }
        catch (IOException e) { throw new UserInputException($"cannot read checkpoint '{FilePath}': {e.Message}", e); }
        var c = Deserialize(bytes, FilePath);
        if (envId is not null && c.EnvId != envId)
            throw new UserInputException($"checkpoint '{FilePath}' belongs to environment '{c.EnvId}', not '{envId}'; use --force to start over");
        if (agentName is not null && c.AgentName != agentName)
            throw new UserInputException($"checkpoint '{FilePath}' belongs to agent '{c.AgentName}', not '{agentName}'; use --force to start over");
        return c;
    }

    /// <summary>The bytes of a checkpoint file.</summary>
    public static byte[] Serialize(Checkpoint c)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(c.EnvId);
            w.Write(c.AgentName);
            w.Write(c.Seed);
            w.Write(c.Episode);
            w.Write(c.TotalSteps);
            w.Write(c.MetricsRows);
            w.Write(c.WallSeconds);
            w.Write(c.BestReturn);
            w.Write(c.LastReturn);
            w.Write(c.BestEvaluation);
            w.Write(c.Seeded);
            w.Write(c.EvaluationStarted);
            WriteRng(w, c.EvaluationRandom);
            w.Write(c.NextCopy);
            w.Write(c.Copies.Count);
            foreach (var copy in c.Copies)
            {
                WriteBytes(w, copy.State);
                WriteRng(w, copy.Random);
                WriteBytes(w, copy.Observation);
                w.Write(copy.Resetting);
                w.Write(copy.Return);
                w.Write(copy.Length);
                WriteBytes(w, copy.PendingAction);
            }
            w.Write(c.Agent.Length);
            w.Write(c.Agent);
        }
        var body = payload.ToArray();
        using var file = new MemoryStream(body.Length + 52);
        using (var w = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write((long)body.Length);
            w.Write(body);
            w.Write(SHA256.HashData(body));
        }
        return file.ToArray();
    }

    /// <summary>Reads checkpoint bytes; <paramref name="source"/> names them in error messages.</summary>
    public static Checkpoint Deserialize(byte[] bytes, string source)
    {
        const int headerLength = 8 + 4 + 8;
        if (bytes.Length < headerLength || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw new UserInputException($"'{source}' is not an RlGym checkpoint");
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (version != FormatVersion)
            throw new UserInputException($"checkpoint '{source}' has format version {version}; this build reads version {FormatVersion}; start the run over with --force");
        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12));
        if (length < 0 || headerLength + length + 32 != bytes.Length)
            throw new UserInputException($"checkpoint '{source}' is truncated or damaged ({bytes.Length} bytes, expected {headerLength + Math.Max(0, length) + 32})");
        var body = bytes.AsSpan(headerLength, (int)length);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(headerLength + (int)length, 32)))
            throw new UserInputException($"checkpoint '{source}' is damaged: its checksum does not match");
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, headerLength, (int)length), Encoding.UTF8);
            var c = new Checkpoint
            {
                EnvId = r.ReadString(),
                AgentName = r.ReadString(),
                Seed = r.ReadInt64(),
                Episode = r.ReadInt32(),
                TotalSteps = r.ReadInt64(),
                MetricsRows = r.ReadInt32(),
                WallSeconds = r.ReadDouble(),
                BestReturn = r.ReadDouble(),
                LastReturn = r.ReadDouble(),
                BestEvaluation = r.ReadDouble(),
                Seeded = r.ReadBoolean(),
                EvaluationStarted = r.ReadBoolean(),
                EvaluationRandom = ReadRng(r),
                NextCopy = r.ReadInt32(),
                Copies = ReadCopies(r),
                Agent = r.ReadBytes(r.ReadInt32()),
            };
            return c;
        }
        catch (EndOfStreamException e)
        {
            throw new UserInputException($"checkpoint '{source}' is damaged: its payload ends early", e);
        }
    }

    private static void WriteRng(BinaryWriter w, RngState? state)
    {
        w.Write(state.HasValue);
        state?.Write(w);
    }

    private static RngState? ReadRng(BinaryReader r) => r.ReadBoolean() ? RngState.Read(r) : null;

    private static void WriteBytes(BinaryWriter w, byte[]? bytes)
    {
        w.Write(bytes?.Length ?? -1);
        if (bytes is not null) w.Write(bytes);
    }

    private static byte[]? ReadBytes(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < -1 || n > r.BaseStream.Length - r.BaseStream.Position) throw new EndOfStreamException();
        return n < 0 ? null : r.ReadBytes(n);
    }

    private static CopyCheckpoint[] ReadCopies(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 1 || n > 1 << 20) throw new EndOfStreamException();
        var copies = new CopyCheckpoint[n];
        for (int i = 0; i < n; i++)
            copies[i] = new CopyCheckpoint
            {
                State = ReadBytes(r),
                Random = ReadRng(r),
                Observation = ReadBytes(r),
                Resetting = r.ReadBoolean(),
                Return = r.ReadDouble(),
                Length = r.ReadInt32(),
                PendingAction = ReadBytes(r),
            };
        return copies;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { }
    }
}
