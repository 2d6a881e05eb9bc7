using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A Google Classroom stream copied as text (a course for staff): the page's menu ("Main menu", "Classwork", "Upcoming",
/// the class's name again and again), then the posts, newest first, each "Ms. Rivera posted a new material: Late Work
/// Guidelines" over its date ("Sep 4", "Due Sep 20, 11:59 PM"), its text, its attachments' names over their kind ("PDF",
/// "Google Docs"), and its "Class comments" (a name over a time over the words) up to "Add class comment…". Written line
/// for line as "Q:" lines: a post's title heads a section, its text and its comments' words are the section's; the menu,
/// the dates, names, times, attachment kinds, a question post's quiz question and the page's buttons go, and the class's
/// name stays as the title. An announcement without a title (a name over a date, under a post's buttons) is named by its
/// date ("Announcement, Aug 27"). At least three titled posts over their dates and the page's "Add class comment…".
/// </summary>
internal static partial class ClassroomStream
{
    /// <summary>A stream has at least this many titled posts.</summary>
    private const int MinPosts = 3;

    public static IReadOnlyList<string> AsQuestionsAndAnswers(IReadOnlyList<string> lines, int from)
    {
        // (A post line over its date, and the page's comment box: a guide to Classroom quotes a post line or two, not the page.)
        var posts = Enumerable.Range(from, lines.Count - from).Where(k => PostRegex().IsMatch(lines[k]) && k + 1 < lines.Count && DateRegex().IsMatch(lines[k + 1])).ToArray();
        if (posts.Length < MinPosts || !lines.Skip(from).Any(l => CommentBoxRegex().IsMatch(l)))
        {
            return lines;
        }

        var result = lines.ToArray();
        // The menu ends at the first post, titled or not (an announcement is a name over a date under the page's buttons).
        var first = Enumerable.Range(from, posts[0] - from).FirstOrDefault(k => IsAnnouncement(lines, k), posts[0]);
        WithoutMenu(result, from, first);
        var comments = false;
        var quiz = false;
        for (var k = first; k < result.Length; k++)
        {
            var line = result[k].Trim();
            var post = PostRegex().Match(line);
            if (post.Success || IsAnnouncement(lines, k))
            {
                comments = false;
                quiz = post.Groups["kind"].Value == "question";
                // An announcement has no title: it is named by its date ("Announcement, Aug 27").
                result[k] = "Q: " + (post.Success ? post.Groups["title"].Value.Trim() : "Announcement, " + result[k + 1].Trim());
                var text = k + 1;
                while (text < result.Length && (DateRegex().IsMatch(result[text]) || string.IsNullOrWhiteSpace(result[text])))
                {
                    result[text++] = "";
                }

                // (Its text labelled as the answer: a title's wrapped lines would take it into the heading.)
                if (text < result.Length && !IsButton(result[text]) && !PostRegex().IsMatch(result[text]))
                {
                    result[text] = quiz && QuizRegex().IsMatch(result[text]) ? "" : "A: " + result[text].Trim();
                    k = text;
                }
                else
                {
                    k = text - 1;
                }
            }
            else if (CommentsRegex().IsMatch(line))
            {
                comments = true;
                result[k] = "";
            }
            else if (IsButton(line) || (AttachmentKindRegex().IsMatch(line) && k > from && !string.IsNullOrWhiteSpace(result[k - 1])))
            {
                comments &= !line.StartsWith("Add ", StringComparison.Ordinal);
                result[k] = "";
            }
            else if (comments && k + 1 < result.Length && ChannelPosts.IsName(line) && CommentTimeRegex().IsMatch(result[k + 1]))
            {
                // A comment's name over its time.
                result[k] = "";
                result[k + 1] = "";
                k++;
            }
            else if (quiz && QuizRegex().IsMatch(line))
            {
                result[k] = "";
            }
        }

        return result;
    }

    /// <summary>
    /// The page's menu above the first post goes, but for the class's name (the line the page repeats, kept once, first, as
    /// the document's title) and what stands under its last repeat (the class's section: "All Certificated Staff").
    /// </summary>
    private static void WithoutMenu(string[] lines, int from, int firstPost)
    {
        var menu = Enumerable.Range(from, firstPost - from).Where(k => !string.IsNullOrWhiteSpace(lines[k])).ToArray();
        var name = menu.GroupBy(k => lines[k].Trim(), StringComparer.Ordinal).Where(g => g.Count() >= 2 && !IsButton(g.Key))
            .OrderByDescending(g => g.Count()).FirstOrDefault();
        var keep = name is null ? [] : new HashSet<int> { name.First() };
        if (name is not null)
        {
            for (var k = name.Last() + 1; k < firstPost && !IsButton(lines[k]) && !string.IsNullOrWhiteSpace(lines[k]); k++)
            {
                keep.Add(k);
            }
        }

        foreach (var k in menu)
        {
            if (!keep.Contains(k) && (name is not null || IsButton(lines[k])))
            {
                lines[k] = "";
            }
        }
    }

