using System.Runtime.InteropServices;

namespace RlGym.Core.Vector;

/// <summary>
/// What <see cref="VectorStepThreads"/> shares on every step. Every thread writes both words on every
/// block, so each gets a cache line of its own (and none shares one with the fields around the struct).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct HandoffCounters
{
    /// <summary>High 32 bits: the generation (step number); low 32 bits: the next unclaimed block of that generation.</summary>
    [FieldOffset(64)] public long Claim;

    /// <summary>Blocks of the current generation stepped so far.</summary>
    [FieldOffset(128)] public int Done;
}
