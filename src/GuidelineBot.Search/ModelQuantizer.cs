using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace GuidelineBot.Search;

/// <summary>
/// Dynamic 8-bit quantization of an ONNX model, the way ONNX Runtime's own <c>quantize_dynamic</c> does it for a
/// transformer: every <c>MatMul</c> whose second input is a constant two-dimensional float matrix becomes ONNX
/// Runtime's <c>DynamicQuantizeMatMul</c>, with the matrix stored as 8-bit integers, one scale and zero point per
/// output column; the activations are quantized per run. Everything else (embeddings, layer norms, attention between
/// activations) stays float. For all-MiniLM-L6-v2 that is the 36 matrices of its six layers: the file shrinks from 91
/// to 59 MB, and an encoded question costs ≈30–40 % less CPU (README, "Performance").
/// <para>
/// The 256 levels of a column can be stored unsigned (0–255) or signed (the same levels less 128): the same weights,
/// multiplied by different kernels. Signed weights run on ONNX Runtime's faster unsigned × signed kernel (≈⅓ less CPU
/// per question on a processor with VNNI), whose products are exact only with VNNI: without it the kernel adds pairs
/// of products in 16 bits, which saturate (measured on a random matrix: errors of 15 % instead of under 2 %). So
/// signed weights are used only where <see cref="SignedWeightsAreExact"/>, and the vectors are the same either way.
/// </para>
/// </summary>
public static class ModelQuantizer
{
    /// <summary>The operator domain of ONNX Runtime's contributed operators.</summary>
    public const string RuntimeDomain = "com.microsoft";

    /// <summary>Decided once, on first use (when a session is built, not at start): see <see cref="SignedWeightsAreExact"/>.</summary>
    private static readonly Lazy<bool> SignedWeightsExactness = new(() => VnniByCpuId() && SignedProductsMatchUnsigned());

    /// <summary>
    /// Whether ONNX Runtime multiplies unsigned activations by signed weights exactly on this processor. It does with a
    /// VNNI kernel, which it chooses (MLAS <c>platform.cpp</c>) with AVX512-VNNI when it uses AVX-512 (F, BW, DQ, VL),
    /// otherwise with AVX-VNNI (or with AMX, on processors that have AVX512-VNNI too); where it is unclear whether it
    /// uses one, the answer is no. And because that choice is ONNX Runtime's, not ours, it is also checked: a product
    /// whose pairs would saturate 16 bits must come out the same with signed and with unsigned weights.
    /// </summary>
    public static bool SignedWeightsAreExact => SignedWeightsExactness.Value;

    /// <summary>
    /// Rewrites <paramref name="model"/> in place; returns how many matrices it quantized. <paramref name="signedWeights"/>
    /// stores the same levels as int8 instead of uint8 (see the class summary).
    /// </summary>
    public static int Quantize(ModelProto model, bool signedWeights = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        var constants = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var uses = graph.Node.SelectMany(n => n.Input).Concat(graph.Output.Select(o => o.Name))
            .GroupBy(name => name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var quantized = 0;
        for (var i = 0; i < graph.Node.Count; i++)
        {
            var node = graph.Node[i];
            if (node.OpType != "MatMul" || !string.IsNullOrEmpty(node.Domain) || node.Input.Count != 2 ||
                !constants.TryGetValue(node.Input[1], out var weights) || !IsFloatMatrix(weights))
            {
                continue;
            }

            var (values, scales, zeroPoints) = QuantizeColumns(weights);
            var storedAs = TensorProto.Types.DataType.Uint8;
            if (signedWeights)
            {
                // Level q is stored as q − 128, whose two's-complement byte is q with its top bit flipped.
                FlipTopBits(values);
                FlipTopBits(zeroPoints);
                storedAs = TensorProto.Types.DataType.Int8;
            }

            var rows = weights.Dims[0];
            var columns = weights.Dims[1];
            var name = weights.Name;
            var quantizedWeights = Tensor($"{name}_quantized", storedAs, values, rows, columns);
            var scale = Tensor($"{name}_scale", TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(scales.AsSpan()), columns);
            var zeroPoint = Tensor($"{name}_zero_point", storedAs, zeroPoints, columns);
            // A matrix that something else also reads stays as it is for that reader.
            if (uses.GetValueOrDefault(name) <= 1)
            {
                graph.Initializer.Remove(weights);
                constants.Remove(name);
                // Older exporters also list every constant among the graph's inputs; a removed one must go there too.
                if (graph.Input.FirstOrDefault(input => input.Name == name) is { } listed)
                {
                    graph.Input.Remove(listed);
                }
            }

            graph.Initializer.Add(quantizedWeights);
            graph.Initializer.Add(scale);
            graph.Initializer.Add(zeroPoint);
            var replacement = new NodeProto
            {
                Name = string.IsNullOrEmpty(node.Name) ? $"{name}_DynamicQuantizeMatMul" : $"{node.Name}_quantized",
                OpType = "DynamicQuantizeMatMul",
                Domain = RuntimeDomain,
            };
            replacement.Input.Add(node.Input[0]);
            replacement.Input.Add(quantizedWeights.Name);
            replacement.Input.Add(scale.Name);
            replacement.Input.Add(zeroPoint.Name);
            replacement.Output.Add(node.Output);
            graph.Node[i] = replacement;
            quantized++;
        }

        FoldBiases(graph);

        if (quantized > 0 && !model.OpsetImport.Any(o => o.Domain == RuntimeDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = RuntimeDomain, Version = 1 });
        }

        return quantized;
    }