    private static bool IsButton(string line) => ButtonRegex().IsMatch(line);

    /// <summary>A post without a title: a name over a date, under the page's buttons (a post's "more_vert" or the menu).</summary>
    private static bool IsAnnouncement(IReadOnlyList<string> lines, int k)
    {
        if (k + 1 >= lines.Count || !ChannelPosts.IsName(lines[k].Trim()) || !DateRegex().IsMatch(lines[k + 1]) || CommentTimeRegex().IsMatch(lines[k + 1]))
        {
            return false;
        }

        var above = PlainTextParser.PreviousTextLine(lines, k);
        return above >= 0 && IsButton(lines[above]);
    }

    /// <summary>A titled post: "Ms. Rivera posted a new material: Late Work Guidelines" (an assignment, a question, an announcement).</summary>
    [GeneratedRegex(@"^\s*[^:]{1,80}? posted a (?:new )?(?<kind>material|assignment|question|announcement|quiz assignment): (?<title>\S.{0,200})$")]
    private static partial Regex PostRegex();

    /// <summary>A post's date: "Sep 4", "Oct 15, 2024", "Edited Oct 16", "Due Sep 20, 11:59 PM", "Yesterday", "10:42 AM".</summary>
    [GeneratedRegex(@"^\s*(?:(?:Edited|Due|Created|Posted)\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?(?:,?\s+\d{1,2}:\d{2}\s?[AP]M)?|Yesterday|Today|Tomorrow|\d{1,2}:\d{2}\s?[AP]M)(?:\s*\((?:Edited\s+)?[^()]{1,30}\))?\s*$")]
    private static partial Regex DateRegex();

    /// <summary>A comment's time: "Oct 15, 4:02 PM", "Yesterday 3:05 PM", "10:42 AM".</summary>
    [GeneratedRegex(@"^\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?,?\s+|(?:Yesterday|Today),?\s+)?\d{1,2}:\d{2}\s?[AP]M\s*$")]
    private static partial Regex CommentTimeRegex();

    /// <summary>The page's own words: its menu, its buttons and the course's furniture.</summary>
    [GeneratedRegex(@"^\s*(?:Skip to main content|Main menu|Google Classroom|Classroom|Home|Calendar|Enrolled|Teaching|To-do|To review|Archived classes|Settings|Stream|Classwork|People|Grades|Upcoming|Woohoo, no work due soon!|No work due soon|View all|Announce something to your class|Share with your class…?|more_vert|more_horiz|Add class comment(?:…|\.\.\.)?|Add private comment(?:…|\.\.\.)?|Your answer|Your work|Turn in|Hand in|Mark as done|Unsubmit|Assigned|Missing|Turned in|Handed in|Class code|Meet|Join)\s*$")]
    private static partial Regex ButtonRegex();

    /// <summary>Where a post's comments start: "Class comments", "2 class comments", "Private comments".</summary>
    [GeneratedRegex(@"^\s*(?:\d{1,4}\s+)?(?:[Cc]lass|[Pp]rivate) comments?\s*$")]
    private static partial Regex CommentsRegex();

    /// <summary>The page's box for comments under a post: "Add class comment…", "Add private comment…".</summary>
    [GeneratedRegex(@"^\s*Add (?:class|private) comment(?:…|\.\.\.)?\s*$")]
    private static partial Regex CommentBoxRegex();

    /// <summary>What kind of file an attachment is, on the line under its name.</summary>
    [GeneratedRegex(@"^\s*(?:PDF|Google (?:Docs|Slides|Sheets|Forms|Drawings)|Word|Excel|PowerPoint|Image|Video|YouTube(?: video)?|Link)\s*$")]
    private static partial Regex AttachmentKindRegex();

    /// <summary>A question post's question to the course ("Question: A student missed … What should you enter?"): a quiz, no guidance.</summary>
    [GeneratedRegex(@"^\s*Question:\s*\S")]
    private static partial Regex QuizRegex();
}
