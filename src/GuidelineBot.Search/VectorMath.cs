using System.Numerics;
using System.Runtime.CompilerServices;

namespace GuidelineBot.Search;

/// <summary>
/// Dot products of the question vector with stored rows: the whole cost of the nearest-section scan, which reads every
/// heading and passage vector (thousands with a hundred documents) for each encoded question.
/// </summary>
/// <remarks>
/// Compiled fully optimised on first use (<see cref="MethodImplOptions.AggressiveOptimization"/>), because the tiered
/// JIT does not reliably get there on its own: <c>TensorPrimitives.Dot</c>, which this replaced, is a generic method
/// that ReadyToRun does not precompile for the machine's vector width, so it starts as unoptimised tier-0 code, and in a
/// process pinned to one busy core it often stayed so for a whole run of 520 questions (with a hundred documents,
/// 9–12 ms of CPU per question against 7.3–7.7 ms with this). <see cref="Vector{T}"/> is as wide as the CPU allows
/// (8 floats with AVX2).
/// </remarks>
internal static class VectorMath
{
    /// <summary>The dot product of two vectors of the same length (cosine, for unit vectors).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(b));
        }

        var sum = Vector<float>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            }
        }

        var result = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }
}
