using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Core.Answers;

/// <summary>
/// Turns a message into a <see cref="Reply"/>: small talk, help, topics, an answer or an honest no-answer. With an
/// <see cref="AnswerCache"/> a question asked before is answered from it (same knowledge version only).
/// </summary>
/// <param name="metrics">Records answer latency (the host registers it; tools and tests may leave it out).</param>
public sealed partial class AnswerService(IGuidelineSearch search, IOptions<AnswerOptions> options, AnswerCache? cache = null, GuidelineMetrics? metrics = null)
{
    private const int MaxQuestionChars = 2000;

    /// <summary>The score of a section the person picked: they chose it, so nothing is in doubt.</summary>
    private const double PickedScore = 1;
    private readonly AnswerOptions _options = options.Value;

    public KnowledgeBase Knowledge => search.Knowledge;

    /// <summary>Who to ask about what the guidelines do not cover (<c>Answers:Contact</c>).</summary>
    public string Contact => _options.Contact;

    public Reply Ask(string? text, CancellationToken cancellationToken = default)
    {
        using var activity = GuidelineMetrics.Tracing.StartActivity("guidelinebot.answer");
        var started = Stopwatch.GetTimestamp();
        var question = Clean(text);
        // One knowledge version from start to end, even if the knowledge is reloaded meanwhile.
        var snapshot = search.Snapshot;
        var reply = cache is null || !snapshot.IsComplete
            ? Answer(snapshot, question, cancellationToken)
            : cache.GetOrAdd(question, snapshot.Knowledge, q => Answer(snapshot, q, cancellationToken));
        metrics?.AnswerDuration(reply, Stopwatch.GetElapsedTime(started));
        activity?.SetTag("guidelinebot.outcome", GuidelineMetrics.Outcome(reply));
        return reply;
    }

    private Reply Answer(IGuidelineSearch snapshot, string question, CancellationToken cancellationToken)
    {
        var knowledge = snapshot.Knowledge;
        var intent = Classify(question);
        switch (intent)
        {
            case Intent.Help:
                return Help(knowledge, question);
            case Intent.Topics:
                return new TopicsReply(question, knowledge.Documents);
            case Intent.Greeting:
                return new SmallTalkReply(question, SmallTalkKind.Greeting,
                    "Hi! Ask me anything about the staff guidelines, e.g. \"" + Examples(knowledge).FirstOrDefault()?.Heading + "\" — or type help.");
            case Intent.Thanks:
                return new SmallTalkReply(question, SmallTalkKind.Thanks, "You're welcome! Ask again any time.");
            case Intent.Goodbye:
                return new SmallTalkReply(question, SmallTalkKind.Goodbye, "Bye for now. I'm here whenever you have a question about the guidelines.");
        }

        var result = snapshot.Search(question, 1 + _options.MaxRelated, cancellationToken);
        if (SectionNamed(knowledge, question) is { } named)
        {
            // The question is a section's heading, as `topics` lists it: that section, whatever the ranking makes of
            // its words ("About these guidelines" is all background words).
            return new AnswerReply(question, named, named.Quoted, PickedScore, Related(result.Hits.Where(h => h.Section.Id != named.Id), named));
        }

        var best = result.Best;
        if (best is null || best.Confidence < _options.MinConfidence)
        {
            var suggestions = result.Hits.Take(3).Select(h => h.Section).ToArray();
            if (suggestions.Length == 0)
            {
                suggestions = knowledge.Sections.Where(s => !s.IsIntroduction).Take(3).ToArray();
            }

            return new NoAnswerReply(question, suggestions, _options.Contact, best?.Confidence ?? 0);
        }

        // Every hit is a candidate with evidence of its own (a shared word or a near vector): the next ones are related.
        var related = Related(result.Hits.Skip(1), best.Section);
        // A question that is the section's heading asks for the topic by its name: all of it, as a topic button shows it.
        var text = NamesSection(question, best.Section) ? best.Section.Quoted : Quote(best);
        return new AnswerReply(question, best.Section, text, best.Confidence, related) { Alternative = CloseCall(result) };
    }

