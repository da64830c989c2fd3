using System.Runtime.InteropServices;

namespace RlGym.Core.Vector;

/// <summary>
/// The counter <see cref="VectorStepThreads"/>' threads share on every step, on a cache line of its own (and none
/// shared with the fields around the struct). The generation each worker waits for travels in its run word instead.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct HandoffCounters
{
    /// <summary>Blocks stepped over all steps so far; each thread adds its count once per step.</summary>
    [FieldOffset(64)] public int Done;
}
