using System.Runtime.InteropServices;
using Google.Protobuf;
using GuidelineBot.Search;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace GuidelineBot.UnitTests.Search;

/// <summary>The quantization on small graphs built here, run through ONNX Runtime before and after.</summary>
public sealed class ModelQuantizerTests
{
    private const int Rows = 48;
    private const int Columns = 24;

    [Fact]
    public void A_matmul_with_a_constant_matrix_runs_on_int8_weights_and_gives_nearly_the_same_output()
    {
        var model = Model(weights: Matrix(seed: 1));
        var input = Input(seed: 2);
        var expected = Run(model, input);

        Assert.Equal(1, ModelQuantizer.Quantize(model));

        var node = Assert.Single(model.Graph.Node);
        Assert.Equal("DynamicQuantizeMatMul", node.OpType);
        Assert.Equal(ModelQuantizer.RuntimeDomain, node.Domain);
        Assert.Equal("y", Assert.Single(node.Output));
        Assert.DoesNotContain(model.Graph.Initializer, t => t.Name == "w");   // the float matrix is gone
        Assert.Equal(Rows * Columns, model.Graph.Initializer.Single(t => t.DataType == (int)TensorProto.Types.DataType.Uint8 && t.Dims.Count == 2).RawData.Length);
        Assert.Contains(model.OpsetImport, o => o.Domain == ModelQuantizer.RuntimeDomain);

        var actual = Run(model, input);
        var scale = expected.Max(Math.Abs);
        var error = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(error < 0.02 * scale, $"largest error {error} against outputs up to {scale}");
        Assert.True(error > 0, "the weights really are quantized");
    }

