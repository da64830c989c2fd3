using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RlGym.Core.Vector;

/// <summary>
/// Arrays whose first element starts a cache line, so that a range of copies that starts at a multiple of 64 shares no
/// line with the range before it: two threads stepping neighbouring ranges then never write to the same line.
/// </summary>
/// <remarks>
/// .NET offers no aligned managed array. An array on the pinned object heap never moves, so its alignment is fixed
/// once it is allocated: this allocates there, and when the first element misses a line boundary it allocates a
/// small filler to move the heap's next free address and tries again. When no try lands on a boundary (the pinned heap
/// may place objects elsewhere) the last array is returned as it is: only speed depends on the alignment. Elements
/// that hold references cannot be pinned; their arrays are ordinary ones.
/// </remarks>
public static class CacheLineArray
{
    /// <summary>The cache line of x64 and arm64 processors, in bytes.</summary>
    public const int LineBytes = 64;

    private const int Tries = 64;

    /// <summary>A zeroed array of <paramref name="length"/> elements whose first element starts a cache line.</summary>
    public static T[] Allocate<T>(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return new T[length];
        var array = GC.AllocateArray<T>(length, pinned: true);
        // Misses and fillers stay alive until the end, so that each try lands somewhere new: in the next hole the heap
        // has, or, once no hole fits, at its end, where a filler of the right size moves the next start onto a line.
        // An array takes 24 bytes of header and length plus its elements, rounded up to 8 (64-bit), and the next object
        // at the heap's end starts right after it. The filler is at least as large as the array, so that it does not
        // drop into a hole too small for the array and leave the end where it was.
        long size = (24 + (long)length * Unsafe.SizeOf<T>() + 7) & ~7L;
        List<Array>? held = null;
        for (int t = 0; t < Tries && Offset(array) != 0; t++)
        {
            held ??= [];
            held.Add(array);
            int gap = (int)((LineBytes - (Offset(array) + size) % LineBytes) % LineBytes);
            long filler = size - 24;
            while ((24 + filler) % LineBytes != gap) filler += 8;
            if (gap != 0 && filler <= Array.MaxLength) held.Add(GC.AllocateUninitializedArray<byte>((int)filler, pinned: true));
            array = GC.AllocateArray<T>(length, pinned: true);
        }
        GC.KeepAlive(held);
        return array;
    }

    /// <summary>
    /// Bytes from the start of the cache line that holds the first element of <paramref name="array"/> to it; 0 for an
    /// empty array. Stable only for arrays that do not move (those of <see cref="Allocate{T}"/> with unmanaged elements).
    /// </summary>
    public static unsafe int Offset<T>(T[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Length == 0) return 0;
        return (int)((nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array)) % LineBytes);
    }
}
