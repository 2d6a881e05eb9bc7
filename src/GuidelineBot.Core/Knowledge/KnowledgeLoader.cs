using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>Folder with the guideline documents, relative to the current directory.</summary>
    public string Path { get; set; } = "knowledge";

    /// <summary>The synonym file's usual name, never a document (beside another configured file it is an old list, not guidelines).</summary>
    public const string DefaultSynonymsFile = "synonyms.txt";

    /// <summary>Solr-format synonym file inside <see cref="Path"/>; not a document.</summary>
    public string SynonymsFile { get; set; } = DefaultSynonymsFile;

    /// <summary>
    /// How often the running server checks the folder for changes besides its file watcher (mounted volumes such as
    /// Kubernetes ConfigMaps swap a symlink and may raise no watcher event). Changes take effect within this plus the
    /// time to rebuild the index.
    /// </summary>
    [Range(0.1, 60, ErrorMessage = "Knowledge:PollSeconds must be between {1} and {2}.")]
    public double PollSeconds { get; set; } = 2;
}

/// <summary>Reads every <c>*.txt</c> and <c>*.md</c> under the knowledge folder into documents.</summary>
public static partial class KnowledgeLoader
{
    /// <summary>
    /// Whether a file setting (<c>Knowledge:SynonymsFile</c>, <c>Onboarding:QuestionsFile</c>) names a file inside the
    /// knowledge folder: a rooted path or one that climbs out with <c>..</c> would be read, but never watched, and would
    /// be shown as a file of the folder.
    /// </summary>
    public static bool IsInsideFolder(string? file)
    {
        if (string.IsNullOrWhiteSpace(file) || System.IO.Path.IsPathRooted(file))
        {
            return false;
        }

        var root = System.IO.Path.GetFullPath("/knowledge/");
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(root, file)).StartsWith(root, StringComparison.Ordinal);
    }

    /// <summary>Why the knowledge folder cannot be loaded because it is not there, or null when it is.</summary>
    public static string? MissingFolder(KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = System.IO.Path.GetFullPath(options.Path);
        return Directory.Exists(root) ? null
            : File.Exists(root) ? $"knowledge folder '{options.Path}' is a file, not a folder ({root}): set Knowledge:Path to the folder of guideline documents"
            : $"knowledge folder '{options.Path}' not found (looked in {root}): set Knowledge:Path to the folder of guideline documents";
    }

    /// <summary>The knowledge folder as citations and warnings name it: its own name ("knowledge"), never its absolute path.</summary>
    public static string FolderName(KnowledgeOptions options) =>
        System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(options.Path)));

    /// <summary>Loads the folder. A missing folder throws <see cref="DirectoryNotFoundException"/>; a bad file is reported, not thrown.</summary>
    /// <param name="options">The folder and its settings.</param>
    /// <param name="live">
    /// The documents answering now (a reload). Of two files with one document id the first path always takes it, so that
    /// every replica and every restart agree; when that takes a live document's id (good.txt live, good.md added), the
    /// warning on the live file says the other answers in its place now (it was the ordinary "not loaded" warning).
    /// </param>
    public static KnowledgeBase Load(KnowledgeOptions options, IReadOnlyList<GuidelineDocument>? live = null)
    {
        var root = System.IO.Path.GetFullPath(options.Path);
        if (MissingFolder(options) is { } missing)
        {
            throw new DirectoryNotFoundException(missing);
        }

        var documents = new List<GuidelineDocument>();
        var errors = new List<KnowledgeError>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal) { [ExpertAnswersDocument.DocumentId] = "the approved expert answers in the store" };
        var listed = KnowledgeFiles.List(root);
        // Citations and warnings name a file under the knowledge folder's own name, never a server's absolute path.
        var folderName = FolderName(options);
        string Display(string path) => Printable(folderName + "/" + System.IO.Path.GetRelativePath(root, path).Replace('\\', '/'));
        errors.AddRange(listed.Skipped.Select(s => new KnowledgeError(Display(s.Path), 0, s.Reason)));
        errors.AddRange(listed.Files.Select(f => (File: f, Why: NotReadDocument(f))).Where(f => f.Why is not null)
            .Select(f => new KnowledgeError(Display(f.File), 0, f.Why!)));

        // The synonym file (Knowledge:SynonymsFile, a name or a path inside the folder) is no document, nor is any other
        // synonyms.txt: beside another configured synonym file, read as a guideline, its lists of words were answers.
        var synonymsFile = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, options.SynonymsFile));
        bool IsSynonymsFile(string file) => string.Equals(System.IO.Path.GetFullPath(file), synonymsFile, StringComparison.OrdinalIgnoreCase);
        errors.AddRange(listed.Files.Where(f => IsDefaultSynonymsName(f) && !IsSynonymsFile(f)).Select(f => new KnowledgeError(Display(f), 0,
            $"not read: the synonyms are in {options.SynonymsFile} (Knowledge:SynonymsFile), and a {KnowledgeOptions.DefaultSynonymsFile} is never a document")));

        if (!options.SynonymsFile.Equals(KnowledgeOptions.DefaultSynonymsFile, StringComparison.OrdinalIgnoreCase) && !File.Exists(synonymsFile))
        {
            // Deleting synonyms.txt is how to use none; a file named by Knowledge:SynonymsFile that is not there is a slip.
            errors.Add(new KnowledgeError(Display(synonymsFile), 0, "not found: Knowledge:SynonymsFile names it, so no synonyms are used") { Loaded = true });
        }

        foreach (var file in listed.Files.Where(f => IsDocumentType(f) && !IsSynonymsFile(f) && !IsDefaultSynonymsName(f)))
        {
            var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
            var display = Display(file);
            if (relative.Any(char.IsControl))
            {
                // A line break in a name would split the buttons' values and the logs' lines that carry the id.
                errors.Add(new KnowledgeError(display, 0, "has a control character (such as a line break) in its name, so it is not loaded: rename it"));
                continue;
            }

            // good.md and good.txt: ids (and section ids, votes, acknowledgements) would be ambiguous. The first path takes the
            // id even when it does not parse, so the other never stands in for it.
            var id = DocumentId(relative);
            if (ids.TryGetValue(id, out var first))
            {
                errors.Add(new KnowledgeError(display, 0, live?.Any(d => d.Id == id && d.SourceFile == display) == true
                    ? $"has the same document id '{id}' as {first} (its path without the extension), which answers in its place from now on: rename one of them"
                    : $"has the same document id '{id}' as {first} (its path without the extension), so it is not loaded: rename one of them"));
                continue;
            }

            ids[id] = display;
            try
            {
                var document = LoadFile(file, relative, display);
                documents.Add(document);
                errors.AddRange(RepeatedHeadings(document));
            }
            catch (KnowledgeFormatException ex)
            {
                errors.Add(new KnowledgeError(display, ex.Line, ex.Message));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new KnowledgeError(display, 0, ReadError(ex, root)));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A fault of the parsers on some unforeseen text stops this file, never the others or the start.
                errors.Add(new KnowledgeError(display, 0, $"could not be read ({ex.GetType().Name}: {ex.Message}); the other documents are loaded"));
            }
        }

        return new KnowledgeBase(documents, errors) { SynonymsHash = HashSynonyms(ReadSynonyms(options)) };
    }

    /// <summary>
    /// A warning (the document still loads) for each section whose heading an earlier section of the same document
    /// already has, under the same heading if any: a topic is asked by its heading (the "Related topics" buttons, a question that names it), so
    /// only one of the two can be found that way.
    /// </summary>
    private static IEnumerable<KnowledgeError> RepeatedHeadings(GuidelineDocument document)
    {
        var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in document.Sections.Where(s => !s.IsIntroduction))
        {
            // Under different headings ("Elementary › Chaperones", "High schools › Chaperones") they are told apart.
            var heading = section.HeadingPath.Trim();
            if (!first.TryAdd(heading, section.StartLine))
            {
                yield return new KnowledgeError(document.SourceFile, section.StartLine,
                    $"the heading \"{heading}\" is the same as line {first[heading]}'s; a topic is asked by its heading, so only one of the two can be found that way (both are loaded): tell them apart or merge them")
                {
                    Loaded = true,
                };
            }
        }
    }

    /// <summary>The synonym file's text, or null when there is none.</summary>
    public static string? ReadSynonyms(KnowledgeOptions options)
    {
        return ReadText(System.IO.Path.Combine(options.Path, options.SynonymsFile));
    }

    /// <summary>The hash a synonym file's text adds to <see cref="KnowledgeBase.Version"/> (null for no file).</summary>
    public static string? HashSynonyms(string? text) =>
        text is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Parses one document from its bytes (exposed for tests and tools).</summary>
    /// <param name="headedIntroduction">
    /// A first section headed as the introduction is the introduction (<see cref="DocumentParser.WithIntroduction"/>):
    /// so for documents people write, not for one the bot renders from expert answers, whose headings are questions.
    /// </param>
    public static GuidelineDocument Parse(byte[] bytes, string relativePath, string displayPath, bool headedIntroduction = true)
    {
        if (!KnowledgeText.TryDecode(bytes, out var text, out var badLine, out var why))
        {
            throw new KnowledgeFormatException(badLine, why);
        }

        var content = WithoutLigatures(WithoutControls(text));
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new KnowledgeFormatException(1, "the file is empty");
        }

        // A Rich Text document saved under a text file's name is read as the text it holds.
        var rich = RtfText.IsRtf(content);
        content = rich ? RtfText.ToText(content) : content;
        // An earlier FAQ bot's knowledge file ("- question: …" over "answer: |") is read as the Markdown it stands for.
        var faq = rich ? null : YamlFaq.AsMarkdown(content);
        content = faq ?? content;
        // Markdown saved as .txt ("# Title" over "## Section" headings) is read as Markdown.
        var isMarkdown = faq is not null || !rich && relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || PlainTextParser.IsMarkdown(content);
        var parsed = isMarkdown ? MarkdownParser.Parse(content) : PlainTextParser.Parse(content);
        parsed = headedIntroduction ? DocumentParser.WithIntroduction(parsed) : parsed;
        var id = DocumentId(relativePath);
        var title = parsed.Title ?? TitleFromFileName(id);
        if (headedIntroduction && parsed.Sections is [{ IsIntroduction: true } only])
        {
            // A document without headings ("All staff working a field day … Wear the staff T-shirt …"): its text is what
            // it says, not an introduction to other sections, and it is headed by the document's name.
            parsed = parsed with { Sections = [only with { Heading = title, IsIntroduction = false }] };
        }

        var url = parsed.Metadata.SourceUrl;
        var sections = parsed.Sections
            .Select((s, i) => new GuidelineSection($"{id}#{i}", id, title, s.Heading, s.Passages, displayPath,
                s.StartLine, Math.Max(s.StartLine, s.EndLine), url, s.IsIntroduction, s.ParentHeading, parsed.Metadata))
            .ToArray();
        return new GuidelineDocument(id, title, displayPath, Convert.ToHexStringLower(SHA256.HashData(bytes)), parsed.Metadata, sections);
    }

    /// <summary>
    /// A text file of the knowledge folder (<c>synonyms.txt</c>, <c>onboarding.yml</c>): null when there is none, empty
    /// when it has no size (which is also what a pipe or a device reports: reading one would block the load or never
    /// end). Over <see cref="MaxFileBytes"/> throws <see cref="IOException"/>. A symlink is measured at its target.
    /// </summary>
    public static string? ReadText(string path) => RealLength(path) switch
    {
        null => null,
        0 => "",
        > MaxFileBytes and var length => throw new IOException($"{System.IO.Path.GetFileName(path)} is {length / (1024 * 1024)} MB; at most {MaxFileBytes / (1024 * 1024)} MB is read"),
        _ => Decode(File.ReadAllBytes(path)),
    };

    /// <summary>A settings file's text, read as documents are; what is not text is read as UTF-8 with its bad bytes replaced.</summary>
    private static string Decode(byte[] bytes) =>
        KnowledgeText.TryDecode(bytes, out var text, out _, out _) ? text : Encoding.UTF8.GetString(bytes);

    /// <summary>The length of the file at <paramref name="path"/>, measured at a symlink's final target; null when there is none.</summary>
    private static long? RealLength(string path) => RealFile(new FileInfo(path)) is { Exists: true } real ? real.Length : null;

    /// <summary>
    /// <paramref name="info"/> itself, or the file its symlinks finally point to (a ConfigMap's files are symlinks, and a
    /// symlink's own length is that of its target's path).
    /// </summary>
    public static FileInfo RealFile(FileInfo info) =>
        info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;

    /// <summary>A document's id: its path under the knowledge folder without the extension.</summary>
    private static string DocumentId(string relativePath) => relativePath[..^System.IO.Path.GetExtension(relativePath).Length];

    /// <summary>A guideline document's size limit: a policy is a few hundred KB at most; 16 MB is surely a mistake.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Reads one file. Its size is checked first: a pipe or a device (which have no size) would otherwise block the load
    /// or never end, and an empty file has nothing to read either.
    /// </summary>
    private static GuidelineDocument LoadFile(string path, string relative, string display)
    {
        var length = RealLength(path) ?? 0;
        if (length == 0 && System.IO.Path.GetFileName(path).Contains('\uFFFD', StringComparison.Ordinal) && !File.Exists(path))
        {
            // A name in another encoding than UTF-8 (Latin-1 "café.txt" off an old share) comes through with U+FFFD for its
            // letter, and no file has that name.
            throw new KnowledgeFormatException(0, "the file's name is not valid UTF-8, so it cannot be opened: rename it");
        }

        if (length == 0)
        {
            throw new KnowledgeFormatException(1, "the file is empty (or not a regular file)");
        }

        if (length > MaxFileBytes)
        {
            // (Whole megabytes said "the file is 16 MB; … at most 16 MB" of a file a little over.)
            throw new KnowledgeFormatException(0, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the file is {length / (1024.0 * 1024):0.0} MB ({length:N0} bytes); a guideline document may have at most {MaxFileBytes / (1024 * 1024)} MB ({MaxFileBytes:N0} bytes)"));
        }

        return Parse(File.ReadAllBytes(path), relative, display);
    }

    /// <summary>
    /// Text copied out of a PDF keeps its typeface's ligatures ("Staﬀ", "Oﬃcer", "conﬁguration"), which no one types:
    /// they are written out as their letters, so the words are found as people spell them (lines stay where they were,
    /// a column after a ligature moves by a letter or two).
    /// </summary>
    private static string WithoutLigatures(string text) =>
        text.AsSpan().IndexOfAnyInRange('\uFB00', '\uFB06') < 0
            ? text
            : text.Replace("\uFB00", "ff", StringComparison.Ordinal).Replace("\uFB01", "fi", StringComparison.Ordinal).Replace("\uFB02", "fl", StringComparison.Ordinal)
                .Replace("\uFB03", "ffi", StringComparison.Ordinal).Replace("\uFB04", "ffl", StringComparison.Ordinal).Replace("\uFB05", "st", StringComparison.Ordinal)
                .Replace("\uFB06", "st", StringComparison.Ordinal);

    /// <summary>
    /// The text with each control character but line breaks and tabs (ESC, BEL, a form feed) made a space, so that no
    /// guideline can move a terminal's cursor, ring it or change its colours (the command line prints guideline text as
    /// it is). Lines and columns stay where they were.
    /// </summary>
    private static string WithoutControls(string text)
    {
        if (!text.Any(IsStrayControl))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = IsStrayControl(source[i]) ? ' ' : source[i];
            }
        });
    }

    private static bool IsStrayControl(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    /// <summary>
    /// Why a file could not be read, naming it (as the system's message does) under the knowledge folder's own name, not
    /// the server's path: the warnings reach the admin dashboard.
    /// </summary>
    internal static string ReadError(Exception ex, string root) => ex is FileNotFoundException or DirectoryNotFoundException
        ? "was removed while the folder was being read"
        : "cannot be read: " + ex.Message.Replace(System.IO.Path.TrimEndingDirectorySeparator(root),
            System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(root)), StringComparison.Ordinal);

    /// <summary><paramref name="text"/> with each control character shown as <c>?</c>.</summary>
    private static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));

    /// <summary>
    /// Why a file that looks like a document is not read (only <c>.txt</c> and <c>.md</c> are), with what to do: a
    /// spreadsheet saved as CSV, a web page or captions are read when named <c>.txt</c>; a PDF or a Word file must be saved
    /// as text first. Null for anything else (images, the folder's own files), which is passed over in silence.
    /// </summary>
    private static string? NotReadDocument(string file)
    {
        var name = System.IO.Path.GetFileName(file);
        var stem = System.IO.Path.GetFileNameWithoutExtension(file);
        return System.IO.Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".markdown" or ".mdown" or ".mkd" => $"is not read: only .txt and .md files are guideline documents; rename it {stem}.md",
            ".csv" or ".htm" or ".html" or ".srt" or ".vtt" or ".text" or ".rtf" or ".eml" =>
                $"is not read: only .txt and .md files are guideline documents; rename it {stem}.txt (its layout is still recognised)",
            ".pdf" or ".doc" or ".docx" or ".odt" or ".pages" or ".xls" or ".xlsx" or ".ods" or ".ppt" or ".pptx" or ".epub" =>
                $"is not read: only .txt and .md files are guideline documents; copy its text into {stem}.txt (or save it as plain text from its program), as {name} itself is not text",
            _ => null,
        };
    }

    private static bool IsDocumentType(string file) =>
        System.IO.Path.GetExtension(file) is var ext && (ext.Equals(".txt", StringComparison.OrdinalIgnoreCase) || ext.Equals(".md", StringComparison.OrdinalIgnoreCase));

    private static bool IsDefaultSynonymsName(string file) =>
        System.IO.Path.GetFileName(file).Equals(KnowledgeOptions.DefaultSynonymsFile, StringComparison.OrdinalIgnoreCase);

    /// <summary>A file name's ordering number: "03_", "2-", "01 ".</summary>
    [GeneratedRegex(@"^\d{1,3}[_ .-]+")]
    private static partial Regex FileOrderRegex();

    private static string TitleFromFileName(string id)
    {
        // "03_after_hours_building_access": the number orders the folder, it is not part of the name.
        var file = System.IO.Path.GetFileName(id);
        var unnumbered = FileOrderRegex().Replace(file, "");
        var name = (unnumbered.Length > 0 ? unnumbered : file).Replace('-', ' ').Replace('_', ' ').Trim();
        return name.Length == 0 ? id : DocumentParser.Capitalised(name);
    }
}
