using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Answers;

/// <summary>What an answer quotes from a long section: the passages that match, and a numbered procedure whole.</summary>
public sealed class QuoteTests : IDisposable
{
    private readonly TestPaths.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private AnswerReply Ask(string question)
    {
        var background = string.Join("\n\n", Enumerable.Range(1, 8).Select(i =>
            $"Note {i}: receipts for trips of category {i} are kept by the school office for seven years after the claim is paid."));
        _folder.Write("travel.md", $"""
            # Staff Travel Guidelines

            How staff book and claim travel.

            ## How do I claim travel costs?

            {background}

            To claim mileage:

            1. Open the expenses portal.
            2. Enter the odometer readings.
            3. Attach the map of the route.
            4. Submit it to your principal.

            Parking at the airport is never refunded.
            """);
        return AskFolder(question);
    }

    /// <summary>The answer to <paramref name="question"/> from the documents in the folder now (lexical).</summary>
    private AnswerReply AskFolder(string question)
    {
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = _folder.Path });
        using var search = new LuceneGuidelineSearch(knowledge, new SearchOptions { Reranker = RerankerKind.None });
        return Assert.IsType<AnswerReply>(new AnswerService(search, Options.Create(new AnswerOptions())).Ask(question));
    }

    [Fact]
    public void A_list_s_items_are_quoted_one_a_line_and_items_of_two_lists_or_with_a_passage_left_out_between_stay_apart()
    {
        static Passage Item(string text, int line) => new(text, line, line) { IsItem = true };
        Passage[] passages =
        [
            new("Buses are booked through the office.", 1, 1), Item("Book two weeks ahead.", 3), Item("Carry the slips.", 4),
            new("Museums are booked by the teacher.", 6, 6), Item("Return the slips.", 8), Item("Pay at the door.", 9),
        ];

        Assert.Equal("Buses are booked through the office.\n\n• Book two weeks ahead.\n• Carry the slips.\n\n" +
            "Museums are booked by the teacher.\n\n• Return the slips.\n• Pay at the door.", Passage.JoinQuoted(passages));
        // One item of each list (the line between them left out) is not one list of two.
        Assert.Equal("• Carry the slips.\n\n• Return the slips.", Passage.JoinQuoted(passages, [false, false, true, false, true, false]));
        Assert.Equal("• Book two weeks ahead.\n• Carry the slips.", Passage.JoinQuoted(passages, [false, true, true, false, false, false]));
    }

    [Fact]
    public void A_matching_step_brings_its_whole_procedure_with_its_lead_in()
    {
        var answer = Ask("do I enter the odometer readings");

        Assert.True(answer.IsPartial);
        // The steps one per line, as one list (each was a paragraph of its own).
        Assert.Equal(["To claim mileage:", "1. Open the expenses portal.\n2. Enter the odometer readings.\n3. Attach the map of the route.\n" +
            "4. Submit it to your principal."], answer.Text.Split("\n\n"));
    }

    [Fact]
    public void A_section_of_many_numbered_clauses_quotes_only_the_matching_ones()
    {
        var clauses = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"{i}. Clause {i} covers topic number {i} of the travel rules."));
        _folder.Write("clauses.md", $"# Travel Code\n\nThe code.\n\n## Travel rules\n\n{clauses}\n\n1. Open the portal.\n2. Enter the odometer readings.\n");
        var answer = AskFolder("what does clause 17 cover");

        Assert.True(answer.IsPartial);
        Assert.DoesNotContain("Clause 1 covers", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matching_lead_in_brings_its_steps_and_other_passages_stay_alone()
    {
        Assert.StartsWith("To claim mileage:\n\n1. Open the expenses portal.", Ask("how do I claim mileage").Text, StringComparison.Ordinal);

        var parking = Ask("is airport parking refunded");
        Assert.Equal("Parking at the airport is never refunded.", parking.Text);
    }

    [Theory]
    [InlineData("what does the office need before a student can get medication at school")]
    [InlineData("do I need an order signed by the student's doctor to give medication")]
    public void A_list_a_line_leads_in_to_comes_whole_with_that_line(string question)
    {
        var background = string.Join("\n\n", Enumerable.Range(1, 6).Select(i =>
            $"Note {i}: the nurse keeps the training records of category {i} for three years after the training."));
        _folder.Write("medication.md", $"""
            # Student Medication Procedures

            How medication is given at school.

            ## Administering medication at school

            {background}

            Before any medication can be given at school, the office must have all of the following:

            - a medication authorization form signed by the parent or guardian;
            - a matching order signed by the student's doctor;
            - the medication in its original pharmacy container, labelled with the student's name.

            Medication is stored in the locked cabinet in the health office.
            """);
        var answer = AskFolder(question);

        Assert.True(answer.IsPartial);
        Assert.Equal(["Before any medication can be given at school, the office must have all of the following:",
            "• a medication authorization form signed by the parent or guardian;\n• a matching order signed by the student's doctor;\n" +
            "• the medication in its original pharmacy container, labelled with the student's name."], answer.Text.Split("\n\n"));
    }
}
