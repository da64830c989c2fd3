using System.Runtime.InteropServices;

namespace RlGym.Core.Vector;

/// <summary>
/// What <see cref="VectorStepThreads"/> shares on every step: the caller writes the generation once per step and every
/// thread counts its finished blocks, so each word gets a cache line of its own (and none shares one with the fields
/// around the struct).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct HandoffCounters
{
    /// <summary>The generation (step number) the workers wait for.</summary>
    [FieldOffset(64)] public int Generation;

    /// <summary>Blocks of the current generation stepped so far.</summary>
    [FieldOffset(128)] public int Done;
}