    /// <summary>
    /// A <c>DynamicQuantizeMatMul</c> whose only reader adds a constant bias (one value per column) takes the bias as its
    /// own optional input and replaces that <c>Add</c>: ONNX Runtime then adds it while it scales the integer products,
    /// instead of in a node of its own. The outputs are the same bit for bit (it multiplies, then adds, as the two nodes
    /// did), and the model runs 30 fewer nodes (the six feed-forward biases had been fused into <c>BiasGelu</c>).
    /// </summary>
    private static void FoldBiases(GraphProto graph)
    {
        var constants = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var readers = graph.Node.SelectMany(n => n.Input.Select(input => (Input: input, Node: n)))
            .ToLookup(x => x.Input, x => x.Node, StringComparer.Ordinal);
        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var product in graph.Node.Where(n => n.OpType == "DynamicQuantizeMatMul" && n.Domain == RuntimeDomain && n.Input.Count == 4).ToList())
        {
            var output = product.Output[0];
            if (graphOutputs.Contains(output) || readers[output].ToList() is not [{ OpType: "Add", Domain: "", Input.Count: 2 } add] ||
                add.Input[0] == add.Input[1] ||
                !constants.TryGetValue(add.Input[0] == output ? add.Input[1] : add.Input[0], out var bias) ||
                bias.DataType != (int)TensorProto.Types.DataType.Float || bias.Dims.Count != 1 ||
                !constants.TryGetValue(product.Input[2], out var scales) || bias.Dims[0] != scales.Dims[0])
            {
                continue;
            }

            product.Input.Add(bias.Name);
            product.Output[0] = add.Output[0];
            graph.Node.Remove(add);
        }
    }

    private static void FlipTopBits(Span<byte> values)
    {
        foreach (ref var value in values)
        {
            value ^= 0x80;
        }
    }

    private static bool VnniByCpuId()
    {
        if (!X86Base.IsSupported || !Avx2.IsSupported)
        {
            return false;
        }

        var (_, features, moreFeatures, _) = X86Base.CpuId(7, 0);
        var (newerFeatures, _, _, _) = X86Base.CpuId(7, 1);
        const int Avx512FDqBwVl = unchecked((int)0xC0030000);
        var avx512Core = (features & Avx512FDqBwVl) == Avx512FDqBwVl;
        var avx512Vnni = (moreFeatures & 0x800) != 0;
        var avxVnni = (newerFeatures & 0x10) != 0;
        // With AVX-512 core, ONNX Runtime uses it when the operating system saves its registers (which
        // Avx512F.IsSupported confirms, unless the .NET runtime was told not to use it): then only AVX512-VNNI is
        // exact. Without AVX-512 core, AVX-VNNI is.
        return avx512Core ? avx512Vnni && (Avx512F.IsSupported || avxVnni) : avxVnni;
    }

    /// <summary>
    /// A product of ones (activations 255, signed weights 127: every pair of products sums to 64,770, past 16 bits) by
    /// ONNX Runtime with both storage forms, for one row and for several (it has kernels for each): the same outputs.
    /// </summary>
    private static bool SignedProductsMatchUnsigned()
    {
        const int Depth = 64;
        const int Columns = 16;
        try
        {
            var unsigned = ProbeModel(Depth, Columns);
            var signed = unsigned.Clone();
            Quantize(unsigned);
            Quantize(signed, signedWeights: true);
            using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
            using var unsignedSession = new InferenceSession(unsigned.ToByteArray(), options);
            using var signedSession = new InferenceSession(signed.ToByteArray(), options);
            foreach (var rows in new[] { 1, 5 })
            {
                var input = new DenseTensor<float>(Enumerable.Repeat(1f, rows * Depth).ToArray(), [rows, Depth]);
                using var expected = unsignedSession.Run([NamedOnnxValue.CreateFromTensor("x", input)]);
                using var actual = signedSession.Run([NamedOnnxValue.CreateFromTensor("x", input)]);
                if (!expected[0].AsEnumerable<float>().SequenceEqual(actual[0].AsEnumerable<float>()))
                {
                    return false;
                }
            }

            return true;
        }
        catch (OnnxRuntimeException)
        {
            return false;
        }
    }

    /// <summary>x [rows, depth] times a constant matrix of ones [depth, columns].</summary>
    private static ModelProto ProbeModel(int depth, int columns)
    {
        var graph = new GraphProto { Name = "signed-weights-probe" };
        graph.Input.Add(new ValueInfoProto { Name = "x", Type = FloatType(-1, depth) });
        graph.Output.Add(new ValueInfoProto { Name = "y", Type = FloatType(-1, columns) });
        graph.Initializer.Add(Tensor("w", TensorProto.Types.DataType.Float,
            MemoryMarshal.AsBytes(Enumerable.Repeat(1f, depth * columns).ToArray().AsSpan()), depth, columns));
        var product = new NodeProto { OpType = "MatMul", Name = "product" };
        product.Input.Add("x");
        product.Input.Add("w");
        product.Output.Add("y");
        graph.Node.Add(product);
        var model = new ModelProto { IrVersion = 7, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model;
    }

    /// <summary>A float tensor type; a dimension below 0 is left free.</summary>
    private static TypeProto FloatType(params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "n" } : new TensorShapeProto.Types.Dimension { DimValue = dim });
        }

        return new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } };
    }

    private static bool IsFloatMatrix(TensorProto tensor) =>
        tensor.DataType == (int)TensorProto.Types.DataType.Float && tensor.Dims.Count == 2 &&
        tensor.Dims[0] > 0 && tensor.Dims[1] > 0 && tensor.ExternalData.Count == 0 &&
        (tensor.FloatData.Count > 0 ? tensor.FloatData.Count : tensor.RawData.Length / sizeof(float)) == tensor.Dims[0] * tensor.Dims[1];

    /// <summary>
    /// Row-major 8-bit values with one scale and zero point per column: each column's range, widened to include 0 (so a
    /// zero weight stays exactly zero), is spread over 0–255.
    /// </summary>
    internal static (byte[] Values, float[] Scales, byte[] ZeroPoints) QuantizeColumns(TensorProto matrix)
    {
        var rows = checked((int)matrix.Dims[0]);
        var columns = checked((int)matrix.Dims[1]);
        // ONNX stores raw data little-endian, as every platform ONNX Runtime runs on is.
        ReadOnlySpan<float> data = matrix.FloatData.Count > 0
            ? matrix.FloatData.ToArray()
            : MemoryMarshal.Cast<byte, float>(matrix.RawData.Span);
        var low = new float[columns];
        var high = new float[columns];
        for (var r = 0; r < rows; r++)
        {
            var row = data.Slice(r * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                low[c] = Math.Min(low[c], row[c]);
                high[c] = Math.Max(high[c], row[c]);
            }
        }

        var scales = new float[columns];
        var zeroPoints = new byte[columns];
        for (var c = 0; c < columns; c++)
        {
            scales[c] = high[c] > low[c] ? (high[c] - low[c]) / byte.MaxValue : 1f;
            zeroPoints[c] = (byte)Math.Clamp((int)MathF.Round(-low[c] / scales[c], MidpointRounding.ToEven), 0, byte.MaxValue);
        }

        var values = new byte[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var q = (int)MathF.Round(data[(r * columns) + c] / scales[c], MidpointRounding.ToEven) + zeroPoints[c];
                values[(r * columns) + c] = (byte)Math.Clamp(q, 0, byte.MaxValue);
            }
        }

        return (values, scales, zeroPoints);
    }

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> data, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.Add(dims);
        return tensor;
    }
}
