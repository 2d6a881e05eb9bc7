using System.Text;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.UnitTests.Knowledge;

public sealed class KnowledgeTextTests
{
    private const string Document = "Field Trips\n\nQ: Who signs the permission form?\nA: A parent or guardian \u2014 never the student\u2019s \u201cfriend\u201d.\n";

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Document) },
        { "UTF-8 with a byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Document)] },
        { "UTF-16 LE (Notepad's Unicode)", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Document)] },
        { "UTF-16 BE", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Document)] },
        { "UTF-32 LE", [0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes(Document)] },
        { "UTF-32 BE", [0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes(Document)] },
        { "Windows-1252 (Notepad's ANSI)", CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Document) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_document_reads_the_same_in_each_encoding_an_editor_saves(string encoding, byte[] bytes)
    {
        var document = KnowledgeLoader.Parse(bytes, "trips.txt", "trips.txt");

        var section = Assert.Single(document.Sections);
        Assert.True(document.Title == "Field Trips", encoding);
        Assert.Equal("Who signs the permission form?", section.Heading);
        Assert.Equal(["A parent or guardian \u2014 never the student\u2019s \u201cfriend\u201d."], section.Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_byte_order_mark_is_not_text()
    {
        Assert.True(KnowledgeText.TryDecode([0xEF, 0xBB, 0xBF, (byte)'#', (byte)' ', (byte)'T'], out var text, out _, out _));
        Assert.Equal("# T", text);
    }

    [Fact]
    public void A_utf8_file_with_a_broken_byte_is_refused_on_its_line_not_read_as_windows_1252()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Title\n\nQ: Caf\u00e9?\n- yes "), 0x92, (byte)'\n'];

        Assert.False(KnowledgeText.TryDecode(bytes, out _, out var line, out var why));
        Assert.Equal(4, line);
        Assert.Equal("the file is not UTF-8 text", why);
    }

    [Fact]
    public void A_file_marked_utf8_is_never_read_as_windows_1252()
    {
        // No UTF-8 sequence after the mark, which without it would make this Windows-1252.
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("Title\n\nQ: a?\n- it"), 0x92, (byte)'s', (byte)'\n'];

        Assert.False(KnowledgeText.TryDecode(bytes, out _, out var line, out var why));
        Assert.Equal(4, line);
        Assert.Equal("the file is not UTF-8 text", why);
    }

    [Fact]
    public void Nul_bytes_are_not_text_and_the_error_says_why()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Title\n\nQ: a?\n"), 0x00, 0x01, 0x02];

        var ex = Assert.Throws<KnowledgeFormatException>(() => KnowledgeLoader.Parse(bytes, "image.txt", "image.txt"));

        Assert.Equal(4, ex.Line);
        Assert.Contains("NUL bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_without_its_byte_order_mark_is_refused_with_the_reason()
    {
        var ex = Assert.Throws<KnowledgeFormatException>(() => KnowledgeLoader.Parse(Encoding.Unicode.GetBytes(Document), "trips.txt", "trips.txt"));

        Assert.Equal(1, ex.Line);
        Assert.Contains("UTF-16 without its byte order mark", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_over_text_that_does_not_follow_it_is_refused()
    {
        // A UTF-16 mark and then an odd number of bytes: the last character is cut in half.
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Title\n"), (byte)'Q'];

        Assert.False(KnowledgeText.TryDecode(bytes, out _, out var line, out var why));
        Assert.Equal(1, line);
        Assert.Equal("the file is not UTF-16 text, though it starts with UTF-16's byte order mark", why);
    }

    [Fact]
    public void Windows_1252_unassigned_bytes_become_spaces_like_other_controls()
    {
        // 0x81 has no character in Windows-1252; the loader makes every control but line breaks and tabs a space.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Title\n\nQ: Who?\n- A"), 0x81, 0x92, (byte)'s', (byte)'\n'];

        var section = Assert.Single(KnowledgeLoader.Parse(bytes, "odd.txt", "odd.txt").Sections);

        Assert.Equal(["A \u2019s"], section.Passages.Select(p => p.Text));
    }

    [Fact]
    public void Onboarding_questions_saved_as_windows_1252_keep_their_quotes()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("trips.txt", Document);
        var questions = "trips:\n  - section: Who signs the permission form?\n    prompt: \u201cWho signs?\u201d\n    choices: [A parent, The student\u2019s friend]\n    correct: 1\n";
        var path = Path.Combine(folder.Path, "onboarding.yml");
        File.WriteAllBytes(path, CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(questions));
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        var (loaded, errors) = CheckQuestionLoader.Load(path, "onboarding.yml", knowledge);

        Assert.Empty(errors);
        var question = Assert.Single(loaded);
        Assert.Equal("\u201cWho signs?\u201d", question.Prompt);
        Assert.Equal("The student\u2019s friend", question.Choices[1]);
    }
}
