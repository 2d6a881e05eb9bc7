using System.Numerics.Tensors;
using System.Text;
using Lucene.Net.Analysis.Miscellaneous;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace GuidelineBot.Search;

/// <summary>
/// all-MiniLM-L6-v2 on our own ONNX Runtime session: WordPiece tokens (Microsoft.ML.Tokenizers), the transformer, mean
/// pooling over the attention mask and L2 normalisation, as sentence-transformers computes it. Many texts are encoded
/// in small batches of similar token length, so memory stays bounded by the batch, not by the number of texts.
/// One instance per process; safe to call from several threads.
/// </summary>
public sealed class MiniLmEncoder : ISemanticEncoder, IDisposable
{
    /// <summary>The model's maximum sequence length (sentence-transformers' <c>max_seq_length</c>), [CLS] and [SEP] included.</summary>
    public const int MaxTokens = 256;

    /// <summary>Length of every vector.</summary>
    public const int Dimensions = 384;

    /// <summary>
    /// A background build of the session starts this long after the question that asked for it, so that question's
    /// reply goes out first: on a one-core server the build (about a second of CPU) would share the core with it.
    /// </summary>
    public static readonly TimeSpan BackgroundBuildDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest pause before another background build after failed ones.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>
    /// At most this many texts per model run when encoding many, with full-precision weights. With int8 weights every
    /// text runs alone: their activations are quantized with one scale per run, so in a batch a text's vector would
    /// depend on the texts beside it (and on their padding). Measured on 100 documents on one core: one text a run took
    /// 158 s against 168 s in batches, and 12 MB less memory (full precision in batches: 184 s).
    /// </summary>
    public const int BatchSize = 32;

    /// <summary>
    /// At most this many (padded) tokens per model run: a run's memory grows with texts × tokens² (attention), so long
    /// texts go in smaller batches. Measured on the server: 512 keeps a corpus build within a few MB of the memory the
    /// loaded model takes anyway, and runs no slower than larger batches on one core (2048 cost 40–200 MB more).
    /// </summary>
    public const int BatchTokens = 512;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly BertTokenizer _tokenizer;
    private readonly SessionOptions _sessionOptions;

    /// <summary>
    /// Created on first use: building the session (loading and optimising the graph) is most of a start-up's cost, and
    /// a start whose vectors all come from the store may answer its first questions without the model.
    /// </summary>
    private InferenceSession? _session;

    private readonly Lock _sessionGate = new();
    private int _preparing;
    private readonly ReaderWriterLockSlim _inUse = new();
    private volatile bool _disposed;
    private int _failedBuilds;
    private readonly TimeProvider _time;
    private readonly ILogger<MiniLmEncoder>? _logger;
    /// <summary>
    /// Where the model file is made and verified (SHA-256 of 59 MB, ≈0.2 s of CPU; made the first time: ≈1.5 s): when the
    /// session is built, not when the encoder is, so a start whose vectors come from the store does not pay for it
    /// before it answers.
    /// </summary>
    private readonly string _modelCacheDirectory;

    /// <summary>How int8 weights are stored: null decides when the session is built (<see cref="ModelQuantizer.SignedWeightsAreExact"/>).</summary>
    private readonly bool? _signedWeights;

    /// <summary>With the model cached in the default folder (<see cref="SearchOptions.ModelCachePath"/>).</summary>
    public MiniLmEncoder()
        : this(new SearchOptions().ModelCachePath)
    {
    }

    /// <param name="modelCacheDirectory">Folder the model file is made in on first use (see <see cref="MiniLmModel"/>).</param>
    /// <param name="precision">The model's weights: 8-bit (quantized once, on first use) or as the package ships them.</param>
    /// <param name="logger">Where a failed background build of the session is reported.</param>
    /// <param name="time">Clock of the background build's delay.</param>
    public MiniLmEncoder(string modelCacheDirectory, ModelPrecision precision = ModelPrecision.Int8, ILogger<MiniLmEncoder>? logger = null,
        TimeProvider? time = null)
    {
        Precision = precision;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        using (var vocabulary = MiniLmModel.OpenVocabulary())
        {
            // bert-base-uncased rules: lower case, combining marks dropped (and see StripAccents), punctuation and CJK split.
            _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions
            {
                LowerCaseBeforeTokenization = true,
                RemoveNonSpacingMarks = true,
                IndividuallyTokenizeCjk = true,
                ApplyBasicTokenization = true,
            });
        }