    [Fact]
    public void Signed_weights_store_the_same_levels_less_128()
    {
        var weights = Matrix(seed: 7);
        var unsigned = Model(weights);
        var signed = Model(weights);

        Assert.Equal(1, ModelQuantizer.Quantize(unsigned));
        Assert.Equal(1, ModelQuantizer.Quantize(signed, signedWeights: true));

        foreach (var suffix in new[] { "_quantized", "_zero_point" })
        {
            var u = unsigned.Graph.Initializer.Single(t => t.Name == "w" + suffix);
            var s = signed.Graph.Initializer.Single(t => t.Name == "w" + suffix);
            Assert.Equal((int)TensorProto.Types.DataType.Uint8, u.DataType);
            Assert.Equal((int)TensorProto.Types.DataType.Int8, s.DataType);
            Assert.Equal(u.RawData.Select(b => b - 128), s.RawData.Select(b => (int)(sbyte)b));
        }

        Assert.Equal(unsigned.Graph.Initializer.Single(t => t.Name == "w_scale").RawData, signed.Graph.Initializer.Single(t => t.Name == "w_scale").RawData);
        if (ModelQuantizer.SignedWeightsAreExact)
        {
            var input = Input(seed: 8);
            Assert.Equal(Run(unsigned, input), Run(signed, input));   // exact products: the same outputs, bit for bit
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_bias_added_to_the_product_is_folded_into_it_with_the_same_outputs(bool signedWeights)
    {
        var weights = Matrix(seed: 9);
        var bias = Input(seed: 10)[..Columns];
        var input = Input(seed: 11);
        var model = WithBias(Model(weights), bias);
        var expected = Run(model, input);

        Assert.Equal(1, ModelQuantizer.Quantize(model, signedWeights));

        var node = Assert.Single(model.Graph.Node);   // the Add is gone
        Assert.Equal("DynamicQuantizeMatMul", node.OpType);
        Assert.Equal(["x", "w_quantized", "w_scale", "w_zero_point", "b"], node.Input);
        Assert.Equal("y", Assert.Single(node.Output));
        var folded = Run(model, input);
        var scale = expected.Max(Math.Abs);
        if (!signedWeights || ModelQuantizer.SignedWeightsAreExact)
        {
            // Signed weights are near the float product only where their kernel is exact (VNNI); elsewhere its 16-bit
            // sums saturate, which is why the encoder stores them signed only there.
            Assert.True(expected.Zip(folded, (e, a) => Math.Abs(e - a)).Max() < 0.02 * scale);
        }

        // The same product with its own Add node after it, as before the fold: the same outputs, bit for bit.
        var unfolded = Model(weights);
        ModelQuantizer.Quantize(unfolded, signedWeights);
        unfolded = WithBias(unfolded, bias);
        Assert.Equal(2, unfolded.Graph.Node.Count);
        Assert.Equal(Run(unfolded, input), folded);
    }

    [Fact]
    public void A_product_that_is_read_elsewhere_too_keeps_its_own_bias_node()
    {
        var bias = Input(seed: 13)[..Columns];
        var model = WithBias(Model(Matrix(seed: 12)), bias);
        model.Graph.Output.Add(new ValueInfoProto { Name = "y_product", Type = FloatType(2, Columns) });

        Assert.Equal(1, ModelQuantizer.Quantize(model));

        Assert.Equal(["DynamicQuantizeMatMul", "Add"], model.Graph.Node.Select(n => n.OpType));
        Assert.Equal(4, model.Graph.Node[0].Input.Count);
        using var session = new InferenceSession(model.ToByteArray());
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(Input(seed: 14), [2, Rows]))]);
        var product = results.Single(r => r.Name == "y_product").AsEnumerable<float>().ToArray();
        var sum = results.Single(r => r.Name == "y").AsEnumerable<float>().ToArray();
        Assert.Equal(product.Select((p, i) => p + bias[i % Columns]), sum);
    }

    [Fact]
    public void Each_column_keeps_its_own_scale_and_zero_point()
    {
        // One column a thousand times larger than the others, one only positive, one only negative: with one scale for
        // the whole matrix the small columns would round to a few levels.
        var weights = Matrix(seed: 3);
        for (var r = 0; r < Rows; r++)
        {
            weights[(r * Columns) + 5] *= 1000;
            weights[(r * Columns) + 6] = Math.Abs(weights[(r * Columns) + 6]);
            weights[(r * Columns) + 7] = -Math.Abs(weights[(r * Columns) + 7]);
        }

        var (values, scales, zeroPoints) = ModelQuantizer.QuantizeColumns(Tensor("w", weights, Rows, Columns));

        Assert.Equal(Columns, scales.Length);
        Assert.Equal(Columns, zeroPoints.Length);
        Assert.Equal(0, zeroPoints[6]);     // only positive: 0 is the lowest level
        Assert.Equal(255, zeroPoints[7]);   // only negative: 0 is the highest
        Assert.InRange(scales[5] / scales[4], 500, 2000);
        for (var c = 0; c < Columns; c++)
        {
            var column = Enumerable.Range(0, Rows).Select(r => values[(r * Columns) + c]).ToArray();
            Assert.True(column.Max() - column.Min() >= 250, $"column {c} uses {column.Min()}–{column.Max()}");
            for (var r = 0; r < Rows; r++)
            {
                Assert.Equal(weights[(r * Columns) + c], (column[r] - zeroPoints[c]) * scales[c], tolerance: scales[c] * 0.51);
            }
        }
    }

    [Fact]
    public void A_column_of_zeros_stays_zero()
    {
        var weights = Matrix(seed: 4);
        for (var r = 0; r < Rows; r++)
        {
            weights[r * Columns] = 0;
        }

        var (values, scales, zeroPoints) = ModelQuantizer.QuantizeColumns(Tensor("w", weights, Rows, Columns));

        Assert.True(scales[0] > 0);
        Assert.All(Enumerable.Range(0, Rows), r => Assert.Equal(zeroPoints[0], values[r * Columns]));
        Assert.All(Enumerable.Range(0, Rows), r => Assert.Equal(0f, (values[r * Columns] - zeroPoints[0]) * scales[0]));
    }

    [Fact]
    public void Other_nodes_and_a_matmul_of_two_activations_are_left_alone()
    {
        var model = Model(weights: null);
        var before = model.ToByteArray();

        Assert.Equal(0, ModelQuantizer.Quantize(model));

        Assert.Equal(before, model.ToByteArray());
    }

    [Fact]
    public void A_matrix_that_something_else_reads_too_stays_for_that_reader()
    {
        var model = Model(weights: Matrix(seed: 5));
        var also = new NodeProto { OpType = "Identity", Name = "also" };
        also.Input.Add("w");
        also.Output.Add("w_copy");
        model.Graph.Node.Add(also);
        model.Graph.Output.Add(new ValueInfoProto { Name = "w_copy", Type = FloatType(Rows, Columns) });

        Assert.Equal(1, ModelQuantizer.Quantize(model));

        Assert.Contains(model.Graph.Initializer, t => t.Name == "w");
        using var session = new InferenceSession(model.ToByteArray());
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(Input(seed: 6), [2, Rows]))]);
        Assert.Equal(Matrix(seed: 5), results.Single(r => r.Name == "w_copy").AsEnumerable<float>().ToArray());
    }

    /// <summary>x [2, Rows] → MatMul by the constant w [Rows, Columns] → y; without weights, x times its own transpose.</summary>
    private static ModelProto Model(float[]? weights)
    {
        var graph = new GraphProto { Name = "test" };
        graph.Input.Add(new ValueInfoProto { Name = "x", Type = FloatType(2, Rows) });
        if (weights is null)
        {
            var transpose = new NodeProto { OpType = "Transpose", Name = "t" };
            transpose.Input.Add("x");
            transpose.Output.Add("xt");
            var product = new NodeProto { OpType = "MatMul", Name = "m" };
            product.Input.Add("x");
            product.Input.Add("xt");
            product.Output.Add("y");
            graph.Node.Add(transpose);
            graph.Node.Add(product);
            graph.Output.Add(new ValueInfoProto { Name = "y", Type = FloatType(2, 2) });
        }
        else
        {
            graph.Initializer.Add(Tensor("w", weights, Rows, Columns));
            var product = new NodeProto { OpType = "MatMul", Name = "m" };
            product.Input.Add("x");
            product.Input.Add("w");
            product.Output.Add("y");
            graph.Node.Add(product);
            graph.Output.Add(new ValueInfoProto { Name = "y", Type = FloatType(2, Columns) });
        }

        var model = new ModelProto { IrVersion = 7, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model;
    }

    /// <summary>The model's output y renamed y_product, and y = y_product + b (a constant with one value per column).</summary>
    private static ModelProto WithBias(ModelProto model, float[] bias)
    {
        var product = model.Graph.Node.Single(n => n.Output.Contains("y"));
        product.Output[0] = "y_product";
        model.Graph.Initializer.Add(Tensor("b", bias, Columns));
        var add = new NodeProto { OpType = "Add", Name = "bias" };
        add.Input.Add("y_product");
        add.Input.Add("b");
        add.Output.Add("y");
        model.Graph.Node.Add(add);
        return model;
    }

    private static float[] Run(ModelProto model, float[] input)
    {
        using var session = new InferenceSession(model.ToByteArray());
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(input, [2, Rows]))]);
        return results.Single(r => r.Name == "y").AsEnumerable<float>().ToArray();
    }

    private static TensorProto Tensor(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        return tensor;
    }

    private static TypeProto FloatType(params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = dim });
        }

        return new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } };
    }

    private static float[] Matrix(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, Rows * Columns).Select(_ => (float)((random.NextDouble() * 2) - 1))];
    }

    private static float[] Input(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 2 * Rows).Select(_ => (float)((random.NextDouble() * 2) - 1))];
    }
}