    /// <summary>The question is the section's heading, whatever its case, quotation marks and closing punctuation ("how do I claim mileage").</summary>
    private static bool NamesSection(string question, GuidelineSection section) =>
        string.Equals(Name(question), Name(Clean(section.Heading)), StringComparison.Ordinal);

    /// <summary>
    /// A heading or a question as it names a topic: lower case, without its closing punctuation or quotation marks (a
    /// keyboard's straight ones, none at all, or a document's curly ones), an apostrophe within a word kept straight.
    /// </summary>
    private static string Name(string text)
    {
        var name = text.ToLowerInvariant();
        if (name.AsSpan().IndexOfAny(Quotes) >= 0)
        {
            var kept = new System.Text.StringBuilder(name.Length);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i] is '\u2018' or '\u2019' ? '\'' : name[i];
                if (c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB'
                    || (c == '\'' && !(i > 0 && char.IsLetter(name[i - 1]) && i + 1 < name.Length && char.IsLetter(name[i + 1]))))
                {
                    continue;
                }

                kept.Append(c);
            }

            name = kept.ToString();
        }

        return name.TrimEnd('?', '.', '!', ' ');
    }

    /// <summary>Quotation marks and apostrophes, which <see cref="Name"/> takes out or straightens.</summary>
    private static readonly System.Buffers.SearchValues<char> Quotes = System.Buffers.SearchValues.Create("\"'\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019");

    /// <summary>
    /// The headings of the last knowledge version asked about, each naming its one section (null: several share it): one
    /// object, swapped whole, so concurrent questions on two versions (during a reload) never pair one version's name
    /// with the other's headings.
    /// </summary>
    private HeadingIndex? _headings;

    private sealed record HeadingIndex(string Version, Dictionary<string, GuidelineSection?> Sections);

    /// <summary>The one section whose heading <paramref name="question"/> is (<see cref="NamesSection"/>); null when none or several.</summary>
    private GuidelineSection? SectionNamed(KnowledgeBase knowledge, string question)
    {
        var headings = Volatile.Read(ref _headings);
        if (headings is null || headings.Version != knowledge.Version)
        {
            var sections = new Dictionary<string, GuidelineSection?>(StringComparer.Ordinal);
            foreach (var section in knowledge.Sections)
            {
                var name = Name(Clean(section.Heading));
                sections[name] = sections.ContainsKey(name) ? null : section;
            }

            // The longer names a topic is shown by where its heading repeats: "High schools › Chaperones" (the topics list),
            // "Chaperones (High schools)" and "Who do I ask? (Staff Parking Rules)" (buttons), unless one already names a heading.
            var headingNames = sections.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var section in knowledge.Sections)
            {
                foreach (var shown in new[]
                         {
                             section.ParentHeading is null ? null : section.HeadingPath,
                             section.ParentHeading is { } under ? $"{section.Heading} ({under})" : null,
                             $"{section.Heading} ({section.DocumentTitle})",
                         })
                {
                    if (shown is not null && Name(Clean(shown)) is var name && !headingNames.Contains(name))
                    {
                        sections[name] = sections.TryGetValue(name, out var other) && other != section ? null : section;
                    }
                }
            }

            headings = new HeadingIndex(knowledge.Version, sections);
            Volatile.Write(ref _headings, headings);
        }

        return headings.Sections.GetValueOrDefault(Name(question));
    }

    /// <summary>
    /// True when the live knowledge has the section (by <see cref="GuidelineSection.Id"/>) and, given a
    /// <paramref name="headingCheck"/> (<see cref="GuidelineSection.HeadingCheck"/>), still under the heading it had: ids are
    /// positions, and an edit may have put another section at this one since a button was sent.
    /// </summary>
    public bool HasSection(string sectionId, string? headingCheck = null) =>
        search.Snapshot.Knowledge.FindSection(sectionId) is { } section
        && (headingCheck is null || string.Equals(section.HeadingCheck, headingCheck, StringComparison.Ordinal));

    /// <summary>
    /// A section the person picked (a topic button, "did you mean", "show the whole section"): all of its text, with the
    /// sections its heading finds as related topics (not introductions: "About these guidelines" finds only the other
    /// documents' introductions, which are no related topic). Null when the knowledge no longer has that section under
    /// that heading (ids are positions: an edit may have put another section there since the button was sent); the
    /// caller then asks <paramref name="question"/> instead.
    /// </summary>
    /// <param name="question">What the button said: the section's heading.</param>
    public AnswerReply? Show(string sectionId, string question, CancellationToken cancellationToken = default)
    {
        var snapshot = search.Snapshot;
        var heading = Clean(question);
        if (snapshot.Knowledge.FindSection(sectionId) is not { } section || !string.Equals(Clean(section.Heading), heading, StringComparison.Ordinal))
        {
            return null;
        }

        var related = Related(snapshot.Search(section.Heading, 1 + _options.MaxRelated, cancellationToken).Hits
            .Where(h => h.Section.Id != section.Id && !h.Section.IsIntroduction), section);
        return new AnswerReply(heading, section, section.Quoted, PickedScore, related) { Picked = true };
    }

    /// <summary>
    /// Related topics for an answer from <paramref name="shown"/>: the other hits of its own document, and another
    /// document's only when that would answer the question itself (<see cref="AnswerOptions.MinConfidence"/>) or is the
    /// close call offered as "did you mean". A word two documents share ("report", "form") is no reason to point from the absence rules to the expenses FAQ.
    /// </summary>
    private GuidelineSection[] Related(IEnumerable<SearchHit> hits, GuidelineSection shown) =>
        hits.Where(h => h.Section.DocumentId == shown.DocumentId || h.Confidence >= _options.MinConfidence || h.IsCloseCall)
            .Select(h => h.Section)
            .Take(_options.MaxRelated)
            .ToArray();

    /// <summary>
    /// The runner-up when the search calls it a close call (within the ranker's calibrated margin): the answer stays
    /// the best section, and the runner-up is offered as "did you mean" (it is also first among the related topics).
    /// </summary>
    private static GuidelineSection? CloseCall(SearchResult result) =>
        result.Hits.Count > 1 && result.Hits[1].IsCloseCall ? result.Hits[1].Section : null;

    /// <summary>
    /// The whole section when short, else the matching passages in document order. A matching step of a numbered
    /// procedure brings the whole procedure, with the line that leads in to it ("To claim mileage:"): a step out of
    /// its order is no instruction. Likewise a list that a line leads in to comes whole with that line.
    /// </summary>
    private string Quote(SearchHit hit)
    {
        var section = hit.Section;
        if (section.Text.Length <= _options.WholeSectionMaxChars || hit.Passages.Count == 0)
        {
            return section.Quoted;
        }

        var passages = section.Passages;
        var quoted = new bool[passages.Count];
        foreach (var passage in hit.Passages)
        {
            var k = IndexOf(passages, passage);
            if (k < 0)
            {
                continue;
            }

            if (Procedure(passages, k) is var (first, last))
            {
                Array.Fill(quoted, true, first, last - first + 1);
            }
            else if (LedList(passages, k) is var (leadIn, lastItem))
            {
                // A list that a line leads in to ("… must have all of the following:") is quoted whole with that line:
                // one item alone reads as the only one, and the line alone says nothing. Of a very long list (a table's
                // rows are items too), the line and the matching items.
                if (lastItem - leadIn <= MaxQuotedListItems)
                {
                    Array.Fill(quoted, true, leadIn, lastItem - leadIn + 1);
                }
                else
                {
                    quoted[leadIn] = quoted[k] = true;
                }
            }
            else
            {
                quoted[k] = true;
            }
        }

        return quoted.Any(q => q)
            ? Passage.JoinQuoted(passages, quoted)
            : string.Join("\n\n", hit.Passages.Select(p => p.Quoted));
    }

    private static int IndexOf(IReadOnlyList<Passage> passages, Passage passage)
    {
        for (var k = 0; k < passages.Count; k++)
        {
            if (passages[k] == passage)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>
    /// The passages to quote for a match at <paramref name="k"/> when it is a step of a numbered procedure, or the line
    /// leading in to one: the whole run of steps, with its lead-in line ("To claim mileage:"). Null when there is no
    /// procedure there, or when the run has no lead-in and is longer than <see cref="MaxProcedureSteps"/> (a section
    /// written as forty numbered clauses is no procedure, and its matching clauses are quoted alone).
    /// </summary>
    private static (int First, int Last)? Procedure(IReadOnlyList<Passage> passages, int k) => RunAt(passages, k, IsStep) switch
    {
        { LeadIn: true } run => (run.First - 1, run.Last),
        { } run when run.Last - run.First + 1 <= MaxProcedureSteps => (run.First, run.Last),
        _ => null,
    };

    /// <summary>
    /// The lead-in line and the last item of the list at <paramref name="k"/>, when <paramref name="k"/> is an item of
    /// a list (bullets) that a line ending in a colon leads in to, or is that line; null otherwise.
    /// </summary>
    private static (int LeadIn, int LastItem)? LedList(IReadOnlyList<Passage> passages, int k) =>
        RunAt(passages, k, p => p.IsItem) is { LeadIn: true } run ? (run.First - 1, run.Last) : null;

    /// <summary>
    /// The run of passages that <paramref name="inRun"/> holds for around <paramref name="k"/>, when <paramref name="k"/>
    /// is in one or is the line leading in to one (the run right under it): its first and last passage, and whether a line
    /// leading in to it stands right above it.
    /// </summary>
    private static (int First, int Last, bool LeadIn)? RunAt(IReadOnlyList<Passage> passages, int k, Func<Passage, bool> inRun)
    {
        var start = inRun(passages[k]) ? k : k + 1 < passages.Count && IsLeadIn(passages[k]) && inRun(passages[k + 1]) ? k + 1 : -1;
        if (start < 0)
        {
            return null;
        }

        var (first, last) = (start, start);
        while (first > 0 && inRun(passages[first - 1]))
        {
            first--;
        }

        while (last + 1 < passages.Count && inRun(passages[last + 1]))
        {
            last++;
        }

        return (first, last, first > 0 && IsLeadIn(passages[first - 1]));
    }

    /// <summary>A list of up to this many items is quoted whole with the line that leads in to it.</summary>
    private const int MaxQuotedListItems = 12;

    /// <summary>A run of numbered passages up to this long is quoted whole even without a line leading in to it.</summary>
    private const int MaxProcedureSteps = 12;

    /// <summary>A step of a numbered procedure: "1. Open the portal", "2) Click …".</summary>
    private static bool IsStep(Passage passage) => DocumentParser.IsStepLine(passage.Text);

    /// <summary>A line that leads in to a list: it ends in a colon.</summary>
    private static bool IsLeadIn(Passage passage) => passage.Text.TrimEnd().EndsWith(':');

    public HelpReply Help(string question = "help") => Help(Knowledge, question);

    private static HelpReply Help(KnowledgeBase knowledge, string question) => new(question, Examples(knowledge), knowledge.Documents);

    /// <summary>
    /// Example questions: sections whose headings are questions (any section's when no heading is one), spread over the
    /// knowledge to show its range. Their buttons show the section itself, so a heading two documents share, or one that
    /// is no question ("Dress code"), still shows what it names.
    /// </summary>
    public IReadOnlyList<GuidelineSection> Examples() => Examples(Knowledge);

    /// <summary>The example questions of <paramref name="knowledge"/>: up to three sections spread over its topics.</summary>
    public static IReadOnlyList<GuidelineSection> Examples(KnowledgeBase knowledge)
    {
        var questions = knowledge.Sections
            .Where(s => !s.IsIntroduction && s.Heading.EndsWith('?'))
            .ToList();
        if (questions.Count == 0)
        {
            questions = knowledge.Sections.Where(s => !s.IsIntroduction).ToList();
        }

        // Spread the picks over the list so they show the range of topics; one heading once.
        var picks = new List<GuidelineSection>();
        for (var i = 0; i < 3 && questions.Count > 0; i++)
        {
            var q = questions[(int)((long)i * questions.Count / 3)];
            if (!picks.Exists(p => string.Equals(p.Heading, q.Heading, StringComparison.OrdinalIgnoreCase)))
            {
                picks.Add(q);
            }
        }

        return picks;
    }

    /// <summary>
    /// The question as one line: control characters and runs of white space become one space, no space at either end,
    /// at most <see cref="MaxQuestionChars"/> characters (never half of a surrogate pair). Invisible format characters
    /// (zero-width space and joiners, soft hyphen, byte order mark, direction marks) go: the question is read as the
    /// person sees it, so "par&#xAD;ents" is "parents". A zero-width joiner between two emoji stays, since it draws them as
    /// one (👩‍🏫). One pass; a question that is already clean is returned as is.
    /// </summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var end = Math.Min(text.Length, MaxQuestionChars);
        if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        var source = text.AsSpan(0, end);
        Span<char> cleaned = stackalloc char[source.Length];
        var length = 0;
        var space = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = length > 0;
                continue;
            }

            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format
                && !(c == ZeroWidthJoiner && !space && length > 0 && IsEmojiPart(cleaned[length - 1]) && i + 1 < source.Length && IsEmojiPart(source[i + 1])))
            {
                continue;
            }

            if (space)
            {
                cleaned[length++] = ' ';
                space = false;
            }

            cleaned[length++] = c;
        }

        return cleaned[..length].SequenceEqual(text) ? text : new string(cleaned[..length]);
    }

    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>
    /// Whether <paramref name="c"/> can stand beside a joiner inside an emoji sequence: half of a surrogate pair (emoji
    /// beyond the first plane), a symbol (♀, ⚕, ❤) or the emoji variation selector after one.
    /// </summary>
    private static bool IsEmojiPart(char c) =>
        char.IsSurrogate(c) || c == '\uFE0F' || char.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol;

    internal enum Intent
    {
        Question,
        Help,
        Topics,
        Greeting,
        Thanks,
        Goodbye,
    }

    internal static Intent Classify(string question)
    {
        var s = NonWordRegex().Replace(question.ToLowerInvariant(), " ").Trim();
        s = WhitespaceRegex().Replace(s, " ");
        if (s.Length == 0)
        {
            return Intent.Help;
        }

        if (HelpRegex().IsMatch(s))
        {
            return Intent.Help;
        }

        if (TopicsRegex().IsMatch(s))
        {
            return Intent.Topics;
        }

        if (GreetingRegex().IsMatch(s))
        {
            return Intent.Greeting;
        }

        if (ThanksRegex().IsMatch(s))
        {
            return Intent.Thanks;
        }

        return GoodbyeRegex().IsMatch(s) ? Intent.Goodbye : Intent.Question;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"[^\p{L}\p{N}']+")]
    private static partial Regex NonWordRegex();

    [GeneratedRegex(@"^(please )?(help|help me|h|\?|usage|commands|menu|start|get started|how does this work|how do (i|you) use (this|you|it)|what (can|do) you do|what can i ask( you)?|what are you|who are you|what is this( bot)?|how can you help( me)?)( please)?$")]
    private static partial Regex HelpRegex();

    [GeneratedRegex(@"^(show |list |all |see )?(the )?(topics?|sections|contents|table of contents|toc|index|what topics( do you cover| are there)?|what do you (cover|know( about)?)|list (all )?(the )?topics)$")]
    private static partial Regex TopicsRegex();

    [GeneratedRegex(@"^(hi+|hello+|hey+|hiya|howdy|yo|greetings|good (morning|afternoon|evening)|hi there|hello there|hey there)( (bot|there|guidelinebot|everyone|all))?$")]
    private static partial Regex GreetingRegex();

    [GeneratedRegex(@"^(thanks?|thank you|thank u|thx|ty|tysm|cheers|great|perfect|awesome|ok|okay|got it|cool|nice|thanks a lot|thank you so much|many thanks|much appreciated|appreciate it)( (so much|a lot|very much|bot|again))*( (that helps|that helped|helpful))?$")]
    private static partial Regex ThanksRegex();

    [GeneratedRegex(@"^(bye|goodbye|see you|see ya|later|cya)( (bot|for now|then))?$")]
    private static partial Regex GoodbyeRegex();
}