        _sessionOptions = CreateSessionOptions();
        _modelCacheDirectory = modelCacheDirectory;
    }

    /// <summary>With the int8 weights stored as <paramref name="signedWeights"/> says, whatever <see cref="ModelQuantizer.SignedWeightsAreExact"/> says (for tests).</summary>
    internal MiniLmEncoder(string modelCacheDirectory, bool signedWeights)
        : this(modelCacheDirectory, ModelPrecision.Int8) => _signedWeights = signedWeights;

    /// <summary>Builds the model session now if it is not built yet (or in the background: see <see cref="PrepareInBackground"/>).</summary>
    public void Prepare() => _ = Session;

    public bool IsReady => Volatile.Read(ref _session) is not null;

    /// <summary>The weights this encoder runs with.</summary>
    public ModelPrecision Precision { get; }

    /// <summary>Names its model and weights in vector-cache keys (<see cref="MiniLmModel.ModelId(ModelPrecision)"/>).</summary>
    public string ModelId => MiniLmModel.ModelId(Precision);

    /// <summary>
    /// One build at a time on the thread pool, <see cref="BackgroundBuildDelay"/> after the call; a failed build is tried
    /// again by a later call, after a pause that doubles with every failure (at most <see cref="MaxRetryDelay"/>).
    /// </summary>
    public void PrepareInBackground()
    {
        if (IsReady || _disposed || Volatile.Read(ref _preparing) == 1 || Interlocked.Exchange(ref _preparing, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            var failures = Volatile.Read(ref _failedBuilds);
            try
            {
                var pause = failures == 0 ? BackgroundBuildDelay
                    : TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, BackgroundBuildDelay.Ticks << Math.Min(failures, 20)));
                await Task.Delay(pause, _time);
                Prepare();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not ObjectDisposedException)
            {
                // A later question tries again; meanwhile the lexical stage answers. Logged once, not on every retry.
                if (Interlocked.Increment(ref _failedBuilds) == 1)
                {
                    _logger?.LogWarning(ex, "Could not build the sentence encoder's session; questions are answered lexically until it is built");
                }
            }
            catch (ObjectDisposedException)
            {
                // The server is stopping.
            }
            finally
            {
                Volatile.Write(ref _preparing, 0);
            }
        });
    }

    /// <summary>The session, built by the first caller (a failed build is tried again by the next one).</summary>
    private InferenceSession Session
    {
        get
        {
            if (Volatile.Read(ref _session) is { } session)
            {
                return session;
            }

            lock (_sessionGate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _session ??= new InferenceSession(ModelFile(), _sessionOptions);
            }
        }
    }

    /// <summary>The model file in the cache folder, made there on first use; a folder it cannot be made in is named by its setting.</summary>
    private string ModelFile()
    {
        try
        {
            return MiniLmModel.EnsureModelFile(_modelCacheDirectory, Precision, _signedWeights);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"the model file cannot be made in {_modelCacheDirectory} ({SearchOptions.SectionName}:{nameof(SearchOptions.ModelCachePath)}): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// One intra-op thread (the server answers many questions at once, one per request thread; a second thread per
    /// question only spins), no memory arena and no memory pattern (shapes vary with every text, and an arena keeps
    /// the largest batch's memory for good).
    /// </summary>
    internal static SessionOptions CreateSessionOptions()
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokens = new IReadOnlyList<int>[texts.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = Tokenize(texts[i]);
        }

        // Similar lengths together: each batch is padded only to its own longest member.
        var order = Enumerable.Range(0, tokens.Length).OrderBy(i => tokens[i].Count).ToArray();
        var batches = new List<ArraySegment<int>>();
        var batchSize = Precision == ModelPrecision.Int8 ? 1 : BatchSize;
        for (var start = 0; start < order.Length;)
        {
            // Sorted ascending, so the batch's last member is its longest: grow while the padded batch fits.
            var count = 1;
            while (count < batchSize && start + count < order.Length &&
                   (count + 1) * tokens[order[start + count]].Count <= BatchTokens)
            {
                count++;
            }

            batches.Add(new ArraySegment<int>(order, start, count));
            start += count;
        }

        // Each run uses one thread: many batches (an index build) run side by side on the CPUs this process may use
        // (one when it is pinned to one); a question is one batch on the caller's thread.
        var vectors = new float[tokens.Length][];
        if (batches.Count <= 1 || Environment.ProcessorCount == 1)
        {
            foreach (var batch in batches)
            {
                EncodeBatch(tokens, batch, vectors, cancellationToken);
            }

            return vectors;
        }

        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(batches, parallel, batch => EncodeBatch(tokens, batch, vectors, cancellationToken));
        return vectors;
    }

    /// <summary>Token ids with [CLS] … [SEP], cut to <see cref="MaxTokens"/>.</summary>
    internal IReadOnlyList<int> Tokenize(string text) =>
        _tokenizer.EncodeToIds(StripAccents(text ?? ""), MaxTokens, addSpecialTokens: true, out _, out _);

    /// <summary>
    /// BERT uncased drops accents: "café" is "cafe". It does so by Unicode decomposition, which this process does not
    /// have (invariant globalization: no ICU), so accented letters are folded to their ASCII base by Lucene's folding
    /// table instead; everything else (curly quotes, dashes, CJK) is left to the tokenizer as BERT would see it.
    /// </summary>
    private static string StripAccents(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var folded = new StringBuilder(text.Length);
        var input = new char[1];
        var output = new char[4];
        foreach (var c in text)
        {
            if (c > 127 && char.IsLetter(c))
            {
                input[0] = c;
                folded.Append(output, 0, ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, 1));
            }
            else
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    private void EncodeBatch(IReadOnlyList<int>[] tokens, ReadOnlySpan<int> batch, float[][] vectors, CancellationToken cancellationToken)
    {
        var length = 0;
        foreach (var i in batch)
        {
            length = Math.Max(length, tokens[i].Count);
        }

        var ids = new long[batch.Length * length];
        var mask = new long[batch.Length * length];
        var types = new long[batch.Length * length];
        for (var b = 0; b < batch.Length; b++)
        {
            var t = tokens[batch[b]];
            for (var j = 0; j < t.Count; j++)
            {
                ids[(b * length) + j] = t[j];
                mask[(b * length) + j] = 1;
            }
        }

        long[] shape = [batch.Length, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var cancel = cancellationToken.Register(() => runOptions.Terminate = true);
        // Disposal waits for runs in flight (a background build may still be encoding when the server stops).
        _inUse.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var outputs = Session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
            cancellationToken.ThrowIfCancellationRequested();
            Pool(outputs[0].GetTensorDataAsSpan<float>(), tokens, batch, length, vectors);
        }
        finally
        {
            _inUse.ExitReadLock();
        }
    }

    /// <summary>Mean over the real (unpadded) tokens, then unit length.</summary>
    private static void Pool(ReadOnlySpan<float> hidden, IReadOnlyList<int>[] tokens, ReadOnlySpan<int> batch, int length, float[][] vectors)
    {
        for (var b = 0; b < batch.Length; b++)
        {
            var count = tokens[batch[b]].Count;
            var v = new float[Dimensions];
            for (var j = 0; j < count; j++)
            {
                TensorPrimitives.Add(v, hidden.Slice(((b * length) + j) * Dimensions, Dimensions), v);
            }

            var norm = TensorPrimitives.Norm(v);
            if (norm > 0)
            {
                TensorPrimitives.Divide(v, norm, v);
            }

            vectors[batch[b]] = v;
        }
    }

    public void Dispose()
    {
        _inUse.EnterWriteLock();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            lock (_sessionGate)
            {
                _session?.Dispose();
            }

            _sessionOptions.Dispose();
        }
        finally
        {
            _inUse.ExitWriteLock();
        }
    }
}
