using System.Text;
using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.UnitTests.Knowledge;

/// <summary>Other organisations write their guidelines in other ways: each common way still gives one section per heading.</summary>
public sealed class DocumentVariantTests
{
    private static GuidelineDocument Parse(string text, string file) =>
        KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(text), file, "knowledge/" + file);

    private static string[] Headings(GuidelineDocument doc) => doc.Sections.Select(s => s.Heading).ToArray();

    [Fact]
    public void Underlined_headings_in_plain_text_are_the_title_and_sections()
    {
        var doc = Parse("Staff Travel Guidelines\n=======================\n\nHow staff book travel.\n\nBooking travel\n--------------\n\n"
                        + "Book through the travel desk.\n\nClaiming expenses\n-----------------\n\nSubmit receipts within 30 days.\n", "travel.txt");

        Assert.Equal("Staff Travel Guidelines", doc.Title);
        Assert.Equal(["About these guidelines", "Booking travel", "Claiming expenses"], Headings(doc));
        Assert.Equal("How staff book travel.", doc.Sections[0].Text);
        Assert.Equal("Book through the travel desk.", doc.Sections[1].Text);
    }

    [Fact]
    public void All_caps_lines_head_sections_in_a_plain_document_without_questions()
    {
        var doc = Parse("Internet Use\nRiverbend Schools\n\nHow staff use the internet.\n\nPERSONAL USE\n\nAllowed during breaks.\n\n"
                        + "2. PASSWORDS:\nNever share your password.\n", "internet.txt");

        Assert.Equal(["About these guidelines", "PERSONAL USE", "PASSWORDS"], Headings(doc));
        Assert.Equal("Never share your password.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_caps_line_in_an_answer_stays_text_where_Q_lines_head_the_sections()
    {
        var doc = Parse("Phones\n\nQ: Can I use my phone in class?\n\nNOTE\n\nOnly in an emergency.\n", "phones.txt");

        Assert.Equal(["Can I use my phone in class?"], Headings(doc));
        Assert.Equal(2, doc.Sections[0].Passages.Count);
    }

    [Fact]
    public void One_Q_line_among_title_case_headings_is_one_heading_among_them()
    {
        // The one "Q:" line made it a question document: the title-case headings were text of the introduction and of the
        // question's section ("Emergency Exits" answered as part of "What if a student misses the bus?").
        var doc = Parse("Bus Safety Guidelines\n\nThese guidelines cover staff duties on school buses.\n\nBoarding Procedures\n"
                        + "Students board in single file.\n\nSeating Rules\nStudents stay seated while the bus moves.\n\n"
                        + "Q: What if a student misses the bus?\nCall the parent and the transportation office.\n\n"
                        + "Emergency Exits\nStaff show students the emergency exits on the first day.\n", "bus.txt");

        Assert.Equal(["About these guidelines", "Boarding Procedures", "Seating Rules", "What if a student misses the bus?", "Emergency Exits"], Headings(doc));
        Assert.Equal("Call the parent and the transportation office.", doc.Sections[3].Text);
        Assert.Equal("Staff show students the emergency exits on the first day.", doc.Sections[4].Text);
    }

    [Fact]
    public void Short_lines_set_off_by_blank_lines_head_sections_when_a_document_has_no_other_headings()
    {
        var doc = Parse("Cleaning Guidelines\n\nRevised August 2024\n\nWhat teachers and custodians each clean.\n\nDaily Cleaning\n\n"
                        + "Custodians vacuum every classroom after school.\n\nSpills and Accidents\n\nCall extension 200.\n", "cleaning.txt");

        Assert.Equal(["About these guidelines", "Daily Cleaning", "Spills and Accidents"], Headings(doc));
        Assert.Equal(["Revised August 2024", "What teachers and custodians each clean."], doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Question_labels_and_numbers_are_not_part_of_a_heading()
    {
        var labelled = Parse("Dress Code\n\nQ1: Can I wear jeans?\nOn Fridays.\n\nQ2. Are trainers allowed?\nFor PE staff.\n\n"
                             + "Question 3: Must I wear my badge?\nAlways.\n", "dress.txt");
        var numbered = Parse("Copier Use\n\n1) How many copies can I make?\n\n500 a month.\n\n2. Can I copy a book?\n\nOne chapter only.\n", "copier.txt");
        var markdown = Parse("# Keys #\n\nKeys are issued by facilities.\n\n## 1. How do I get a key? ##\n\nAsk the office.\n\n"
                             + "## 2.1 Can I copy a key?\n\nNo.\n\n### Q: What if I lose my card?\n\nReport it.\n", "keys.md");

        Assert.Equal(["Can I wear jeans?", "Are trainers allowed?", "Must I wear my badge?"], Headings(labelled));
        Assert.Equal("On Fridays.", labelled.Sections[0].Text);
        Assert.Equal(["How many copies can I make?", "Can I copy a book?"], Headings(numbered));
        Assert.Equal(["About these guidelines", "How do I get a key?", "Can I copy a key?", "What if I lose my card?"], Headings(markdown));
    }

    [Fact]
    public void A_question_wrapped_onto_the_next_line_stays_whole()
    {
        var doc = Parse("Volunteers\n\nQ: What checks does a volunteer need before they can help in a\nclassroom?\n\n"
                        + "A background check.\n\nQ: Can a volunteer be alone with students\n\nNo.\n", "volunteers.txt");

        Assert.Equal(["What checks does a volunteer need before they can help in a classroom?", "Can a volunteer be alone with students"], Headings(doc));
        Assert.Equal("A background check.", doc.Sections[0].Text);
    }

    [Fact]
    public void Numbered_steps_and_word_processor_bullets_are_passages_of_their_own()
    {
        var doc = Parse("Lost Property\n\nQ: What do I do with a lost item?\n\n1. Label it.\n2) Take it to the office.\n\n"
                        + "Q: What about fire drills?\n\n● Close windows.\n○ Leave lights on.\n▪ Walk, do not run.\n", "lost.txt");

        // A step keeps its number: its place is part of the guideline.
        Assert.Equal(["1. Label it.", "2) Take it to the office."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["Close windows.", "Leave lights on.", "Walk, do not run."], doc.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Numbered_steps_in_markdown_keep_their_numbers()
    {
        var doc = Parse("# Passwords\n\n## How do I reset my password?\n\n1. Open the portal.\n2. Click *Forgot password*.\n", "passwords.md");

        Assert.Equal(["1. Open the portal.", "2. Click Forgot password."], doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_bold_question_with_its_answer_on_the_same_line_heads_a_section()
    {
        var doc = Parse("# Visitors\n\nRules for visitors.\n\n## FAQ\n\n**Do visitors sign in?** Yes, at the front office.\n\n"
                        + "**Can parents walk to class?** Only in the first week.\n", "visitors.md");

        Assert.Equal(["About these guidelines", "Do visitors sign in?", "Can parents walk to class?"], Headings(doc));
        Assert.Equal("Yes, at the front office.", doc.Sections[1].Text);
        Assert.Equal(7, doc.Sections[1].StartLine);
    }

    [Fact]
    public void Bold_questions_in_a_numbered_list_head_sections()
    {
        var doc = Parse("# Library\n\nThe school library.\n\n## FAQ\n\n1. **Can I borrow books for my class?**\n   Up to 30 books.\n"
                        + "2. **Can students come at lunch?**\n   When staff are on duty.\n", "library.md");

        Assert.Equal(["About these guidelines", "Can I borrow books for my class?", "Can students come at lunch?"], Headings(doc));
        Assert.Equal("Up to 30 books.", doc.Sections[1].Text);
    }

    [Fact]
    public void A_bold_line_on_its_own_heads_a_section_but_not_before_any_text()
    {
        var doc = Parse("# Conduct\n\n**Effective 1 September 2025**\n\nExpected conduct.\n\n**Dress code**\n\nDress professionally.\n\n"
                        + "**Never wear slogans.**\n\n**Examples:**\n\n- Suits\n", "conduct.md");

        Assert.Equal(["About these guidelines", "Dress code"], Headings(doc));
        Assert.Equal(["Effective 1 September 2025", "Expected conduct."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["Dress professionally.", "Never wear slogans.", "Examples:", "Suits"], doc.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Q_and_A_labels_in_markdown_are_not_text()
    {
        var doc = Parse("# Sick Leave\n\nHow to report sickness.\n\n**Q:** Who do I call?\n\n**A:** The absence line.\n\n"
                        + "Q: Do I need a note?\nA: After three days.\n", "sick.md");

        Assert.Equal(["About these guidelines", "Who do I call?", "Do I need a note?"], Headings(doc));
        Assert.Equal("The absence line.", doc.Sections[1].Text);
        Assert.Equal("After three days.", doc.Sections[2].Text);
    }

    [Fact]
    public void Table_rows_are_passages_that_name_their_columns()
    {
        var doc = Parse("# Leave\n\n## How many sick days do I get?\n\n| Staff group | Sick days |\n|---|---:|\n| Teachers | 10 |\n"
                        + "| Classified | **12** |\n\nUnused days carry over.\n", "leave.md");

        Assert.Equal(["Staff group: Teachers — Sick days: 10", "Staff group: Classified — Sick days: 12", "Unused days carry over."],
            doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(7, doc.Sections[0].Passages[0].StartLine);
    }

    [Fact]
    public void Html_tags_comments_and_hard_breaks_are_not_text()
    {
        var doc = Parse("# Printing\n\nPrint only what you need. <!-- reviewed by IT -->\n\n## Can I print in colour?\n\n"
                        + "Only for certificates.<br>\nUse black and white.<br/>\\\nAsk IT for a <span class=\"x\">quota</span>.\n\n"
                        + "<details>\n<summary>Contact</summary>\n\nMail <it@example.org>.\n</details>\n", "printing.md");

        Assert.Equal("Print only what you need.", doc.Sections[0].Text);
        Assert.Equal(["Only for certificates. Use black and white. Ask IT for a quota."], doc.Sections[1].Passages.Select(p => p.Text));
        // A toggle's summary heads a section of its own (as a Notion FAQ's toggles do).
        Assert.Equal("Contact", doc.Sections[2].Heading);
        Assert.Equal(["Mail <it@example.org>."], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_first_heading_that_is_a_question_is_a_section_not_the_title()
    {
        var doc = Parse("# Can I eat in my classroom?\n\nWhen no students are there.\n\n# Where is the staff room?\n\nBy the library.\n", "staff-lunch.md");

        Assert.Equal("Staff lunch", doc.Title);
        Assert.Equal(["Can I eat in my classroom?", "Where is the staff room?"], Headings(doc));
    }

    [Fact]
    public void Bullets_as_word_and_pdf_leave_them_are_passages_and_tabs_are_spaces()
    {
        // Word's plain-text export: "•", "o" and "§" with a tab for three levels (the lower ones stay under their bullet);
        // a PDF copy keeps Symbol's U+F0B7.
        var doc = Parse("Dress Code\n\nQ: What can I wear on Fridays?\n\u2022\tJeans are fine.\no\tNo ripped jeans.\n\u00a7\tNo logos.\n"
                        + "\uF0B7\tSneakers are fine.\n\u27a2 Hats are not.\n\nDress:\tsmart casual.\n", "dress.txt");

        Assert.Equal(["Jeans are fine.\n  - No ripped jeans.\n  - No logos.", "Sneakers are fine.", "Hats are not.", "Dress: smart casual."],
            doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Text_after_a_list_is_a_paragraph_of_its_own_and_wrapped_bullets_stay_whole()
    {
        var doc = Parse("Dress Code\n\nWhat staff wear at work.\n\nFRIDAYS\n\nStaff dress professionally. Please note:\n- No flip-flops.\n- No hats indoors.\n"
                        + "Staff who are unsure should ask their principal.\n\nSPORTS DAYS\n\nOn sports days staff may wear:\n\u2022\tTrainers\n"
                        + "o\tTeam shirts\nAsk the PE department for the dates.\n\nUNIFORMS\n\n- Custodians wear the uniform\n  Monday to Friday.\n"
                        + "- Kitchen staff wear hair nets when\nserving food.\n    o Aprons too.\nSee the kitchen manager.\n", "dress.txt");

        Assert.Equal(["FRIDAYS", "SPORTS DAYS", "UNIFORMS"], Headings(doc).Skip(1));
        Assert.Equal(["Staff dress professionally. Please note:", "No flip-flops.", "No hats indoors.", "Staff who are unsure should ask their principal."],
            doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["On sports days staff may wear:", "Trainers\n  - Team shirts", "Ask the PE department for the dates."],
            doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal(["Custodians wear the uniform Monday to Friday.", "Kitchen staff wear hair nets when serving food.\n  - Aprons too.",
            "See the kitchen manager."], doc.Sections[3].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_list_marked_with_words_lower_level_marks_is_a_list_not_one_nested_bullet()
    {
        var doc = Parse("Dress Code\n\nQ: What can I wear?\nThese are fine:\no\tJeans.\no\tTrainers.\n\u00a7\tHats.\n", "dress.txt");

        Assert.Equal(["These are fine:", "Jeans.", "Trainers.", "Hats."], doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_bullet_that_stops_on_a_joining_word_or_comma_carries_on_over_a_capital()
    {
        var doc = Parse("Dress Code\n\nQ: What can I wear?\n  \u2022 Jeans are fine on Fridays and\nSaturdays at events.\n"
                        + "- Badges are worn by teachers,\nTAs and volunteers.\n", "dress.txt");

        Assert.Equal(["Jeans are fine on Fridays and Saturdays at events.", "Badges are worn by teachers, TAs and volunteers."],
            doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_document_written_a_paragraph_per_line_has_a_passage_per_paragraph()
    {
        // As Word's plain-text export writes it: no blank lines; the organisation's line above the title, a department
        // and date line under it (a subtitle, not a heading), numbered clauses, a lead-in that keeps its line.
        var doc = Parse("Maple Valley School District\nStaff Absence Procedures\nHuman Resources Department – Revised July 2024\n"
                        + "These procedures apply to all staff.\nReporting an Absence\nEnter every absence in Frontline.\n"
                        + "Call your site secretary if the system is down.\nImportant:\nNever text your principal instead.\n"
                        + "Definitions\nFor the purposes of this procedure:\n2.1 \"Staff\" means every employee.\n2.2 \"Day\" means a work day.\n",
            "absence.txt");

        Assert.Equal("Staff Absence Procedures", doc.Title);
        Assert.Equal(["About these guidelines", "Reporting an Absence", "Definitions"], Headings(doc));
        Assert.Equal(["Maple Valley School District", "Human Resources Department – Revised July 2024", "These procedures apply to all staff."],
            doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["Enter every absence in Frontline.", "Call your site secretary if the system is down.", "Important: Never text your principal instead."],
            doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["For the purposes of this procedure:", "2.1 \"Staff\" means every employee.", "2.2 \"Day\" means a work day."],
            doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_numbered_heading_over_its_own_clauses_heads_a_section_and_each_clause_is_a_passage()
    {
        var doc = Parse("STAFF TRAVEL POLICY\n\nHow staff travel.\n\nBOOKING\n\nBook through the travel desk.\n\n2. Scope\n"
                        + "2.1 This policy applies to all employees.\n2.2 It also applies to contractors\nwho travel on district business.\n\n"
                        + "3. Claims\n3.1 Submit claims within 30 days of the trip, with every receipt attached. Each claim takes\n2.5 hours to process.\n", "travel.txt");

        Assert.Equal(["About these guidelines", "BOOKING", "Scope", "Claims"], Headings(doc));
        Assert.Equal(["2.1 This policy applies to all employees.", "2.2 It also applies to contractors who travel on district business."],
            doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal(["3.1 Submit claims within 30 days of the trip, with every receipt attached. Each claim takes 2.5 hours to process."], doc.Sections[3].Passages.Select(p => p.Text));

        // A numbered line over another list's item is a step, as before.
        var steps = Parse("STAFF TRAVEL POLICY\n\nHow staff travel.\n\nBOOKING\n\n2. Open the portal\n3.1 Choose a date.\n", "steps.txt");
        Assert.Equal(["About these guidelines", "BOOKING"], Headings(steps));
    }

    [Fact]
    public void A_who_to_ask_line_heads_its_own_section_beside_any_other_headings()
    {
        var doc = Parse("STAFF TRAVEL POLICY\n\nHow staff travel.\n\nBOOKING\n\nBook through the travel desk.\n\n"
                        + "Questions? Contact:\nTravel Desk, ext. 4455\nFinance office, ext. 2200\n", "travel.txt");
        var fields = Parse("Staff Parking\n\nWhere staff park.\n\nPERMITS\n\nContact: Jane Doe, facilities\n\n"
                           + "Questions go to the facilities office, ext. 3100.\n", "parking.txt");

        Assert.Equal(["About these guidelines", "BOOKING", "Questions? Contact"], Headings(doc));
        Assert.Equal(["Travel Desk, ext. 4455 Finance office, ext. 2200"], doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal(["About these guidelines", "PERMITS"], Headings(fields));

        // After Q: and A: lines too: the footer is not part of the last answer.
        var qa = Parse("Phone Rules\n\nHow staff use phones.\n\nQ: Can I text parents?\nA: Use the district app.\n\n"
                       + "Questions? Contact:\nDana Whitfield, HR — dwhitfield@example.org\n", "phones.txt");
        Assert.Equal(["About these guidelines", "Can I text parents?", "Questions? Contact"], Headings(qa));
        Assert.Equal(["Use the district app."], qa.Sections[1].Passages.Select(p => p.Text));

        // In Markdown, a bold "Who to contact:" line after the last section's text and a rule.
        var md = Parse("# Classroom Animals\n\nHow classrooms keep animals.\n\n## Visiting animals\n\nA visit needs approval 48 hours ahead.\n\n---\n\n"
                       + "**Who to contact:**\n\n- Animal approval: your site principal\n- Allergies: the school nurse\n\n*Health Services. Last updated July 2024.*\n", "animals.md");
        Assert.Equal(["About these guidelines", "Visiting animals", "Who to contact"], Headings(md));
        Assert.Equal(["A visit needs approval 48 hours ahead."], md.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Animal approval: your site principal", "Allergies: the school nurse", "Health Services. Last updated July 2024."],
            md.Sections[2].Passages.Select(p => p.Text));

        // A bold lead-in that is no contact heading still leads in.
        var lead = Parse("# Animals\n\nHow classrooms keep animals.\n\n## Visits\n\nAsk first.\n\n**Please note:**\n\nVisits end by 3 p.m.\n", "lead.md");
        Assert.Equal(["About these guidelines", "Visits"], Headings(lead));
    }

    [Fact]
    public void Section_numbers_written_out_are_numbering_the_first_under_the_title_too()
    {
        var doc = Parse("Lakeside Primary School – Staff Handbook Extract\n\nSection 1 – Arrival and Departure\nStaff arrive by 8:15 a.m.\n\n"
                        + "Section 2: Absence Reporting\nPhone the absence line before 7:00 a.m.\n\nPart 3. Dress Code\nSmart casual.\n\n"
                        + "Section 4 of the staff contract covers pay.\n", "handbook.txt");

        Assert.Equal(["Arrival and Departure", "Absence Reporting", "Dress Code"], Headings(doc));
        Assert.Equal(["Smart casual.", "Section 4 of the staff contract covers pay."], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_date_field_under_the_title_is_no_heading()
    {
        var doc = Parse("Riverside Unified School District\nStaff Cell Phone Guidelines\n\nLast updated: August 12, 2025\n"
                        + "Questions? Contact Human Resources at (555) 201-4400.\n\nHow staff use phones.\n\nCharging\n\nCharge phones at home.\n\n"
                        + "Lessons\n\nPhones stay silent.\n", "phones.txt");

        Assert.Equal(["About these guidelines", "Charging", "Lessons"], Headings(doc));
        Assert.Contains(doc.Sections[0].Passages, p => p.Text.StartsWith("Last updated: August 12, 2025", StringComparison.Ordinal));
    }

    [Fact]
    public void A_numbered_step_keeps_the_line_under_it()
    {
        var doc = Parse("Copier Use\n\nQ: How do I make copies?\n\n1. Log in at the copier.\nEnter your staff code.\n2. Choose the tray.\n", "copier.txt");

        Assert.Equal(["1. Log in at the copier. Enter your staff code.", "2. Choose the tray."], doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Theory]
    [InlineData("o no, not again.")]
    [InlineData("\u00a7 3 of the policy applies.")]
    public void An_o_or_section_sign_without_a_tab_is_text(string line)
    {
        var doc = Parse("Rules\n\nQ: What applies?\nFirst:\n" + line + "\n", "rules.txt");

        Assert.Equal(["First: " + line], doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_short_line_right_above_its_text_heads_a_section_when_blank_lines_part_the_sections()
    {
        var doc = Parse("Dress Code Policy\n\nWhat staff wear at Riverside schools.\n\nFridays\nJeans are fine on Fridays.\nRipped jeans are not.\n\n"
                        + "Uniforms\nCustodians wear the district uniform.\n\nField Trips\n- Comfortable shoes.\n", "dress.txt");

        Assert.Equal(["About these guidelines", "Fridays", "Uniforms", "Field Trips"], Headings(doc));
        Assert.Equal(["Jeans are fine on Fridays. Ripped jeans are not."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal((5, 7), (doc.Sections[1].StartLine, doc.Sections[1].EndLine));
    }

    [Fact]
    public void A_document_written_a_paragraph_per_line_without_blank_lines_has_its_headings()
    {
        // As Word's "Plain Text" export writes it: one line per paragraph, headings as plain lines, no blank lines.
        var doc = Parse("Dress Code Policy\nThis policy explains what staff wear.\nFridays\nJeans are fine on Fridays.\nRipped jeans are not allowed.\n"
                        + "Uniforms\nCustodians wear the district uniform.\nIt is provided free of charge.\nField Trips\nWear comfortable shoes.\n", "dress.txt");

        Assert.Equal(["About these guidelines", "Fridays", "Uniforms", "Field Trips"], Headings(doc));
        Assert.Equal("This policy explains what staff wear.", doc.Sections[0].Text);
        // Each line is a paragraph, so a passage of its own.
        Assert.Equal(["Custodians wear the district uniform.", "It is provided free of charge."], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void The_first_line_of_a_wrapped_paragraph_is_no_heading()
    {
        // Hard-wrapped text: short first lines carry on in lower case, and most lines end mid-sentence.
        var doc = Parse("Visitors\n\nAbout visiting our schools.\n\nEvery visitor signs in\nat the front office and wears a badge.\n\n"
                        + "Volunteers need a background\ncheck before their first visit, which\ntakes about two weeks to complete.\nParents\n"
                        + "who volunteer follow the same rules.\n", "visitors.txt");

        Assert.Equal(["Visitors"], Headings(doc));
    }

    [Fact]
    public void Numbered_section_headings_of_a_plain_policy_head_sections_from_the_first()
    {
        var doc = Parse("Acceptable Use Policy\n\n1. Definitions\nDistrict computers are any the district owns.\n\n2.0 Scope\nAll employees and volunteers.\n\n"
                        + "3) Personal Use\nLimited personal use is allowed during breaks.\n", "aup.txt");

        Assert.Equal(["Definitions", "Scope", "Personal Use"], Headings(doc));
        Assert.Equal("Limited personal use is allowed during breaks.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_numbered_heading_over_its_own_numbered_headings_is_their_parent()
    {
        var doc = Parse("Professional Development Guideline\n\n2. Scope\n\nAll certificated staff.\n\n3. Requirements\n\n3.1 Annual Hour Requirement\n\n"
                        + "Complete 30 hours a year.\n\n3.2 Recording Hours\n\nLog hours in Frontline.\n\n4. Conferences\n\n4.1 Requesting Approval\n\n"
                        + "Submit form PD-7.\n\n5. Contacts\n\nHuman Resources, ext. 2200.\n", "pd.txt");

        Assert.Equal(["Scope", "Annual Hour Requirement", "Recording Hours", "Requesting Approval", "Contacts"], Headings(doc));
        Assert.Equal([null, "Requirements", "Requirements", "Conferences", null], doc.Sections.Select(s => s.ParentHeading));
        Assert.Equal(["All certificated staff."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["Complete 30 hours a year."], doc.Sections[1].Passages.Select(p => p.Text));

        // Without blank lines between the parent and its first clause, and numbered "2.0" / "2.1".
        foreach (var text in new[]
                 {
                     "PD Guideline\n\nHow staff learn.\n\n3. Requirements\n3.1 Annual Hours\nComplete 30 hours a year.\n3.2 Recording\nLog them.\n\n4. Contacts\n\nHR.\n",
                     "PD Guideline\n\nHow staff learn.\n\n3.0 Requirements\n\n3.1 Annual Hours\n\nComplete 30 hours a year.\n\n3.2 Recording\n\nLog them.\n\n4.0 Contacts\n\nHR.\n",
                 })
        {
            var other = Parse(text, "pd2.txt");
            Assert.Equal(["About these guidelines", "Annual Hours", "Recording", "Contacts"], Headings(other));
            Assert.Equal([null, "Requirements", "Requirements", null], other.Sections.Select(s => s.ParentHeading));
        }

        // A clause whose text is a list heads a section like the clause before it.
        var listed = Parse("Abuse Reporting Guidelines\n\nHow staff report.\n\n3. WHEN A STUDENT DISCLOSES\n\n3.1 Responding to a Disclosure\n\nStay calm and listen.\n\n"
                           + "3.2 What Not to Do\n\n  - Do not interview the student.\n  - Do not contact the parent.\n\n4. REPORTING\n\n4.1 Making the Report\n\nCall the hotline.\n", "abuse.txt");
        Assert.Equal(["About these guidelines", "Responding to a Disclosure", "What Not to Do", "Making the Report"], Headings(listed));
        Assert.Equal([null, "WHEN A STUDENT DISCLOSES", "WHEN A STUDENT DISCLOSES", "REPORTING"], listed.Sections.Select(s => s.ParentHeading));
        Assert.Equal(["Stay calm and listen."], listed.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal("Do not interview the student.\n  - Do not contact the parent.", listed.Sections[2].Text);

        // Steps numbered under a step are steps, not headings.
        var steps = Parse("Leave Rules\n\nHow staff take leave.\n\nRequesting leave\n\nTo request leave:\n\n1. Complete the form\n\n"
                          + "1.1 Attach the doctor's note\n\n2. Send it to HR.\n\nHR replies within a week.\n", "steps.txt");
        Assert.Equal(["Leave Rules"], Headings(steps));
        Assert.Equal(["1. Complete the form", "1.1 Attach the doctor's note", "2. Send it to HR."],
            steps.Sections[0].Passages.Select(p => p.Text).Where(t => char.IsDigit(t[0])));

        // Without full stops too: the step after a sub-step is the next step, not a heading.
        var bare = Parse("Leave Rules\n\nHow staff take leave.\n\nRequesting leave\n\nTo request leave:\n\n1. Complete the form\n\n"
                         + "1.1 Attach the doctor's note\n\n2. Send it to HR\n\nHR replies within a week.\n\nSick leave\n\nCall before 7 a.m.\n", "bare.txt");
        Assert.Equal(["About these guidelines", "Requesting leave", "Sick leave"], Headings(bare));
        Assert.Equal(["To request leave:", "1. Complete the form", "1.1 Attach the doctor's note", "2. Send it to HR", "HR replies within a week."],
            bare.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Numbered_steps_without_full_stops_stay_steps()
    {
        var doc = Parse("Passwords\n\nHow to reset a password.\n\nResetting\nTo reset your password:\n1. Open the portal\n2. Click Forgot password\n"
                        + "3. Check your email\n\nLocked accounts\nCall the help desk on extension 200.\n", "passwords.txt");

        Assert.Equal(["About these guidelines", "Resetting", "Locked accounts"], Headings(doc));
        Assert.Equal(["To reset your password:", "1. Open the portal", "2. Click Forgot password", "3. Check your email"],
            doc.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Numbered_section_headings_stay_beside_an_all_caps_notice_or_a_question_and_may_be_long()
    {
        var caps = Parse("Staff Dress Code\n\nWho this applies to.\n\n1. General standard\nProfessional and safe dress.\n\n"
                         + "2. Footwear in science labs, kitchens, workshops and on the playground\nClosed-toe shoes only.\n\n"
                         + "IMPORTANT\nAsk your principal when unsure.\n\n3. Exceptions\nAgreed with human resources.\n", "dress.txt");
        Assert.Equal(["About these guidelines", "General standard", "Footwear in science labs, kitchens, workshops and on the playground", "IMPORTANT", "Exceptions"],
            Headings(caps));
        Assert.Equal("Closed-toe shoes only.", caps.Sections[2].Text);

        var question = Parse("Staff Leave Policy\n\nHow staff request leave.\n\n1. Requesting leave\nUse the HR portal.\n\n2. Sick leave\n"
                             + "Call your principal before 7 a.m.\n\nWhat if I am sick for more than three days?\nBring a doctor's note.\n\n"
                             + "3. Bereavement leave\nUp to five paid days.\n", "leave.txt");
        Assert.Equal(["About these guidelines", "Requesting leave", "Sick leave", "What if I am sick for more than three days?", "Bereavement leave"],
            Headings(question));
        Assert.Equal("Up to five paid days.", question.Sections[4].Text);
    }

    [Fact]
    public void Bold_marks_in_plain_text_go_and_a_bold_line_heads_a_section()
    {
        var doc = Parse("Staff Dress Code\n\nWho this applies to.\n\n**Everyday dress**\n\n**Important:** business casual. Jeans on **Fridays** only.\n\n"
                        + "**Footwear**\n\nClosed-toe shoes: 2*3*4 pairs, a * star, ** loose marks **.\n", "dress.txt");

        Assert.Equal(["About these guidelines", "Everyday dress", "Footwear"], Headings(doc));
        Assert.Equal("Important: business casual. Jeans on Fridays only.", doc.Sections[1].Text);
        Assert.Equal("Closed-toe shoes: 2*3*4 pairs, a * star, ** loose marks **.", doc.Sections[2].Text);
    }

    [Fact]
    public void Lines_ending_in_a_colon_head_sections_when_several_do_but_not_a_lead_in()
    {
        var doc = Parse("Staff Handbook\n\nDress and arrival.\n\nDress code:\nBusiness casual is expected.\n\nPlease note:\nTrainers on duty only.\n\n"
                        + "Arrival times:\nArrive by 7:45 a.m.\n\nTo report an absence:\n1. Call the absence line.\n2. Email your principal.\n\n"
                        + "Parking:\nUse the east lot only.\n", "handbook.txt");
        Assert.Equal(["About these guidelines", "Dress code", "Arrival times", "Parking"], Headings(doc));
        Assert.Equal(["Business casual is expected.", "Please note: Trainers on duty only."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Arrive by 7:45 a.m.", "To report an absence:", "1. Call the absence line.", "2. Email your principal."],
            doc.Sections[2].Passages.Select(p => p.Text));

        var one = Parse("Parking\n\nWho may park.\n\nStaff permits:\nFrom the office.\n\nVisitors park at the front.\n", "parking.txt");
        Assert.Equal(["Parking"], Headings(one));
    }

    [Fact]
    public void Contact_and_date_lines_stay_apart_a_contact_block_heads_its_own_section_and_page_numbers_go()
    {
        var doc = Parse("Staff Phone Guidelines\nEffective: March 1, 2025\nOwner: Human Resources\n\nHow staff use phones.\n\nPersonal calls\n"
                        + "Keep personal calls to breaks.\nPage 1 of 2\n\nPhones in class\nPhones stay silent in lessons.\n\n"
                        + "Questions? Contact the HR office\nPhone: 555-0100\nEmail: hr@example.org\n- 2 -\n", "phones.txt");

        Assert.Equal(["About these guidelines", "Personal calls", "Phones in class", "Questions? Contact the HR office"], Headings(doc));
        Assert.Equal(["Effective: March 1, 2025", "Owner: Human Resources", "How staff use phones."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal("Keep personal calls to breaks.", doc.Sections[1].Text);
        Assert.Equal(["Phone: 555-0100", "Email: hr@example.org"], doc.Sections[3].Passages.Select(p => p.Text));

        // "A." letters a list where no "Q." asks: it stays, like "B."; after "Q." it labels the answer.
        var lettered = Parse("Records\n\nHow staff keep records.\n\nAccess\n\nA. Staff open records they need.\n\nB. Curiosity is no need.\n\n"
                             + "Copies\n\nA. Requests go to the registrar.\n", "records.txt");
        Assert.Equal(["A. Staff open records they need.", "B. Curiosity is no need."], lettered.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Yes, at lunch."], Parse("Phones\n\nQ. Can I call home?\nA. Yes, at lunch.\n\nQ. Can I text?\nA. No.\n", "q.txt").Sections[0].Passages.Select(p => p.Text));

        // One labelled line is a sentence like any other, and Q:/A: labels are no fields.
        var qa = Parse("Phones\n\nQ: Can I call home?\nA: Yes, at lunch.\nNote: keep it short\nand quiet.\n\nQ: Can I text?\nA: No.\n", "qa.txt");
        Assert.Equal(["Yes, at lunch. Note: keep it short and quiet."], qa.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_copy_out_of_a_pdf_loses_its_running_headers_and_broken_words_and_keeps_its_roman_numbered_sections()
    {
        const string header = "Pine Ridge Public Schools – Staff Handbook                Section 5.4";
        var doc = Parse(header + "\n\nPINE RIDGE PUBLIC SCHOOLS\nSTAFF HANDBOOK – SECTION 5.4\nLOCKERS, DESKS, AND STUDENT SEARCHES\n"
                        + "Office of Student Services\n\nI. PURPOSE\n\nHow staff manage lockers and searches.\n\nII. DEFINITIONS\n\n"
                        + "A. School property. Lockers remain district property.\nB. Reasonable suspicion. A belief an adminis-\ntrator can describe.\n\n"
                        + "                Page 1 of 2\n\n" + header + "\n\nIII. SEARCHES\n\nOnly administrators search, with a witness and\n\n"
                        + "                Page 2 of 2\n\n" + header + "\n\nnever alone. Pre-\nand post-search notes go to the office.\n", "lockers.txt");

        Assert.Equal("LOCKERS, DESKS, AND STUDENT SEARCHES", doc.Title);
        Assert.Equal(["About these guidelines", "DEFINITIONS", "SEARCHES"], Headings(doc));
        Assert.Equal(["PINE RIDGE PUBLIC SCHOOLS STAFF HANDBOOK – SECTION 5.4", "Office of Student Services", "How staff manage lockers and searches."],
            doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["A. School property. Lockers remain district property.", "B. Reasonable suspicion. A belief an administrator can describe."],
            doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Only administrators search, with a witness and never alone. Pre- and post-search notes go to the office."],
            doc.Sections[2].Passages.Select(p => p.Text));
        Assert.DoesNotContain(doc.Sections, s => s.Passages.Any(p => p.Text.Contains("Staff Handbook  ", StringComparison.Ordinal)));

        // A line that comes back once by a page number is text, and a hyphen before "and" stays.
        var once = Parse("Lockers\n\nHow staff manage lockers.\n\nLocks\nDistrict locks only.\n\nPage 1 of 2\nSee the office\n\nSearches\nWith a witness.\n", "once.txt");
        Assert.Contains(once.Sections, s => s.Text.Contains("See the office", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_text_table_of_contents_is_no_section()
    {
        var leaders = Parse("Staff Parking Procedures\nRiverbend School District\n\nTABLE OF CONTENTS\n1. Purpose ............ 1\n2. Permits ............ 2\n"
                            + "3. Towing ............. 3\n\n1. Purpose\nWhere staff park.\n\n2. Permits\nEvery car needs a permit.\n\n3. Towing\nFire lanes are towed.\n", "parking.txt");
        Assert.Equal(["About these guidelines", "Permits", "Towing"], Headings(leaders));
        Assert.Equal(["Riverbend School District", "Where staff park."], leaders.Sections[0].Passages.Select(p => p.Text));

        var tabs = Parse("Staff Parking Procedures\n\nContents\nPermits\t2\n\nTowing\t3\n\nHow staff park.\n\nPermits\nEvery car needs a permit.\n\n"
                         + "Towing\nFire lanes are towed.\n", "parking2.txt");
        Assert.Equal(["About these guidelines", "Permits", "Towing"], Headings(tabs));
        Assert.Equal(["How staff park."], tabs.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_logo_above_a_markdown_title_leaves_it_the_title()
    {
        var doc = Parse("![district logo](logo.png)\n\n<!-- draft: do not post -->\n\n# Classroom Visitors\n\nVisitors sign in at the office.\n\n"
                        + "## Walkthroughs\n\nAdministrators may drop in.\n\n[![badge](b.png)](https://example.org)\n\n## Parents\n\nBook a visit a day ahead. ![icon](i.png) Stay an hour.\n", "visitors.md");

        Assert.Equal("Classroom Visitors", doc.Title);
        Assert.Equal(["About these guidelines", "Walkthroughs", "Parents"], Headings(doc));
        Assert.Equal(["Visitors sign in at the office."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["Administrators may drop in."], doc.Sections[1].Passages.Select(p => p.Text));
        // A picture inside a sentence keeps its words, as before.
        Assert.Equal(["Book a visit a day ahead. icon Stay an hour."], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Section_labelled_lines_head_sections_over_numbered_clauses()
    {
        var doc = Parse("HARBOR VALLEY SCHOOL DISTRICT\nLibrary Services\n\nCOPYRIGHT GUIDELINES\nRevised March 2025\n\nHow staff copy protected works.\n\n"
                        + "Section 1: Copyright Basics\n\n\t1. A work is protected once written down.\n\t2. Public domain works are free to use.\n\n"
                        + "Section 2: Fair Use\n\n\t1. Fair use allows limited copying.\n\t2. Keep within the amounts below.\n\n"
                        + "Section 3: Photocopying\n\n\t1. One copy per student.\n", "copyright.txt");

        Assert.Equal("COPYRIGHT GUIDELINES", doc.Title);
        Assert.Equal(["About these guidelines", "Copyright Basics", "Fair Use", "Photocopying"], Headings(doc));
        Assert.StartsWith("1. Fair use allows limited copying.", doc.Sections[2].Text, StringComparison.Ordinal);
        Assert.Contains("2. Keep within the amounts below.", doc.Sections[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("One copy", doc.Sections[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_underlined_with_equals_signs_under_a_header_block_is_the_title()
    {
        var doc = Parse("Harbor Valley School District\nTechnology Services\nAdministrative Regulation 4040.2\nEffective: August 2025\n\n\n"
                        + "STAFF PASSWORD AND DEVICE GUIDELINES\n====================================\n\nWhat every employee protects.\n\n"
                        + "Passwords\n---------\n\nUse a passphrase of 14 characters.\n\nLost Devices\n------------\n\nReport a lost laptop within an hour.\n", "tech.txt");

        Assert.Equal("STAFF PASSWORD AND DEVICE GUIDELINES", doc.Title);
        Assert.Equal(["About these guidelines", "Passwords", "Lost Devices"], Headings(doc));
        Assert.Equal("What every employee protects.", doc.Sections[0].Passages[^1].Text);
        Assert.DoesNotContain(doc.Sections[0].Passages, p => p.Text.Contains('='));
    }

    [Fact]
    public void A_colon_heading_over_a_quoted_term_heads_its_section()
    {
        var doc = Parse("Staff Leave\nHuman Resources\n\nHow staff request leave.\n\nDefinitions:\n\"Work day\" means a day on your calendar.\n\n"
                        + "Requesting an absence:\nEnter every absence in Frontline.\n\nJury duty:\nBring your summons to HR.\n", "leave.txt");

        Assert.Equal(["About these guidelines", "Definitions", "Requesting an absence", "Jury duty"], Headings(doc));
        Assert.Equal("\"Work day\" means a day on your calendar.", doc.Sections[1].Text);
    }

    [Fact]
    public void A_document_without_headings_is_one_section_named_by_its_title_and_no_introduction()
    {
        var untitled = Parse("All staff working a field day or other outdoor school event represent the school and are expected to dress and "
                             + "behave accordingly, from set-up until clean-up.\n\nWear closed-toe shoes.\n", "field_day_conduct.txt");
        var titled = Parse("Parking\n\nStaff park in the back lot.\n", "parking.txt");

        Assert.Equal("Field day conduct", untitled.Title);
        Assert.Equal(["Field day conduct"], Headings(untitled));
        Assert.StartsWith("All staff working a field day", untitled.Sections[0].Text, StringComparison.Ordinal);
        Assert.Equal(["Parking"], Headings(titled));
        Assert.All([untitled, titled], d => Assert.False(d.Sections[0].IsIntroduction));
        // With a heading, the text above it is the introduction, as before.
        Assert.True(Parse("Parking\n\nWho may park.\n\nPERMITS\n\nFrom the office.\n", "permits.txt").Sections[0].IsIntroduction);
    }

    [Fact]
    public void Exports_keep_their_titles_and_sections()
    {
        // A wiki page: a breadcrumb, then its title in bold, no "# Title".
        var wiki = Parse("Staff Handbook / Student Services / Attendance\n\n**Attendance Procedures for Teachers**\n\nHow teachers take attendance.\n\n"
                         + "## Codes ##\n\nUse A for absent.\n", "attendance.md");
        Assert.Equal("Attendance Procedures for Teachers", wiki.Title);
        Assert.Equal(["About these guidelines", "Codes"], Headings(wiki));
        Assert.Equal(["Staff Handbook / Student Services / Attendance", "How teachers take attendance."], wiki.Sections[0].Passages.Select(p => p.Text));

        // A forwarded e-mail is named by its subject, without "FW:".
        var mail = Parse("From: Pat Lee\nSent: Monday, August 4, 2025\nTo: All Staff\nSubject: FW: Vehicle use procedures\n\nHi all, see below.\n\n"
                         + "Reserving a Vehicle\n\nBook a van two weeks ahead.\n\nReturning the Vehicle\n\nRefuel it first.\n", "vehicles.txt");
        Assert.Equal("Vehicle use procedures", mail.Title);

        // Word: "3.0⇥PROCEDURES" after a page footer and a form feed, clauses in title case over lists, run-in ALL-CAPS labels.
        var word = Parse("Library Procedures\n\nHow libraries lend.\n\n2.0\tDEFINITIONS\nLMC: the library.\n\nAP 6163.1 – Page 1 of 3\n\f3.0\tPROCEDURES\n"
                         + "These apply at every site.\n\n3.1\tLibrary Checkout\n•\tStudents borrow 4 books.\n\n3.2\tLost Materials\n•\tNo fines are charged.\n\n"
                         + "TIMELINE: Challenges are reviewed within 10 days.\n\nNOTE: This is a callout.\n", "library.txt");
        Assert.Equal(["About these guidelines", "DEFINITIONS", "PROCEDURES", "Library Checkout", "Lost Materials", "TIMELINE"], Headings(word));
        Assert.Equal(["These apply at every site."], word.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal(["Challenges are reviewed within 10 days.", "NOTE: This is a callout."], word.Sections[5].Passages.Select(p => p.Text));
        Assert.DoesNotContain(word.Sections, s => s.Text.Contains("Page 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_numbered_markdown_faq_has_a_section_per_question_and_a_bold_title_names_the_page()
    {
        var doc = Parse("District | Communications Office\nGuideline CO-3, revised July 2025\n\n**Student Photos and News Media on Campus**\n\n"
                        + "How staff photograph students.\n\n## Release Levels\n\nLevel A allows everything.\n\n## Frequently Asked Questions\n\n"
                        + "1. Can I post class photos on my own Instagram?\n\nNo. Use a district account.\n\n2. Can I start a class account?\n\n"
                        + "Yes, with approval.\n\n3. Steps to follow:\n\n4. Ask the office.\n", "photos.md");

        Assert.Equal("Student Photos and News Media on Campus", doc.Title);
        Assert.Equal(["About these guidelines", "Release Levels", "Can I post class photos on my own Instagram?", "Can I start a class account?"],
            Headings(doc));
        Assert.Equal("No. Use a district account.", doc.Sections[2].Text);
        Assert.Equal(["Yes, with approval.", "3. Steps to follow:", "4. Ask the office."], doc.Sections[3].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_double_spaced_document_reads_as_single_spaced_and_keeps_its_line_numbers()
    {
        var doc = Parse("Lakeside School District\n\nIndoor Recess Guidelines\n\nElementary Schools, 2025-26\n\n\n"
                        + "These guidelines describe how our elementary campuses decide when recess\n\nmoves indoors and how students are supervised.\n\n\n"
                        + "Weather Criteria\n\n\nRecess moves indoors when the temperature or wind chill is below 20 degrees\n\nat the time of the recess call.\n\n\n"
                        + "Supervision\n\n\nThere must be an adult in every classroom at all times on indoor recess\n\ndays, even for a few minutes.\n", "recess.txt");

        Assert.Equal("Indoor Recess Guidelines", doc.Title);
        Assert.Equal(["About these guidelines", "Weather Criteria", "Supervision"], Headings(doc));
        Assert.Equal("These guidelines describe how our elementary campuses decide when recess moves indoors and how students are supervised.",
            doc.Sections[0].Passages[^1].Text);
        Assert.Equal(("Recess moves indoors when the temperature or wind chill is below 20 degrees at the time of the recess call.", 16, 18),
            (doc.Sections[1].Text, doc.Sections[1].Passages[0].StartLine, doc.Sections[1].Passages[0].EndLine));
        Assert.Equal((13, 18), (doc.Sections[1].StartLine, doc.Sections[1].EndLine));
    }

    [Fact]
    public void A_web_page_copy_loses_its_navigation_and_footer_and_its_run_in_labels_head_sections()
    {
        var doc = Parse("Skip to main content\nHome > Departments > Human Resources\nSearch\nMenu\nTimekeeping and Overtime\nLast Modified on 08/14/2025\n\n"
                        + "How staff record time.\n\nPay Periods: Staff are paid twice a month on the 10th and 25th.\n\n"
                        + "Missed Punches: Submit a Missed Punch Request within 2 working days.\n\nOvertime Approval: Overtime must be approved in writing first.\n\n"
                        + "Note: Rates change every July for all staff.\n\n© 2025 Lakeside Unified School District\nPrivacy Policy | Accessibility\nPowered by Finalsite\n", "time.txt");

        Assert.Equal("Timekeeping and Overtime", doc.Title);
        Assert.Equal(["About these guidelines", "Pay Periods", "Missed Punches", "Overtime Approval"], Headings(doc));
        Assert.Equal(["Last Modified on 08/14/2025", "How staff record time."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["Overtime must be approved in writing first.", "Note: Rates change every July for all staff."], doc.Sections[3].Passages.Select(p => p.Text));
        Assert.DoesNotContain(doc.Sections, s => s.Text.Contains("Finalsite", StringComparison.Ordinal) || s.Text.Contains("©", StringComparison.Ordinal));

        // Two such labels in a document are text: a lead-in is no heading.
        var two = Parse("Parking\n\nWho may park.\n\nStaff Lot: Staff park behind the gym every day.\n\nVisitor Lot: Visitors park in front of the office.\n", "parking.txt");
        Assert.Equal(["Parking"], Headings(two));
    }

    [Fact]
    public void Section_signs_html_headings_and_lettered_outlines_head_sections()
    {
        var signs = Parse("****************************************\nLAKESIDE SCHOOL DISTRICT\nSTAFF PARKING GUIDELINES\n****************************************\n\n"
                          + "Issued by Facilities.\n\n\n§ 1. Purpose\n\nHow staff park.\n\n\n§ 2. Who Needs a Permit\n\nEvery employee who parks on campus.\n\n\n"
                          + "§ 3. Towing\n\nCars in fire lanes are towed.\n", "parking.txt");
        Assert.Equal("STAFF PARKING GUIDELINES", signs.Title);
        Assert.Equal(["About these guidelines", "Who Needs a Permit", "Towing"], Headings(signs));

        var html = Parse("# Textbooks\n\nHow materials are ordered.\n\n<h2>Ordering <em>Materials</em></h2>\n\nOrder by April 15.\n\n"
                         + "<h3>Lost &amp; Damaged Books</h3>\n\nFamilies pay the replacement cost.\n\n<div>Not a heading</div>\n", "textbooks.md");
        Assert.Equal(["About these guidelines", "Ordering Materials", "Lost & Damaged Books"], Headings(html));
        Assert.Equal("Ordering Materials", html.Sections[2].ParentHeading);
        Assert.Equal(["Families pay the replacement cost.", "Not a heading"], html.Sections[2].Passages.Select(p => p.Text));

        // Its one level-1 heading names the document, under a line of a few words.
        var headed = Parse("_Document CI-207 · Owner: Curriculum_\n\n<h1>Textbooks</h1>\n\nHow materials are ordered.\n\n<h2>Ordering</h2>\n\nBy April 15.\n", "books.md");
        Assert.Equal("Textbooks", headed.Title);
        Assert.Equal(["Document CI-207 · Owner: Curriculum", "How materials are ordered."], headed.Sections[0].Passages.Select(p => p.Text));
        var sections = Parse("Read this first, every year, before you order anything at all for your classroom.\n\n# Ordering\n\nBy April 15.\n\n# Fees\n\nPay the clerk.\n", "two.md");
        Assert.Equal(["About these guidelines", "Ordering", "Fees"], Headings(sections));

        var outline = Parse("# Lab Safety\n\nHow labs stay safe.\n\n## 1) Equipment\n\nWhat to wear.\n\n### a) Goggles\n\nAlways on.\n\n### b) Gloves\n\nFor acids.\n", "lab.md");
        Assert.Equal(["About these guidelines", "Equipment", "Goggles", "Gloves"], Headings(outline));
    }

    [Fact]
    public void Banners_tilde_underlines_lettered_parts_and_numbered_file_names_are_read()
    {
        var banners = Parse("Gifts Bulletin\n\nWhat staff may accept.\n\n=============== GIFTS YOU MAY ACCEPT ===============\n\nA card or a small gift under $25.\n\n"
                            + "=============== REPORTING A GIFT ===============\n\nReport anything over $50.\n", "01_gifts.txt");
        Assert.Equal(["About these guidelines", "GIFTS YOU MAY ACCEPT", "REPORTING A GIFT"], Headings(banners));

        var parts = Parse("PARAEDUCATOR ABSENCE PROCEDURES\nRevised August 2024\n\nHow aides report absences.\n\n\nPart A - Reporting An Absence\n~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n\n"
                          + "Enter every absence by 6:00 a.m.\n\n-----Original Message-----\n\nPart B - Leave Types\n~~~~~~~~~~~~~~~~~~~~\n\nSick leave is 12 days.\n", "02_absences.txt");
        Assert.Equal(["About these guidelines", "Reporting An Absence", "Leave Types"], Headings(parts));
        Assert.DoesNotContain(parts.Sections, s => s.Text.Contains("Original Message", StringComparison.Ordinal));

        var numbered = Parse("District Facilities Office\n\nStandard Operating Procedure FS-07: After-Hours Building Access\nEffective: January 6, 2025\n\n"
                             + "Who may be in a building after hours.\n\n**1. Definitions**\n\nAfter hours means after 6 p.m.\n", "03_after_hours_access.md");
        Assert.Equal("Standard Operating Procedure FS-07: After-Hours Building Access", numbered.Title);
        Assert.Equal("Parking", Parse("Staff park in the back lot.\n\nVisitors park in front.\n", "04-parking.md").Title);
    }

    [Fact]
    public void Markdown_terms_a_line_each_are_a_passage_each()
    {
        var doc = Parse("# Medication\n\nHow staff give medication.\n\n## Key terms\n\n**HS-12** — the authorization form.\n**IHP** — the nurse's plan.\n"
                        + "**Phone:** 555-0100\n\n## Storage\n\n**Locked** cabinets only,\nin the health office.\n", "meds.md");

        Assert.Equal(["HS-12 — the authorization form.", "IHP — the nurse's plan.", "Phone: 555-0100"], doc.Sections[1].Passages.Select(p => p.Text));
        // One bold word opening a paragraph is no list of terms.
        Assert.Equal(["Locked cabinets only, in the health office."], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_markdown_table_of_contents_is_no_section()
    {
        var doc = Parse("# Homework Guidelines\n\nHow teachers set homework.\n\n**Table of contents**\n\n- [🎯 Purpose of homework](#purpose-of-homework)\n"
                        + "- [📚 Late work](#late-work)\n\n## 🎯 Purpose of homework\n\nPractice what class taught.\n\n## 📚 Late work\n\n"
                        + "Ten percent off a day.\n\n- [The board policy](https://example.org/policy)\n- See [late work](#late-work) for more.\n", "homework.md");

        Assert.Equal(["About these guidelines", "Purpose of homework", "Late work"], Headings(doc));
        Assert.Equal(["How teachers set homework."], doc.Sections[0].Passages.Select(p => p.Text));
        // A link elsewhere, or an item with more than the link, is text as before.
        Assert.Equal(["Ten percent off a day.", "The board policy (https://example.org/policy)", "See late work for more."],
            doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void An_organisations_name_above_the_documents_name_is_no_title()
    {
        var doc = Parse("Riverside Unified School District\n\nVisitor Policy\n\nAll visitors sign in.\n\nSigning in\nShow photo ID.\n\n"
                        + "Volunteers\nVolunteers need a background check.\n", "visitors.txt");
        Assert.Equal("Visitor Policy", doc.Title);
        Assert.Equal(["About these guidelines", "Signing in", "Volunteers"], Headings(doc));
        Assert.Equal(["Riverside Unified School District", "All visitors sign in."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(1, doc.Sections[0].StartLine);

        // A title block of organisation, department, title and date; a code number gives way to the subject under it.
        var block = Parse("Maple Valley School District\nHuman Resources Department\nStaff Attendance and Absence Reporting Procedures\n"
                          + "Revised August 2024\n\nReporting an absence\nCall the absence line by 6 a.m.\n\nPlanned leave\nAsk five days ahead.\n", "absence.txt");
        Assert.Equal("Staff Attendance and Absence Reporting Procedures", block.Title);
        Assert.Equal(["Maple Valley School District Human Resources Department", "Revised August 2024"], block.Sections[0].Passages.Select(p => p.Text));
        var coded = Parse("MAPLE VALLEY SCHOOL DISTRICT\nAdministrative Regulation 5141.21\nAdministering Medication and Monitoring Health Conditions\n\n"
                          + "1. Purpose\nHow medication is given.\n\n2. Storage\nLocked cabinet.\n", "medication.txt");
        Assert.Equal("Administering Medication and Monitoring Health Conditions", coded.Title);
        Assert.Equal("Board Policy 4040", Parse("Riverside District\nBoard Policy 4040\nPurpose\nHow staff use technology.\n", "bp.txt").Title);

        // A title is longer than a heading may be: over 60 characters or 8 words, it still names the document.
        var longTitle = Parse("CEDAR RIDGE UNIFIED SCHOOL DISTRICT\nStaff Guidelines for Bus Duty, Student Transportation and Dismissal\n"
                              + "Transportation Department - 2024-2025 School Year\n\nMORNING ARRIVAL\nBe at your post by 7:35.\n\nDISMISSAL\nStay until the last bus leaves.\n", "bus.txt");
        Assert.Equal("Staff Guidelines for Bus Duty, Student Transportation and Dismissal", longTitle.Title);
        Assert.Equal(["CEDAR RIDGE UNIFIED SCHOOL DISTRICT", "Transportation Department - 2024-2025 School Year"], longTitle.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal("Professional Development, Conferences and Continuing-Education Credits",
            Parse("CEDAR RIDGE UNIFIED SCHOOL DISTRICT\nAdministrative Guideline HR-4120\nProfessional Development, Conferences and Continuing-Education Credits\n"
                  + "Revision Date: June 17, 2024\n\n1. Purpose\nHow staff learn.\n\n2. Scope\nAll employees.\n", "hr.txt").Title);

        // A line that names only the kind ("Staff Guidelines") is the subtitle of the line right above it, and a FAQ
        // written out names its kind too.
        var kindOnly = Parse("WILLOW CREEK UNIFIED SCHOOL DISTRICT\nOffice of Student Services\n\nMANDATED REPORTING OF SUSPECTED CHILD ABUSE AND NEGLECT\n"
                             + "Staff Guidelines\n\nEvery adult who works here must report.\n\n1. WHO IS A MANDATED REPORTER\n\nEvery teacher.\n\n2. TRAINING\n\nEvery year.\n", "abuse.txt");
        Assert.Equal("MANDATED REPORTING OF SUSPECTED CHILD ABUSE AND NEGLECT", kindOnly.Title);
        Assert.Equal(["About these guidelines", "WHO IS A MANDATED REPORTER", "TRAINING"], Headings(kindOnly));
        Assert.Equal(["WILLOW CREEK UNIFIED SCHOOL DISTRICT Office of Student Services", "Staff Guidelines", "Every adult who works here must report."],
            kindOnly.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal("Field Trips and Chaperones: Frequently Asked Questions for Staff",
            Parse("Willow Creek Unified School District\nField Trips and Chaperones: Frequently Asked Questions for Staff\n\nWhat staff ask about trips.\n\n"
                  + "Q: How far ahead do I ask?\nA: Thirty school days.\n", "trips.txt").Title);

        // A memo is named by its subject line.
        var memo = Parse("HARBOR VIEW SCHOOL DISTRICT\nMEMORANDUM\n\nTO:      All Staff\nFROM:    Operations\nDATE:    November 3, 2025\n"
                         + "RE:      Inclement Weather Procedures for Staff\n\nHow the district decides on closures.\n\nClosure days:\nTen-month staff stay home.\n\n"
                         + "Two-hour delays:\nReport two hours late.\n", "memo.txt");
        Assert.Equal("Inclement Weather Procedures for Staff", memo.Title);
        Assert.Equal(["About these guidelines", "Closure days", "Two-hour delays"], Headings(memo));
        // An e-mail pasted from its subject line on is named by its subject too.
        Assert.Equal("Jeans", Parse("Subject: Jeans\n\nJeans on Fridays.\n", "s.txt").Title);

        // A title that names its kind keeps its subtitle, and a first line that names no kind stays the title beside one that does not either.
        Assert.Equal("Visitor Policy", Parse("Visitor Policy\nStaff Rules Annex\n\nAll visitors sign in.\n", "v.txt").Title);
        Assert.Equal("Internet Use", Parse("Internet Use\nRiverbend Schools\n\nHow staff use the internet.\n", "i.txt").Title);
    }

    [Fact]
    public void A_first_section_headed_as_the_introduction_is_the_documents_introduction()
    {
        // Under a title block: the block's lines and the introduction's text are one introduction.
        var bus = Parse("CEDAR RIDGE UNIFIED SCHOOL DISTRICT\nBus Duty Guidelines\nTransportation Department\n\nINTRODUCTION\n\n"
                        + "These guidelines apply to all staff on bus duty.\n\nMORNING ARRIVAL\n\nBe at your post by 7:35.\n", "bus.txt");
        Assert.Equal(["About these guidelines", "MORNING ARRIVAL"], Headings(bus));
        Assert.True(bus.Sections[0].IsIntroduction);
        Assert.Equal(["CEDAR RIDGE UNIFIED SCHOOL DISTRICT", "Transportation Department", "These guidelines apply to all staff on bus duty."],
            bus.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal((1, 7), (bus.Sections[0].StartLine, bus.Sections[0].EndLine));

        // A numbered purpose, and a Markdown overview with nothing above it but the title.
        Assert.Equal(["About these guidelines", "Scope"], Headings(Parse("Leave Rules\n\n1. Purpose\nHow staff take leave.\n\n2. Scope\nAll employees.\n", "leave.txt")));
        var md = Parse("# Grading Guidelines\n\n## Overview\n\nHow teachers grade.\n\n## Late work\n\nTen percent off a day.\n", "grading.md");
        Assert.Equal(["About these guidelines", "Late work"], Headings(md));
        Assert.Equal(["How teachers grade."], md.Sections[0].Passages.Select(p => p.Text));

        // Further down, or under another heading's name, a purpose is a section like any other.
        Assert.Equal(["About these guidelines", "Late work", "Purpose"],
            Headings(Parse("# Grading\n\nHow teachers grade.\n\n## Late work\n\nTen percent off.\n\n## Purpose\n\nFair grades.\n", "g.md")));
        Assert.Equal(["About these guidelines", "Purpose of homework"],
            Headings(Parse("# Grading\n\nHow teachers grade.\n\n## Purpose of homework\n\nPractice.\n", "h.md")));

        // The only section is what the document says, whatever its heading.
        var only = Parse("# Jeans Fridays\n\n## Overview\n\nJeans are fine on Fridays.\n", "jeans.md");
        Assert.Equal(["Overview"], Headings(only));
        Assert.False(only.Sections[0].IsIntroduction);
    }

    [Fact]
    public void Plain_text_tables_drawn_or_lined_up_give_a_passage_per_row_that_names_its_columns()
    {
        var doc = Parse("Leave\n\nHow much leave staff get.\n\nLeave types\nLeave type        Days    Approver\nSick              10      Principal\n"
                        + "Personal          3       HR office\n\nBreaks\nRole\tHours\tBreak\nTeacher\t7.5\t30 min\nAide\t6\t20 min\n\n"
                        + "Overtime\n+---------+------+\n| Day     | Rate |\n+---------+------+\n| Weekday | 1.5x |\n| Sunday  | 2x   |\n+---------+------+\n\n"
                        + "Spacing\nThis is a sentence.  Two spaces follow its full stop and it\nwraps onto a line.  This one has them too and so\n"
                        + "does the third.  None of it is a table.\n", "leave.txt");

        Assert.Equal(["About these guidelines", "Leave types", "Breaks", "Overtime", "Spacing"], Headings(doc));
        Assert.Equal(["Leave type: Sick — Days: 10 — Approver: Principal", "Leave type: Personal — Days: 3 — Approver: HR office"],
            doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Role: Teacher — Hours: 7.5 — Break: 30 min", "Role: Aide — Hours: 6 — Break: 20 min"], doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal(["Day: Weekday — Rate: 1.5x", "Day: Sunday — Rate: 2x"], doc.Sections[3].Passages.Select(p => p.Text));
        Assert.Equal((19, 20), (doc.Sections[3].Passages[0].StartLine, doc.Sections[3].Passages[1].StartLine));
        Assert.Single(doc.Sections[4].Passages);
        Assert.StartsWith("This is a sentence.  Two spaces", doc.Sections[4].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lined_up_list_without_a_header_row_keeps_every_row_and_a_lead_in_word_with_a_colon_is_no_heading()
    {
        var doc = Parse("Office Guide\n\nWhen the office is open.\n\nOffice hours\nMonday      8:00 - 4:00\nTuesday     8:00 - 4:00\n"
                        + "Wednesday   8:00 - 2:00\n\nRates\n| Day     | Rate |\n| Weekday | 1.5x |\n| Sunday  | 2x   |\n\nGoggles\nWear goggles.\n\n"
                        + "Important:\nNever mix acids.\n\nRemember:\nLabel everything.\n", "office.txt");

        Assert.Equal(["About these guidelines", "Office hours", "Rates", "Goggles"], Headings(doc));
        Assert.Equal(["Monday — 8:00 - 4:00", "Tuesday — 8:00 - 4:00", "Wednesday — 8:00 - 2:00"], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Day: Weekday — Rate: 1.5x", "Day: Sunday — Rate: 2x"], doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal(["Wear goggles.", "Important: Never mix acids.", "Remember: Label everything."], doc.Sections[3].Passages.Select(p => p.Text));

        // A subtitle written as a sentence is no title, though it names a kind of document.
        Assert.Equal("Remote Working", Parse("Remote Working\nGuidelines for staff who work from home\n\nHome working.\n", "remote.txt").Title);
    }

    [Fact]
    public void The_last_of_numbered_steps_stays_a_step_though_text_follows_it()
    {
        var caps = Parse("Visitors\n\nHow visitors sign in.\n\nSIGNING IN\n\n1. Report to the front office\n\n2. Show photo identification\n\n"
                         + "3. Wear the visitor badge at all times\n\nThe office keeps the sign-in sheet for a year.\n\nLEAVING\n\nSign out at the office.\n", "v.txt");
        Assert.Equal(["About these guidelines", "SIGNING IN", "LEAVING"], Headings(caps));
        Assert.Contains("3. Wear the visitor badge at all times", caps.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Numbered_steps_under_a_question_stay_steps()
    {
        var doc = Parse("Passwords\n\nHow do I reset my password?\n\n1. Open the portal\n\n2. Click Forgot password and follow the link.\n\n"
                        + "Who unlocks my account?\n\nThe help desk.\n\nA NOTE ON SHARING\n\nNever share a password.\n", "passwords.txt");

        Assert.Equal(["How do I reset my password?", "Who unlocks my account?", "A NOTE ON SHARING"], Headings(doc));
        Assert.Equal(["1. Open the portal", "2. Click Forgot password and follow the link."], doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_question_and_answer_document_written_a_paragraph_per_line_has_a_section_per_question()
    {
        var doc = Parse("Dress Code FAQ\nCommon questions about what staff wear.\nCan I wear jeans?\nYes, on Fridays.\nAre hats allowed?\n"
                        + "No, except outdoors for PE staff.\n", "faq.txt");

        Assert.Equal(["About these guidelines", "Can I wear jeans?", "Are hats allowed?"], Headings(doc));
        Assert.Equal("No, except outdoors for PE staff.", doc.Sections[2].Text);
    }

    [Fact]
    public void One_question_paragraph_does_not_turn_a_paragraph_per_line_policy_into_questions()
    {
        var doc = Parse("Dress Code Policy\nWhat staff wear.\nFridays\nJeans are fine on Fridays.\nWhy does this matter?\n"
                        + "Families notice how staff dress.\nUniforms\nCustodians wear the district uniform.\n", "dress.txt");

        Assert.Equal(["About these guidelines", "Fridays", "Uniforms"], Headings(doc));
    }

    [Fact]
    public void A_markdown_faq_without_headings_has_a_section_per_question_line()
    {
        var doc = Parse("# Dress Code FAQ\n\nCommon questions about what staff wear.\n\nCan I wear jeans?\nYes, on Fridays.\n\n"
                        + "Are hats allowed?\n\nNo, except outdoors for PE staff.\n", "faq.md");

        Assert.Equal(["About these guidelines", "Can I wear jeans?", "Are hats allowed?"], Headings(doc));
        Assert.Equal("Yes, on Fridays.", doc.Sections[1].Text);
        Assert.Equal((8, 10), (doc.Sections[2].StartLine, doc.Sections[2].EndLine));
    }

    [Fact]
    public void A_question_opening_a_paragraph_under_markdown_headings_stays_text()
    {
        var doc = Parse("# Dress Code\n\n## Fridays\n\nNot sure what counts?\nJeans count.\n\nWhy?\nFamilies notice.\n", "dress.md");

        Assert.Equal(["Fridays"], Headings(doc));
    }

    [Fact]
    public void A_slide_deck_opening_with_its_slide_rule_is_text_not_front_matter()
    {
        var doc = Parse("---\n# Emergency Drills 2025\n\n**Cedar Creek School District**\n\nPresented by: M. Delgado\n\n---\n# Why We Drill\n\n"
                        + "- State law requires drills\n\n---\n# Lockdown\n\n- Lock the door and turn off the lights\n", "drills.md");

        Assert.Equal("Emergency Drills 2025", doc.Title);
        Assert.Equal(["About these guidelines", "Why We Drill", "Lockdown"], Headings(doc));
        Assert.Equal("Lock the door and turn off the lights", doc.Sections[2].Text);
    }

    [Fact]
    public void An_empty_markdown_heading_heads_nothing_and_loses_no_text()
    {
        var doc = Parse("# Volunteers\n\n## Fees\n\nLive Scan costs $32.\n\n##\n\nCoaches do not pay.\n\n### **5. Staff Duties**\n\nCheck the list.\n", "volunteers.md");

        Assert.Equal(["Fees", "Staff Duties"], Headings(doc));
        Assert.Equal("Live Scan costs $32.\n\nCoaches do not pay.", doc.Sections[0].Text);
    }

    [Fact]
    public void Asciidoc_headings_saved_as_markdown_head_sections_and_its_attribute_lines_go()
    {
        var doc = Parse("= Field Trip Guide\nR. Okafor, Coach\n:toc:\n:icons: font\n\nHow trips get approved.\n\n[NOTE]\nAthletics follow their own handbook.\n\n"
                        + "== Planning Timeline\n\n* *6 weeks before:* submit Form FT-1.\n\n=== Overnight Trips\n\nThey need Board approval.\n\n== Permission Slips\n\nUse Form FT-2.\n", "trips.md");

        Assert.Equal("Field Trip Guide", doc.Title);
        Assert.Equal(["About these guidelines", "Planning Timeline", "Overnight Trips", "Permission Slips"], Headings(doc));
        Assert.DoesNotContain(":toc:", doc.Sections[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[NOTE]", doc.Sections[0].Text, StringComparison.Ordinal);
        Assert.Contains("Athletics follow their own handbook.", doc.Sections[0].Text, StringComparison.Ordinal);
        Assert.Equal((15, 17), (doc.Sections[2].StartLine, doc.Sections[2].EndLine));
    }

    [Fact]
    public void Equals_signs_opening_lines_of_a_markdown_document_with_headings_stay_text()
    {
        var doc = Parse("# Grading\n\n## Weights\n\n== 40% tests\n\n== 60% classwork\n", "grading.md");

        Assert.Equal(["Weights"], Headings(doc));
        Assert.Contains("== 40% tests", doc.Sections[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checklist_item_keeps_its_words_not_its_box()
    {
        var doc = Parse("# Trips\n\n## Day of the Trip\n\n- [ ] Headcount when boarding\n- [x] First aid kit collected\n- [link] stays\n", "trips.md");

        Assert.Equal(["Headcount when boarding", "First aid kit collected", "[link] stays"], doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Lettered_title_case_lines_under_roman_numeral_headings_head_their_own_sections()
    {
        var doc = Parse("Staff Travel\n\nHow travel is paid.\n\nI. PURPOSE\n\nTo set the rules.\n\nII. PROCEDURES\n\nThese procedures govern expenses.\n\n"
                        + "A. Mileage Reimbursement\n\nMileage is paid at the IRS rate.\n\nB. Meals and Per Diem\n\nMeals are paid on overnight trips.\n\n"
                        + "III. CONTACTS\n\nCall Business Services.\n", "travel.txt");

        Assert.Equal(["About these guidelines", "PROCEDURES", "Mileage Reimbursement", "Meals and Per Diem", "CONTACTS"], Headings(doc));
        Assert.Equal("Mileage is paid at the IRS rate.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_lettered_line_alone_or_written_as_a_sentence_stays_a_clause()
    {
        var doc = Parse("Lockers\n\nHow lockers work.\n\nLOCKER USE\n\nA. Personal property is the owner's risk.\n\nB. Locks are issued by the office.\n\n"
                        + "SEARCHES\n\nA. Lincoln Elementary\n\nSearches follow board policy.\n", "lockers.txt");

        Assert.Equal(["About these guidelines", "LOCKER USE", "SEARCHES"], Headings(doc));
    }

    [Fact]
    public void A_caps_line_right_above_the_title_and_a_memorandum_line_are_the_header_not_sections()
    {
        var reg = Parse("CEDAR RIDGE UNIFIED SCHOOL DISTRICT\nBusiness Services Division\n\nADMINISTRATIVE REGULATION 3350-AR\nSTAFF TRAVEL AND EXPENSE REIMBURSEMENT\n\n"
                        + "Approved by the Superintendent: August 12, 2025\n\nThis regulation applies to all employees.\n\nI. SCOPE\n\nAll travel.\n\nII. MILEAGE\n\nPaid per mile.\n", "travel.txt");
        var memo = Parse("MAPLE VALLEY UNIFIED SCHOOL DISTRICT\nOffice of Student Services\n\nMEMORANDUM\n\nTO:       Principals\nFROM:     Dr. L. Whitfield\n"
                         + "RE:       Administrative Procedure 5141.21-AP, Administering Medication\n          to Students (Revised)\n\nThis memo sends the procedure.\n\n"
                         + "1.0  GENERAL\n\n1.1  Scope\n\n     1.1.1  This applies to all staff.\n\n2.0  STORAGE\n\n2.1  Locked Cabinet\n\n     2.1.1  Keep it locked.\n", "meds.txt");

        Assert.Equal("STAFF TRAVEL AND EXPENSE REIMBURSEMENT", reg.Title);
        Assert.Equal(["About these guidelines", "SCOPE", "MILEAGE"], Headings(reg));
        Assert.Contains("ADMINISTRATIVE REGULATION 3350-AR", reg.Sections[0].Text, StringComparison.Ordinal);
        Assert.Equal("Administrative Procedure 5141.21-AP, Administering Medication to Students (Revised)", memo.Title);
        Assert.Equal("About these guidelines", memo.Sections[0].Heading);
        Assert.Contains("MEMORANDUM", memo.Sections[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numbered_clause_wrapped_under_its_own_text_is_a_clause_not_a_heading()
    {
        var doc = Parse("Medication Procedure\n\nHow doses are given.\n\n3.2  Giving a Dose\n\n     3.2.1  Before each dose, check the label.\n\n"
                        + "     3.2.2  Each dose is recorded immediately on the Individual Medication\n            Log, Form F2, with the time given.\n\n"
                        + "3.3  Self-Carry\n\n     3.3.1  Inhalers may be carried.\n", "meds.txt");

        Assert.Equal(["About these guidelines", "Giving a Dose", "Self-Carry"], Headings(doc));
        Assert.Contains("Individual Medication Log, Form F2", doc.Sections[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_boxed_in_ascii_rules_is_the_title()
    {
        var doc = Parse("+--------------------------------+\n|   THE BUSINESS OFFICE BRIEF    |\n|  Riverbend Public Schools      |\n+--------------------------------+\n\n"
                        + "Conference season is here.\n\nMILEAGE\n-------\n\nThe rate is 70 cents.\n", "brief.txt");

        Assert.Equal("THE BUSINESS OFFICE BRIEF", doc.Title);
        Assert.Equal(["About these guidelines", "MILEAGE"], Headings(doc));
        Assert.Equal("Riverbend Public Schools\n\nConference season is here.", doc.Sections[0].Text);
    }

    [Fact]
    public void A_questions_and_answers_line_under_the_district_names_the_document()
    {
        var doc = Parse("CEDAR RIDGE UNIFIED SCHOOL DISTRICT\nHealth Services Department\nMEDICATION AT SCHOOL: QUESTIONS & ANSWERS FOR STAFF\n\n"
                        + "Answers to what nurses hear most.\n\nQ: Can I give a student Tylenol?\nA: No.\n", "meds.txt");

        Assert.Equal("MEDICATION AT SCHOOL: QUESTIONS & ANSWERS FOR STAFF", doc.Title);
    }

    [Fact]
    public void An_email_pasted_from_its_subject_line_is_titled_by_its_subject()
    {
        var doc = Parse("Subject: Staff Parking Permits for 2024-25\n\nHi all,\n\nNew hang tags this year.\n\n1) Who needs a permit\n\nEveryone who parks on campus.\n\n"
                        + "2) How to apply\n\nUse the online form.\n", "parking.txt");

        Assert.Equal("Staff Parking Permits for 2024-25", doc.Title);
        Assert.Equal(["About these guidelines", "Who needs a permit", "How to apply"], Headings(doc));
    }

    [Fact]
    public void Each_toggle_of_a_notion_faq_is_a_section_under_its_heading()
    {
        var doc = Parse("# Food in Classrooms\n\nWhat staff may serve.\n\n## Frequently asked questions\n\nThe questions we hear most.\n\n<details>\n<summary>Can I bring homemade treats?</summary>\n\n"
                        + "No. Homemade food cannot be served to students.\n\n</details>\n\n<details><summary>Can students eat lunch in my room? (click to expand)</summary>\n\nYes, with your principal's OK.\n\n</details>\n", "food.md");

        Assert.Equal(["About these guidelines", "Frequently asked questions", "Can I bring homemade treats?", "Can students eat lunch in my room?"], Headings(doc));
        Assert.Equal("No. Homemade food cannot be served to students.", doc.Sections[2].Text);
        Assert.Equal("Frequently asked questions", doc.Sections[3].ParentHeading);
        Assert.Equal((16, 20), (doc.Sections[3].StartLine, doc.Sections[3].EndLine));
    }

    [Fact]
    public void A_page_written_in_html_reads_as_its_markdown_would()
    {
        var doc = Parse("# Student Medication\n\n<div class=\"ExternalClass1\">\n<p>How staff give medication.</p>\n<p>&nbsp;</p>\n<h2>Who May Give Medication</h2>\n"
                        + "<p>Only these people:</p>\n<ul><li>The school nurse</li><li>Trained staff on the site&rsquo;s list</li></ul>\n<p>Volunteers may <strong>never</strong> give medication.</p>\n"
                        + "<h2>Receiving &amp; Storing</h2>\n<table><tr><th>Topic</th><th>Rule</th></tr>\n<tr><td>Supply</td><td>30 days at most</td></tr></table>\n</div>\n", "meds.md");

        Assert.Equal(["About these guidelines", "Who May Give Medication", "Receiving & Storing"], Headings(doc));
        Assert.Equal(["Only these people:", "The school nurse", "Trained staff on the site\u2019s list", "Volunteers may never give medication."],
            doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal("Topic: Supply — Rule: 30 days at most", Assert.Single(doc.Sections[2].Passages).Text);
        Assert.Equal(12, doc.Sections[2].Passages[0].StartLine);
    }

    [Fact]
    public void A_title_in_html_bold_under_the_district_names_the_document()
    {
        var doc = Parse("<b>LAKEVIEW CONSOLIDATED SCHOOL DISTRICT</b><br>\n<b>Facilities Department — Key and Building Access Procedures</b><br>\nProcedure FAC-7110\n\n"
                        + "Keys are district property.\n\n#### 1. Purpose\n\nTo protect students.\n\n#### 2. Lost Keys\n\nReport them within 24 hours.\n", "keys.md");

        Assert.Equal("Facilities Department — Key and Building Access Procedures", doc.Title);
    }

    [Fact]
    public void Headings_underlined_with_asterisks_of_their_length_head_sections_and_a_row_of_asterisks_under_text_parts_it()
    {
        var doc = Parse("EMERGENCY DRILL GUIDELINES\n\nHow drills run.\n\nDrill Schedule\n**************\n\nFire drills are monthly.\n\n"
                        + "Before a Drill\n**************\n\nPost the evacuation map.\nKeep it current.\n*****************************\n\nAsk the office.\n", "drills.txt");

        Assert.Equal(["About these guidelines", "Drill Schedule", "Before a Drill"], Headings(doc));
        Assert.Contains("Ask the office.", doc.Sections[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_in_square_brackets_head_sections()
    {
        var doc = Parse("Copyright Guidelines\n\nHow staff copy materials.\n\n[Photocopying Limits]\nOne copy per student.\n\n[Copy Center Requests]\nJobs over 100 pages go to the Copy Center.\n", "copy.txt");

        Assert.Equal(["About these guidelines", "Photocopying Limits", "Copy Center Requests"], Headings(doc));
        Assert.Equal("One copy per student.", doc.Sections[1].Text);
    }

    [Fact]
    public void A_regulations_titled_sections_run_in_on_their_first_line_head_sections()
    {
        var doc = Parse("BOARD REGULATION 3350\nTravel Expenses\n\nHow travel is paid.\n\nARTICLE I - GENERAL\n\nSection 1.01 Eligibility. All employees may\nclaim travel.\n\n"
                        + "ARTICLE II - EXPENSES\n\nSection 2.01 Mileage. Mileage is paid at the IRS rate.\n\nSection 2.02 Meals and Lodging. Meals are paid on overnight trips.\n", "travel.txt");

        Assert.Equal(["About these guidelines", "Eligibility", "Mileage", "Meals and Lodging"], Headings(doc));
        Assert.Equal("All employees may claim travel.", doc.Sections[1].Text);
        Assert.Equal("Mileage is paid at the IRS rate.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_table_of_contents_listing_headings_without_page_numbers_is_left_out()
    {
        var doc = Parse("Travel Guidelines\n\nHow travel is paid.\n\nTable of Contents\n1. Eligibility\n2. Mileage\n2.1 Personal cars\n\n1. Eligibility\nAll employees may claim travel.\n\n"
                        + "2. Mileage\nMileage is paid at the IRS rate.\n\n2.1 Personal cars\nShow proof of insurance.\n", "travel.txt");

        Assert.Equal(["About these guidelines", "Eligibility", "Mileage", "Personal cars"], Headings(doc));
        Assert.Equal("How travel is paid.", doc.Sections[0].Text);
    }

    [Fact]
    public void Pandoc_and_jekyll_markup_is_no_text_and_a_grid_table_gives_a_passage_per_row()
    {
        var doc = Parse("---\ntitle: Field Trips\nlayout: page\ntags:\n  - trips\n---\n\nThis page explains how {{ site.district_name }} staff plan trips.\n{: .lead }\n\n"
                        + "{% include callout.html type=\"warning\" content=\"No trip leaves without Form FT-1.\" %}\n\n## Vehicles {#vehicles .unnumbered}\n\n"
                        + "+--------------+-----------+\n| Vehicle      | Rate      |\n+==============+===========+\n| Minivan (7–8 | $0.48 per |\n| passengers)  | mile      |\n+--------------+-----------+\n\n"
                        + "## PARKING PERMITS:\n\nHang the tag on the mirror.\n", "trips.md");

        Assert.Equal(["About these guidelines", "Vehicles", "PARKING PERMITS"], Headings(doc));
        Assert.Equal(["This page explains how staff plan trips.", "No trip leaves without Form FT-1."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal("Vehicle: Minivan (7–8 passengers) — Rate: $0.48 per mile", Assert.Single(doc.Sections[1].Passages).Text);
    }

    [Fact]
    public void Markdown_saved_as_plain_text_is_read_as_markdown()
    {
        var doc = Parse("# Field Trip Guidelines\n\nHow trips are approved.\n\n## Permission Slips\n\n- **Walking trips** need the annual slip.\n\n## Transportation\n\nBook the bus early.\n", "trips.txt");

        Assert.Equal("Field Trip Guidelines", doc.Title);
        Assert.Equal(["About these guidelines", "Permission Slips", "Transportation"], Headings(doc));
        Assert.Equal("Walking trips need the annual slip.", doc.Sections[1].Text);
    }

    [Fact]
    public void A_forwarded_email_under_a_note_to_its_readers_is_titled_by_its_subject()
    {
        var doc = Parse("Hi team,\n\nSee the updated procedure below.\n\nThanks,\nDana\n\nDana Whitfield\nOffice Manager, Lincoln Elementary\n(555) 310-2260\n\nFrom: Marcus Webb <mwebb@example.org>\nSent: Monday, August 18, 2025 9:14 AM\n"
                        + "To: Site Office Managers\nSubject: RE: Updated procedure - Keys, Badges and Building Access\n\nGood morning,\n\nBelow is the procedure.\n\n"
                        + "ALARM CODES\n\nNever share your code.\n\nLOST KEYS\n\nReport them within 24 hours.\n", "keys.txt");

        Assert.Equal("Updated procedure - Keys, Badges and Building Access", doc.Title);
        Assert.Equal(["About these guidelines", "ALARM CODES", "LOST KEYS"], Headings(doc));
    }

    [Fact]
    public void A_board_policy_manuals_series_line_does_not_name_the_policy_under_it()
    {
        var policy = Parse("STUDENTS\n\nREPORTING OF SUSPECTED CHILD ABUSE AND NEGLECT\n\nAdopted: March 12, 2019\n\nStaff must report abuse.\n\n"
                           + "2. DEFINITIONS\n\nAbuse means harm.\n\n3. REPORTING\n\nCall the hotline.\n", "abuse.txt");
        var regulation = Parse("MAPLE RIDGE UNIFIED SCHOOL DISTRICT\nBOARD REGULATION 3350\nBusiness and Noninstructional Operations\n\nTRAVEL EXPENSES AND REIMBURSEMENT\n\n"
                               + "This regulation applies to all employees.\n\nARTICLE I - MILEAGE\n\nPaid per mile.\n\nARTICLE II - MEALS\n\nPaid per day.\n", "travel.txt");

        Assert.Equal("REPORTING OF SUSPECTED CHILD ABUSE AND NEGLECT", policy.Title);
        Assert.Equal(["About these guidelines", "DEFINITIONS", "REPORTING"], Headings(policy));
        Assert.Equal("TRAVEL EXPENSES AND REIMBURSEMENT", regulation.Title);
        Assert.Equal(["About these guidelines", "MILEAGE", "MEALS"], Headings(regulation));
    }

    [Fact]
    public void A_page_in_confluence_wiki_markup_reads_as_markdown()
    {
        var doc = Parse("h1. Staff Keys and Badges\n\nHow staff get keys.\n\nh2. New Employees\n\n# HR takes your photo.\n# Your badge is sent to your site.\n** within three days\n\n"
                        + "{info}\nKeys are district property.\n{info}\n\nh2. Access Levels\n\n||Level||Who||\n|1|Teachers|\n", "keys.md");

        Assert.Equal("Staff Keys and Badges", doc.Title);
        Assert.Equal(["About these guidelines", "New Employees", "Access Levels"], Headings(doc));
        Assert.Contains("Your badge is sent to your site.", doc.Sections[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{info}", doc.Sections[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_email_quoted_whole_loses_one_level_of_quoting_and_its_quoted_question_heads_nothing()
    {
        var doc = Parse("> From: Dana Whitfield\n> Subject: RE: mileage rate this year?\n>\n> > can someone remind us what the mileage rate is\n> > this year?\n>\n"
                        + "> Hi Marcus,\n>\n> Here are the guidelines.\n>\n> Before You Travel\n>\n> Submit Form TR-1 first.\n>\n> Mileage Reimbursement\n>\n"
                        + "> The rate is 67 cents per mile.\n", "travel.txt");

        Assert.Equal(["About these guidelines", "Before You Travel", "Mileage Reimbursement"], Headings(doc));
        Assert.Equal("The rate is 67 cents per mile.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_paragraph_of_html_bold_heads_a_section_but_not_above_all_text()
    {
        var doc = Parse("# Staff Travel\n\n<p><strong>Harbor View School District</strong></p>\n\n<p>How travel is paid.</p>\n\n<p><strong>Prior Approval</strong></p>\n\n"
                        + "<p>Submit Form TR-1.</p>\n\n<p><strong>Mileage</strong></p>\n\n<p>The rate is 67 cents.</p>\n", "travel.md");

        Assert.Equal(["About these guidelines", "Prior Approval", "Mileage"], Headings(doc));
        Assert.Equal("Submit Form TR-1.", doc.Sections[1].Text);
    }

    [Fact]
    public void A_docusaurus_admonitions_fences_go_and_its_title_stays()
    {
        var doc = Parse("# Field Trips\n\nHow trips run.\n\n#### Planning\n\n:::warning Don't book before approval\nDo not sign venue contracts.\n:::\n\n"
                        + ":::note\nForms are on the intranet.\n:::\n\n#### Transportation\n\nBook the bus.\n", "trips.md");

        Assert.Equal(["About these guidelines", "Planning", "Transportation"], Headings(doc));
        Assert.Equal(["Don't book before approval: Do not sign venue contracts.", "Forms are on the intranet."], doc.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_memo_typed_in_capitals_has_its_colon_labels_for_headings_not_its_fields_or_wrapped_lines()
    {
        var doc = Parse("CEDAR HILLS UNIFIED SCHOOL DISTRICT\nM E M O R A N D U M\n\nTO:       ALL STAFF, SITE SECRETARIES, DEPARTMENT HEADS\nFROM:     ACCOUNTS PAYABLE\n"
                        + "SUBJECT:  STAFF TRAVEL AND CONFERENCE EXPENSES\n\nTHIS BULLETIN REPLACES BULLETIN 23-11 AND APPLIES TO ALL TRAVEL\nON OR AFTER SEPTEMBER 1, 2024. PLEASE READ IT BEFORE YOU\n"
                        + "REGISTER FOR ANY CONFERENCE.\n\nPRIOR APPROVAL:\nALL TRAVEL MUST BE APPROVED ON FORM TR-1 BEFORE YOU REGISTER FOR\nANY CONFERENCE.\n\n"
                        + "MILEAGE:\nMILEAGE IS PAID AT THE IRS RATE FOR TRIPS APPROVED IN ADVANCE BY\nYOUR PRINCIPAL.\n", "travel.txt");

        Assert.Equal("STAFF TRAVEL AND CONFERENCE EXPENSES", doc.Title);
        Assert.Equal(["About these guidelines", "PRIOR APPROVAL", "MILEAGE"], Headings(doc));
    }

    [Fact]
    public void Short_lines_ending_a_sentence_after_separators_head_a_handbooks_sections()
    {
        var doc = Parse("MAPLE VALLEY UNIFIED SCHOOL DISTRICT\nSTAFF HANDBOOK 2024-2025\n\nCHAPTER 7\nPARKING, VISITORS AND CAMPUS SECURITY\n\nThis chapter applies to all staff.\n\n"
                        + "                * * *\n\nParking on campus.\n\nPark only in the staff lot.\n\n                * * *\n\nVisitors and guests.\n\nEvery visitor signs in.\n", "chapter7.txt");

        Assert.Equal("PARKING, VISITORS AND CAMPUS SECURITY", doc.Title);
        Assert.Equal(["About these guidelines", "Parking on campus", "Visitors and guests"], Headings(doc));
        Assert.Equal("Every visitor signs in.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_pdf_copys_footer_set_apart_by_spaces_and_its_running_header_go()
    {
        var doc = Parse("Pine Ridge School District          AR 3350 Travel\n\nStaff Travel Regulation\n\nHow travel is paid.\n\n1. Mileage\n\nThe rate is 67 cents a mile.\n\n"
                        + "Revised 01/09/2024                     Page 1 of 3\n\nPine Ridge School District          AR 3350 Travel\n\n2. Meals\n\nMeals are paid on overnight trips.\n\n"
                        + "Revised 01/09/2024                     Page 2 of 3\n\nPine Ridge School District          AR 3350 Travel\n\n3. Lodging\n\nRooms are booked by the office.\n\n"
                        + "Revised 01/09/2024                     Page 3 of 3\n", "travel.txt");

        Assert.Equal(["About these guidelines", "Mileage", "Meals", "Lodging"], Headings(doc));
        Assert.Equal("The rate is 67 cents a mile.", doc.Sections[1].Text);
        Assert.Equal("Meals are paid on overnight trips.", doc.Sections[2].Text);
    }

    [Fact]
    public void Numbered_title_case_lines_over_lettered_sentences_head_sections_and_each_clause_is_a_passage()
    {
        var doc = Parse("Travel Expenses\n\nThis regulation implements Board Policy 3350.\n\n2. Travel Authorization\na. Employees must submit Form TR-1 before they\n"
                        + "incur any cost for the trip.\nb. Out-of-state travel also needs the Superintendent's approval.\n\n3. Mileage Reimbursement\n"
                        + "a. Employees are reim-\nbursed at the IRS rate.\n", "travel.txt");

        Assert.Equal(["About these guidelines", "Travel Authorization", "Mileage Reimbursement"], Headings(doc));
        Assert.Equal(["a. Employees must submit Form TR-1 before they incur any cost for the trip.", "b. Out-of-state travel also needs the Superintendent's approval."],
            doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal("a. Employees are reimbursed at the IRS rate.", doc.Sections[2].Text);
    }

    [Fact]
    public void Lettered_lines_under_a_numbered_step_stay_part_of_the_step()
    {
        var doc = Parse("Copyright Guidelines\n\nWhat staff may copy.\n\nFILMS AND STREAMING\n\n1. Showing a film in class is permitted for teaching.\n2. Streaming services:\n"
                        + "a. Personal Netflix accounts are for household use only.\nb. Prefer the district's licensed services.\n", "copyright.txt");

        Assert.Equal(["About these guidelines", "FILMS AND STREAMING"], Headings(doc));
        Assert.Equal(2, doc.Sections[1].Passages.Count);
        Assert.Contains("Personal Netflix", doc.Sections[1].Passages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restructuredtext_pages_targets_directives_and_field_marks_go_and_its_overlined_title_names_it()
    {
        var doc = Parse(".. _field-trips:\n\n=============\nField Trips\n=============\n\n:Owner: Office of Teaching and Learning\n\n.. contents:: On this page\n   :local:\n\n"
                        + "How trips are planned.\n\n.. note::\n   Every trip is tied to a standard.\n\n.. _trip-types:\n\nTypes of Trips\n--------------\n\n"
                        + "Collect money through ``SchoolPay``; see :ref:`permission-slips`.\n\n#. Form FT-4 is approved.\n#. The driver is insured.\n\n"
                        + "Chaperones\n----------\n\n=========  ==========\nGrade      Ratio\n=========  ==========\nTK-2       1 to 5\n6-12       1 to 15\n=========  ==========\n", "trips.txt");

        Assert.Equal("Field Trips", doc.Title);
        Assert.Equal(["About these guidelines", "Types of Trips", "Chaperones"], Headings(doc));
        Assert.Equal(["Owner: Office of Teaching and Learning", "How trips are planned.", "Note: Every trip is tied to a standard."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["Collect money through SchoolPay; see permission-slips.", "Form FT-4 is approved.", "The driver is insured."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Grade: TK-2 — Ratio: 1 to 5", "Grade: 6-12 — Ratio: 1 to 15"], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_word_outline_indented_by_tabs_has_its_margin_lines_for_title_and_headings()
    {
        var doc = Parse("Administration of Medication\r\n\tAdministrative Regulation 5141.21-R | Health Services\r\n\tThese procedures apply to all medication.\r\n"
                        + "Authorization Forms\r\n\tNo medication is given without Form 5141.21-A.\r\n\t\tPart 1 is signed by the parent.\r\n\t\tA faxed order is acceptable; a verbal order is not, except by telephone\r\n"
                        + "\t\tdirectly to the school nurse.\r\n\tAuthorizations are valid for one school year.\r\nStoring Medication\r\n\tMedication is kept in a locked cabinet.\r\n", "medication.txt");

        Assert.Equal("Administration of Medication", doc.Title);
        Assert.Equal(["About these guidelines", "Authorization Forms", "Storing Medication"], Headings(doc));
        Assert.Equal(["No medication is given without Form 5141.21-A.\n  - Part 1 is signed by the parent.\n  - A faxed order is acceptable; a verbal order is not, except by telephone directly to the school nurse.",
            "Authorizations are valid for one school year."], doc.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_mediawiki_page_saved_as_text_reads_as_its_markdown()
    {
        var doc = Parse("= Keys and Building Access =\n{{StaffResource|department=Facilities|policy=BP 3515}}\n{{Note|Paper forms are no longer accepted.}}\n\n"
                        + "'''Keys''' are issued under [[Board Policy 3515|Board Policy 3515 (Campus Security)]].\n\n__TOC__\n\n== Requesting a Key ==\n"
                        + "# Fill out Form FO-112 on the [[Facilities Forms]] page.\n# Your principal approves it.\nKeys are never sent through interoffice mail.\n\n"
                        + "== Badge Access Hours ==\nBadges open doors on school days.\n{| class=\"wikitable\"\n! Badge type !! Weekday hours\n|-\n| Standard staff || 6:00 a.m. – 6:00 p.m.\n"
                        + "|-\n| Custodial || 24 hours\n|}\n\n=== Badge Photos ===\nPhotos are taken at {{Contact|Human Resources}} on Tuesdays.\n[[Category:Facilities]]\n", "keys.txt");

        Assert.Equal("Keys and Building Access", doc.Title);
        Assert.Equal(["About these guidelines", "Requesting a Key", "Badge Access Hours", "Badge Photos"], Headings(doc));
        Assert.Equal(["Department: Facilities; Policy: BP 3515 Note: Paper forms are no longer accepted.", "Keys are issued under Board Policy 3515 (Campus Security)."],
            doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["1. Fill out Form FO-112 on the Facilities Forms page.", "2. Your principal approves it.", "Keys are never sent through interoffice mail."],
            doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Badges open doors on school days.", "Badge type: Standard staff — Weekday hours: 6:00 a.m. – 6:00 p.m.", "Badge type: Custodial — Weekday hours: 24 hours"],
            doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal("Photos are taken at Human Resources on Tuesdays.", doc.Sections[3].Text);
    }

    [Fact]
    public void An_org_mode_file_saved_as_text_reads_as_its_markdown()
    {
        var doc = Parse("#+TITLE: Field Trips: Approval and Chaperones\n#+AUTHOR: Dana Whitfield\n#+STARTUP: showall\n\nMy version of the field trip rules.\n\n"
                        + "* Approval Timeline\nSubmit Form FT-1 at least *20 school days* ahead.\n\n| Trip type | Form |\n|-----------+------|\n| Local day | FT-1 |\n| Overnight | FT-2 |\n\n"
                        + "* Permission Slips\n- Send the slip home 10 days ahead.\nKeep the originals in the office.\n\n#+BEGIN_QUOTE\nVerbal permission is not accepted.\n#+END_QUOTE\n\n"
                        + "** Late or Missing Forms\nDo /not/ leave it to a substitute. See [[https://forms.example][the forms page]].\n", "trips.txt");

        Assert.Equal("Field Trips: Approval and Chaperones", doc.Title);
        Assert.Equal(["About these guidelines", "Approval Timeline", "Permission Slips", "Late or Missing Forms"], Headings(doc));
        Assert.Equal(["Submit Form FT-1 at least 20 school days ahead.", "Trip type: Local day — Form: FT-1", "Trip type: Overnight — Form: FT-2"],
            doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Send the slip home 10 days ahead.", "Keep the originals in the office.", "Verbal permission is not accepted."], doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal("Do not leave it to a substitute. See the forms page.", doc.Sections[3].Text);

        // A heading's priority and progress cookie are no words of it.
        var cookies = Parse("#+TITLE: P-Cards\n\n* TODO [#A] Monthly reconciliation [2/5]   :monthly:\nReconcile by the 10th.\n\n* Returns [40%]\nReturn within 30 days.\n", "pcards.txt");
        Assert.Equal(["Monthly reconciliation", "Returns"], Headings(cookies));
    }

    [Fact]
    public void A_text_file_with_banner_headings_and_no_wiki_marks_stays_plain_text()
    {
        var doc = Parse("Staff Gifts Policy\n\n=== GIFTS ===\n\nStaff may accept gifts worth up to $25.\n\n=== MEALS ===\n\nMeals with vendors are not allowed.\n", "gifts.txt");

        Assert.Equal("Staff Gifts Policy", doc.Title);
        Assert.Equal(["GIFTS", "MEALS"], Headings(doc));
    }

    [Fact]
    public void A_definition_list_reads_a_paragraph_per_term_and_abbreviations_say_what_they_stand_for()
    {
        var doc = Parse("# Medication at School\n\nWhat staff must know.\n\n## Rules at a Glance\n\nOriginal container\n: Medication must be in the pharmacy-labeled container.\n"
                        + ": Do not accept pills in a baggie.\n\nStorage\n: Medication is kept in the locked cabinet.\n\n## Contacts\n\nHealth Services, ext. 4410.\n\n"
                        + "*[MAR]: Medication Administration Record\n", "medication.md");

        Assert.Equal(["About these guidelines", "Rules at a Glance", "Contacts"], Headings(doc));
        Assert.Equal(["Original container: Medication must be in the pharmacy-labeled container. Do not accept pills in a baggie.",
            "Storage: Medication is kept in the locked cabinet."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Health Services, ext. 4410.", "MAR: Medication Administration Record"], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_newsletters_masthead_between_rules_names_it_and_headlines_after_separators_head_its_items()
    {
        var doc = Parse("==========================\n      THE STAFF BRIEF\n   Weekly Employee Digest\n==========================\n\nGood morning, team!\n\nIN THIS ISSUE\n"
                        + " • Indoor Recess Calls for Cold, Wet and Smoky Days\n • Keys and Badges\n\n~~~~~~~~~~~~~~~~~~~~\n\nIndoor Recess Calls for Cold, Wet and Smoky Days\n\n"
                        + "Recess is held indoors below 20 degrees.\n\n~~~~~~~~~~~~~~~~~~~~\n\nKeys and Badges\n\nReport a lost badge the same day.\n\n=-=-=-=-=-=-=-=-=-=\n\nYou receive this as an employee.\n", "brief.txt");

        Assert.Equal("THE STAFF BRIEF", doc.Title);
        Assert.Equal(["About these guidelines", "IN THIS ISSUE", "Indoor Recess Calls for Cold, Wet and Smoky Days", "Keys and Badges"], Headings(doc));
        Assert.Equal(["Report a lost badge the same day.", "You receive this as an employee."], doc.Sections[3].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Headings_centred_by_spaces_head_sections_beside_a_title_in_capitals()
    {
        var doc = Parse("              MAPLEWOOD UNIFIED SCHOOL DISTRICT\n               Facilities Operations Department\n\n          KEYS, ACCESS BADGES AND BUILDING SECURITY\n"
                        + "                Policy Brief FO-2024-06\n                  Issued July 1, 2024\n\n"
                        + "This brief explains how staff get keys.\n\n\n                  Issuing Keys and Access Badges\n\nEvery new employee receives a badge.\n\n\n"
                        + "                    Lost or Stolen Keys\n\nReport a lost key the same day.\n", "keys.txt");

        Assert.Equal(["About these guidelines", "Issuing Keys and Access Badges", "Lost or Stolen Keys"], Headings(doc));
        Assert.Equal("Report a lost key the same day.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_short_subject_under_a_regulations_code_names_it_when_the_headers_fields_follow()
    {
        var doc = Parse("MAPLEWOOD UNIFIED SCHOOL DISTRICT\nAdministrative Regulation 5141.21\nSTUDENT MEDICATION ADMINISTRATION\nAdopted: August 14, 2019\n"
                        + "This regulation implements Board Policy 5141.21.\n\n1) Authorization Requirements\nA signed form is required.\n\n2) Storing Medication\nMedication is kept locked.\n", "medication.txt");

        Assert.Equal("STUDENT MEDICATION ADMINISTRATION", doc.Title);
        Assert.Equal(["About these guidelines", "Authorization Requirements", "Storing Medication"], Headings(doc));
    }

    [Fact]
    public void A_slide_decks_outline_has_its_slide_titles_for_headings_and_its_notes_as_paragraphs()
    {
        var doc = Parse("Medication at School\n\tAnnual Required Training\n\tHealth Services Department\nNotes: Welcome, everyone.\n\nSlide 2\nWho May Give Medication\n"
                        + "\tOnly trained, designated staff\n\t\tThe principal designates staff each August\n\tThe school nurse supervises them\n\t\tNurses cover three schools each\n"
                        + "Notes: If you are not designated, do not give medication.\n\nAuthorization Forms\n\tForm HS-12 is required for every medication\n"
                        + "\t\tSigned by the doctor and the parent\n\tA new form is needed each year\n\t\tAnd whenever the dose changes\nNotes: A parent's note is never enough.\n", "training.txt");

        Assert.Equal("Medication at School", doc.Title);
        Assert.Equal(["About these guidelines", "Who May Give Medication", "Authorization Forms"], Headings(doc));
        Assert.Equal(["Only trained, designated staff\n  - The principal designates staff each August", "The school nurse supervises them\n  - Nurses cover three schools each", "Notes: If you are not designated, do not give medication."],
            doc.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_wikis_contents_marker_and_emoji_short_codes_are_no_words_but_asciidoc_attributes_still_go()
    {
        var trips = Parse("[[_TOC_]]\n\n:information_source: This page summarizes Board Policy 6153.\n\n## Approval\n\n:warning: Do not collect money before approval.\n", "trips.md");
        var guide = Parse("= Field Trip Guide\n:toc:\n:toc-title: Contents\n\n== Planning\n\nPlan early.\n\n== Buses\n\nBook the bus.\n", "guide.md");

        Assert.Equal(["This page summarizes Board Policy 6153."], trips.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal("Do not collect money before approval.", trips.Sections[1].Text);
        Assert.Equal(["Planning", "Buses"], Headings(guide));
        Assert.Equal("Plan early.", guide.Sections[0].Text);
    }

    [Fact]
    public void Ascii_art_banners_around_headings_are_no_words_of_them()
    {
        var doc = Parse("Keys and Building Access\n\nHow staff get keys.\n\n//////// KEY REQUESTS ////////\n\nSubmit Form FAC-12.\n\n>>> AFTER-HOURS ACCESS <<<\n\n"
                        + "Email your principal two days ahead.\n\n-=[ ALARM CODES ]=-\n\nNever share your code.\n", "keys.txt");

        Assert.Equal(["About these guidelines", "KEY REQUESTS", "AFTER-HOURS ACCESS", "ALARM CODES"], Headings(doc));
    }

    [Fact]
    public void A_newsletters_headline_in_capitals_leaves_its_short_lines_to_head_sections()
    {
        var doc = Parse("THE SAFETY BRIEF\nStaff Newsletter of the Safety Office\nFall 2025 | Vol. 6\n\nEMERGENCY DRILLS: WHAT STAFF NEED TO KNOW\n\nWelcome back! This issue covers drills.\n\n"
                        + "Fire Drills\nEach school holds one fire drill per month.\n\nLockdown Drills\nLock the door and turn off the lights.\n", "drills.txt");

        Assert.Equal(["About these guidelines", "EMERGENCY DRILLS: WHAT STAFF NEED TO KNOW", "Fire Drills", "Lockdown Drills"], Headings(doc));
        Assert.Equal("Lock the door and turn off the lights.", doc.Sections[3].Text);
    }

    [Fact]
    public void A_spreadsheet_saved_as_quoted_comma_separated_values_reads_a_passage_per_row()
    {
        var doc = Parse("\"Topic\",\"Rule\",\"Contact\"\n\"Key Requests\",\"Submit Form FAC-12, signed by the principal.\",\"Facilities, ext. 4410\"\n"
                        + "\"Key Requests\",\"Requests for \"\"spare\"\" keys are denied.\",\"Principal\"\n\"Lost Keys\",\"Report a lost key within 24 hours.\",\"Facilities\"\n", "01_keys_building_access.txt");

        // Its topic column groups the rows: a section per topic, a passage per row naming its other columns.
        Assert.Equal("Keys building access", doc.Title);
        Assert.Equal(["Key Requests", "Lost Keys"], Headings(doc));
        Assert.Equal(["Rule: Submit Form FAC-12, signed by the principal. — Contact: Facilities, ext. 4410", "Rule: Requests for \"spare\" keys are denied. — Contact: Principal"],
            doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal("Rule: Report a lost key within 24 hours. — Contact: Facilities", doc.Sections[1].Text);
    }

    [Fact]
    public void A_sheet_of_rules_saved_as_tab_separated_text_heads_a_section_by_each_group_under_its_title_rows()
    {
        var doc = Parse("Classroom Technology Rules 2024–25\t\t\nLast updated 8/12/2024 by OET\t\t\nSection\tRule\tDetails\n"
                        + "Chromebooks\tTake-home\t\"Grades 6–12 take devices home.\nGrades 3–5 only with the agreement.\"\n\tCharging\tArrive with the device charged.\n"
                        + "\t\t\nPhones\tBell to bell\tPhones are away from first bell to last.\n", "tech-rules.txt");

        Assert.Equal("Classroom Technology Rules 2024–25", doc.Title);
        Assert.Equal(["About these guidelines", "Chromebooks", "Phones"], Headings(doc));
        Assert.Equal([(4, "Rule: Take-home — Details: Grades 6–12 take devices home. Grades 3–5 only with the agreement."), (6, "Rule: Charging — Details: Arrive with the device charged.")],
            doc.Sections[1].Passages.Select(p => (p.StartLine, p.Text)));
        Assert.Equal("Rule: Bell to bell — Details: Phones are away from first bell to last.", doc.Sections[2].Text);
    }

    [Fact]
    public void Obsidian_callouts_links_and_highlights_read_as_their_words_and_a_grid_tables_rules_stay()
    {
        var doc = Parse("# Keys\n\nOwner: [[Facilities Department|Facilities]] · Related: [[Emergency Drills]]\n\n## Alarm Codes\n\n> [!warning] False alarms cost money\n"
                        + "> The city bills ==$150 for each false alarm==.\n\n> [!tip]\n> Keep your key on a lanyard.\n\n## Rates\n\n+--------+-------+\n| Use    | Rate  |\n"
                        + "+========+=======+\n| Car    | $0.67 |\n+--------+-------+\n| Van    | $0.62 |\n+--------+-------+\n", "keys.md");

        Assert.Equal("Owner: Facilities · Related: Emergency Drills", doc.Sections[0].Text);
        Assert.Equal(["False alarms cost money: The city bills $150 for each false alarm.", "Tip: Keep your key on a lanyard."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Use: Car — Rate: $0.67", "Use: Van — Rate: $0.62"], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_quoted_bold_word_labels_the_callout_under_it()
    {
        var doc = Parse("# Field Trips\n\n> **Note**\n> If anything here conflicts with the policy, the policy wins.\n\n## Buses\n\n> **Remember:**\n> Buses leave at 8:15.\n\n"
                        + "> **Drivers only**\n\nBook a bus two weeks ahead.\n", "trips.md");

        Assert.Equal("Note: If anything here conflicts with the policy, the policy wins.", doc.Sections[0].Text);
        Assert.Equal(["Remember: Buses leave at 8:15.", "Drivers only", "Book a bus two weeks ahead."], doc.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_forms_number_gives_way_to_the_subject_under_it_as_the_title()
    {
        var doc = Parse("MAPLE VALLEY UNIFIED SCHOOL DISTRICT\nHealth Services Department\n\nFORM 5141.21-F1\nMEDICATION ADMINISTRATION AT SCHOOL\n"
                        + "Parent Request and Staff Checklist\n\nStudent Name: ________   Grade: ____\n\nINSTRUCTIONS: The parent starts this form and the nurse reviews it.\n\n"
                        + "SECTION A — STORAGE\n\nMedication is kept in a locked cabinet in the health office.\n", "form.txt");

        Assert.Equal("MEDICATION ADMINISTRATION AT SCHOOL", doc.Title);
        Assert.True(doc.Sections[0].IsIntroduction);
        Assert.Contains("FORM 5141.21-F1", doc.Sections[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Sections, s => s.Heading.StartsWith("FORM", StringComparison.Ordinal));
        Assert.Equal("Medication is kept in a locked cabinet in the health office.", doc.Sections[^1].Text);
    }

    [Fact]
    public void An_html_tables_merged_cells_stand_in_every_row_and_column_they_span()
    {
        var doc = Parse("# Travel\n\n## Meals\n\n<table>\n<thead>\n<tr><th rowspan=\"2\">Trip</th><th colspan=\"2\">Allowance</th><th rowspan=\"2\">Maximum</th></tr>\n"
                        + "<tr><th>Lunch</th><th>Dinner</th></tr>\n</thead>\n<tbody>\n<tr><td rowspan=\"2\">Overnight</td><td>$20</td><td>$36</td><td>$70</td></tr>\n"
                        + "<tr><td>$22</td><td>$42</td><td>$80</td></tr>\n<tr><td>Provided</td><td colspan=\"3\">No allowance for a provided meal.</td></tr>\n</tbody>\n</table>\n\n"
                        + "## Mileage\n\n<table>\n<tr><th rowspan=\"2\">Vehicle</th><th colspan=\"2\">Rate</th></tr>\n<tr><th>In town</th><th>Out of town</th></tr>\n"
                        + "<tr><td>Car</td><td>$0.67</td><td>$0.60</td></tr>\n</table>\n", "travel.md");

        Assert.Equal(["Trip: Overnight — Allowance, Lunch: $20 — Allowance, Dinner: $36 — Maximum: $70",
                      "Trip: Overnight — Allowance, Lunch: $22 — Allowance, Dinner: $42 — Maximum: $80",
                      "Trip: Provided — No allowance for a provided meal."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["Vehicle: Car — Rate, In town: $0.67 — Rate, Out of town: $0.60"], doc.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_pandoc_bookmark_span_is_no_word_of_its_heading()
    {
        var doc = Parse("---\ntitle: Teacher Handbook\n---\n\nFor grades 6-12.\n\n# []{#_Toc170311503 .anchor}Grading Scale {#grading-scale .unnumbered}\n\nScores round to the nearest whole number.\n\n"
                        + "# Late Work\n\nLate work loses [10 percent]{.underline} a day.\n", "grading.md");

        Assert.Equal(["About these guidelines", "Grading Scale", "Late Work"], Headings(doc));
        Assert.Equal((7, 9), (doc.Sections[1].StartLine, doc.Sections[1].EndLine));
        Assert.Equal("Late work loses 10 percent a day.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_policy_on_pleading_paper_loses_its_line_numbers_and_its_sections_titled_on_their_own_lines_head_sections()
    {
        static string Page(int page, params string[] lines) =>
            string.Concat(lines.Select((l, n) => $"{n + 1,2} |  {l}\n")) + $"   |\n   |                   -{page}-\n   BP 4140   CONFLICT OF INTEREST      Page {page} of 2\n\n";
        var doc = Parse(Page(1, "               RIVERBEND SCHOOL DISTRICT", "                BOARD POLICY 4140", "      CONFLICT OF INTEREST AND OUTSIDE EMPLOYMENT", "", "ARTICLE I.  GENERAL PROVISIONS", "",
                             "Section 1.1.  Purpose and Applicability.", "     Every employee performs district duties", "impartially and avoids conflicts.", "",
                             "Section 1.2.  Definitions.", "     (a) \"Immediate family\" means a spouse,", "parent or child.", "     (b) \"Outside employment\" means any paid work,")
                        + Page(2, "consulting or business for another employer.", "", "Section 2.1.  Gifts and Gratuities.", "     Employees shall not accept gifts", "worth more than $50 from a vendor."),
            "policy.txt");

        Assert.Equal("CONFLICT OF INTEREST AND OUTSIDE EMPLOYMENT", doc.Title);
        Assert.Equal(["Purpose and Applicability", "Definitions", "Gifts and Gratuities"], Headings(doc).Skip(1));
        Assert.Equal("Every employee performs district duties impartially and avoids conflicts.", doc.Sections[1].Text);
        Assert.Contains("(b) \"Outside employment\" means any paid work,", doc.Sections[2].Text, StringComparison.Ordinal);
        Assert.Contains("consulting or business for another employer.", doc.Sections[2].Text, StringComparison.Ordinal);
        Assert.Equal("Employees shall not accept gifts worth more than $50 from a vendor.", doc.Sections[3].Text);
    }

    [Fact]
    public void An_asciidoc_page_saved_as_text_reads_as_its_markdown()
    {
        var doc = Parse("= Copier Guidelines\n:revdate: 2024-08-05\n:helpdesk: ext. 4357\n\n[abstract]\nHow staff copy and print.\n\n[[access]]\n== Copier Access\n\n"
                        + "* Do not share your code.\n* A lost badge is reported to the Help Desk at {helpdesk}.\n\n== Print Center\n\nIMPORTANT: Jobs over 200 copies go to the Print Center.\n\n"
                        + ". Submit the job as a PDF.\n. Allow three school days.\n\n[cols=\"1,3\"]\n|===\n|Problem |What to do\n\n|Paper jam\n|Follow the steps on the screen.\n|===\n\n"
                        + "[NOTE]\n====\nSee <<access,Copier Access>> for codes.\n====\n", "copiers.txt");

        Assert.Equal("Copier Guidelines", doc.Title);
        Assert.Equal(["About these guidelines", "Copier Access", "Print Center"], Headings(doc));
        Assert.Equal("How staff copy and print.", doc.Sections[0].Text);
        Assert.Equal(["Do not share your code.", "A lost badge is reported to the Help Desk at ext. 4357."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Important: Jobs over 200 copies go to the Print Center.", "1. Submit the job as a PDF.", "2. Allow three school days.",
                      "Problem: Paper jam — What to do: Follow the steps on the screen.", "Note: See Copier Access for codes."], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_pdf_copys_ligatures_are_written_out_and_its_headings_numbered_without_full_stops_head_sections()
    {
        var doc = Parse("NORTHFIELD PUBLIC SCHOOLS\nTechnology Services Department\n\nAdministrative Procedure IT-410\nSta\uFB00 Device Loans and Technology Care\n\n"
                        + "E\uFB00ective: July 1, 2024\n\n1 Purpose and Scope\n\nThis procedure covers district devices.\n\n2 Issuance\n\n2.1 Eligibility\n\n"
                        + "Every teacher gets a laptop from the \uFB01rst day.\n\n3 Devices\n\nLoaners come from the library o\uFB03ce.\n", "loans.txt");

        Assert.Equal("Staff Device Loans and Technology Care", doc.Title);
        Assert.Equal(["About these guidelines", "Eligibility", "Devices"], Headings(doc));
        Assert.Contains("Administrative Procedure IT-410", doc.Sections[0].Text, StringComparison.Ordinal);
        Assert.Contains("Effective: July 1, 2024", doc.Sections[0].Text, StringComparison.Ordinal);
        Assert.Equal("Issuance", doc.Sections[1].ParentHeading);
        Assert.Equal("Every teacher gets a laptop from the first day.", doc.Sections[1].Text);
        Assert.Equal("Loaners come from the library office.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_textile_page_saved_as_text_reads_as_its_markdown_and_a_wiki_tables_rows_name_their_columns()
    {
        var doc = Parse("h1. Detention Supervision\n\n{{>toc}}\n\nbq. Detention is a consequence, not a punishment.\n\nh2. Pay\n\np(note). Two sessions a semester are unpaid.\n\n"
                        + "# Fill out \"Form HR-14\":http://wiki.example.org/hr14 for each session.\n# Turn it in by the 3rd working day.\n\nh2. Ratios\n\n"
                        + "|_. Students |_. Supervisors |\n| 1-15 | 1 |\n| 16-30 | 2 |\n", "detention.txt");
        var keys = Parse("h1. Keys\n\nh2. Access Levels\n\n||Level||Hours||\n|Level 1|6:30 a.m. - 5:00 p.m.|\n\nh2. Lost Keys\n\nReport a lost key to [Facilities|https://example.org/fac].\n", "keys.md");

        Assert.Equal("Detention Supervision", doc.Title);
        Assert.Equal(["About these guidelines", "Pay", "Ratios"], Headings(doc));
        Assert.Equal("Detention is a consequence, not a punishment.", doc.Sections[0].Text);
        Assert.Equal(["Two sessions a semester are unpaid.", "1. Fill out Form HR-14 for each session.", "2. Turn it in by the 3rd working day."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Students: 1-15 — Supervisors: 1", "Students: 16-30 — Supervisors: 2"], doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal("Level: Level 1 — Hours: 6:30 a.m. - 5:00 p.m.", keys.Sections[0].Text);
        Assert.Equal("Report a lost key to Facilities.", keys.Sections[1].Text);
    }

    [Fact]
    public void A_markdown_table_of_contents_with_nested_links_is_no_section()
    {
        var doc = Parse("# Closures\n\nHow the district closes schools.\n\n## Table of Contents\n\n- [1. Decisions](#1-decisions)\n  - [1.1 Timeline](#11-timeline)\n"
                        + "- [2. Delays](#2-delays)\n\n## 1. Decisions\n\n### 1.1 Timeline\n\nThe superintendent decides by 5:30 a.m.\n\n## 2. Delays\n\nBuses run two hours late.\n", "closures.md");

        Assert.Equal(["About these guidelines", "Timeline", "Delays"], Headings(doc));
        Assert.Equal("How the district closes schools.", doc.Sections[0].Text);
    }

    [Fact]
    public void A_bilingual_notice_is_titled_by_its_subject_its_header_heads_nothing_and_a_heading_wrapped_over_its_underline_is_whole_but_its_translation()
    {
        var doc = Parse("RIVERSIDE HEIGHTS UNIFIED SCHOOL DISTRICT\nFacilities Department\n\n      *** STAFF NOTICE ***\n\nTO / PARA:         All Staff / Todo el Personal\n"
                        + "DATE / FECHA:      August 5, 2024\nSUBJECT / ASUNTO:  Staff Parking and Campus Traffic\n\n1.  PARKING PERMITS / PERMISOS\n------------------------------\n\n"
                        + "Hang a current parking tag from the mirror.\n\n2.  ASSIGNED LOTS AND RESERVED SPACES /\n    ESPACIOS ASIGNADOS\n---------------------------------------\n\n"
                        + "Park only in the staff lot shown on your site map.\n\n3.  EMPLOYEE PARKING, PERMITS AND\n    RESERVED SPACES\n-----------------------------\n\nAsk the office.\n", "parking.txt");

        Assert.Equal("Staff Parking and Campus Traffic", doc.Title);
        Assert.Equal(["About these guidelines", "PARKING PERMITS / PERMISOS", "ASSIGNED LOTS AND RESERVED SPACES", "EMPLOYEE PARKING, PERMITS AND RESERVED SPACES"], Headings(doc));
        Assert.EndsWith("Park only in the staff lot shown on your site map.", doc.Sections[2].Text, StringComparison.Ordinal);
        Assert.Equal("Ask the office.", doc.Sections[3].Text);
    }

    [Fact]
    public void A_rich_text_document_saved_as_text_reads_as_its_text_line_for_line()
    {
        var doc = Parse("{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}{\\f1\\fnil\\fcharset2 Symbol;}}\r\n{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1 \r\n"
                        + "\\pard\\qc\\b\\f0\\fs32 Maple Ridge Public Schools\\par\r\nAdministrative Regulation 5145.12-AR\\par\r\nStudent Lockers and Searches\\b0\\fs22\\par\r\n\\pard\\par\r\n"
                        + "This regulation explains each student\\'92s locker rights.\\par\r\n\\pard\\par\r\n\\b\\fs28 1. Locker Assignment\\b0\\fs22\\par\r\n"
                        + "Each student receives:\\par\r\n{\\pntext\\f1\\'B7\\tab}one hallway locker, and\\par\r\n{\\pntext\\f1\\'B7\\tab}one PE locker.\\par\r\n\\pard\\par\r\n"
                        + "\\b\\fs28 2. Locks\\b0\\fs22\\par\r\nA lost lock costs $8.00 \\u8212? payable in the office.\\par\r\n}\r\n", "lockers.txt");

        Assert.Equal("Student Lockers and Searches", doc.Title);
        Assert.Equal(["About these guidelines", "Locker Assignment", "Locks"], Headings(doc));
        Assert.Equal("This regulation explains each student’s locker rights.", doc.Sections[0].Passages[^1].Text);
        Assert.Equal(["Each student receives:", "one hallway locker, and", "one PE locker."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal("A lost lock costs $8.00 — payable in the office.", doc.Sections[2].Text);
        Assert.Equal(9, doc.Sections[1].StartLine);
    }

    [Fact]
    public void A_whole_web_page_saved_as_markdown_keeps_its_article_only()
    {
        var doc = Parse("<!DOCTYPE html>\n<html>\n<head>\n<title>Visitor Check-In | Cedar Valley School District</title>\n<style>\n  body { margin: 0; }\n</style>\n"
                        + "<script>\n  gtag('js', new Date());\n</script>\n</head>\n<body>\n<nav><ul><li><a href=\"/\">Home</a></li></ul></nav>\n<main>\n"
                        + "<aside><h4>In This Section</h4><ul><li><a href=\"/v\">Volunteer Application</a></li></ul></aside>\n<h2>Visiting Hours</h2>\n"
                        + "<p>Visitors are welcome from 9:00 a.m.</p>\n<h2>Badges</h2>\n<p>Wear the badge above the waist.</p>\n</main>\n"
                        + "<footer><p>&copy; 2024 Cedar Valley School District</p></footer>\n</body>\n</html>\n", "visitors.md");

        Assert.Equal("Visitor Check-In", doc.Title);
        Assert.Equal(["Visiting Hours", "Badges"], Headings(doc));
        Assert.Equal("Visitors are welcome from 9:00 a.m.", doc.Sections[0].Text);
        Assert.Equal((18, 19), (doc.Sections[1].StartLine, doc.Sections[1].EndLine));
    }

    [Fact]
    public void A_help_centres_articles_head_sections_without_the_sites_words_around_them()
    {
        var doc = Parse("Staff Help Center - Knowledge Base Export\nCategory: Substitute Teachers\nArticles: 2\n========================================================\n\n"
                        + "Article: Reporting an absence\nUpdated: August 19, 2024 08:41\nSection: Substitute Teachers > Absences\n\n"
                        + "Enter every absence in Frontline by 6:00 a.m.\n[Image: Create Absence screen]\nWas this article helpful? Yes No\n41 out of 52 found this helpful\n"
                        + "Related articles\nCancelling an absence\nInternal coverage\nHave more questions? Submit a request\n--------------------------------------------------------\n"
                        + "Article: Cancelling an absence\nUpdated: August 2, 2024 10:00\n\nCancel in Frontline at least an hour before the day starts.\nWas this article helpful? Yes No\n", "subs.txt");

        Assert.Equal("Staff Help Center - Knowledge Base Export", doc.Title);
        Assert.Equal(["About these guidelines", "Reporting an absence", "Cancelling an absence"], Headings(doc));
        Assert.Equal("Enter every absence in Frontline by 6:00 a.m.", doc.Sections[1].Text);
        Assert.Equal("Cancel in Frontline at least an hour before the day starts.", doc.Sections[2].Text);
    }

    [Fact]
    public void An_mdx_pages_imports_and_comments_go_and_its_details_toggle_heads_a_section()
    {
        var doc = Parse("---\ntitle: Generative AI\n---\n\nimport Tabs from '@theme/Tabs';\nimport Callout from '@site/src/components/Callout';\n\n{/* TODO: update the table */}\n\n"
                        + "How staff may use AI tools.\n\n## Approved tools\n\nOnly Copilot is approved.\n\n<Details summary=\"Can I use my personal ChatGPT account?\">\n\n"
                        + "Only for tasks with no student information.\n\n</Details>\n", "ai.md");

        Assert.Equal(["About these guidelines", "Approved tools", "Can I use my personal ChatGPT account?"], Headings(doc));
        Assert.Equal("How staff may use AI tools.", doc.Sections[0].Text);
        Assert.Equal("Only for tasks with no student information.", doc.Sections[2].Text);
    }

    [Fact]
    public void An_emoji_before_a_bold_line_or_a_heading_is_no_word_of_it()
    {
        var doc = Parse("# Dress Code\n\nHow staff dress.\n\n📌 **Jeans Fridays**\n\nJeans are fine on Fridays.\n\n### 🧥 Outerwear\n\nCoats come off in class.\n", "dress.md");

        Assert.Equal(["About these guidelines", "Jeans Fridays", "Outerwear"], Headings(doc));
        Assert.Equal("Jeans are fine on Fridays.", doc.Sections[1].Text);
    }

    [Fact]
    public void An_earlier_faq_bots_knowledge_file_reads_as_its_questions_and_answers()
    {
        var doc = Parse("# ======\n#  HelpBot knowledge base :: Food in Classrooms\n# ======\nversion: 3\ndescription: |\n  Rules for food in classrooms.\n\nfaqs:\n\n"
                        + "  # ---- CELEBRATIONS ----\n  - id: FA-001\n    question: Can families send homemade treats?\n    alternate_questions:\n      - can parents bring cupcakes\n"
                        + "    category: celebrations\n    tags: [birthday, treats]\n    answer: |\n      No. Food shared with the class must be store-bought.\n\n"
                        + "      Check every label against the allergy list.\n    last_reviewed: 2024-08-09\n\n  - id: FA-002\n    question: \"How many parties are allowed?\"\n"
                        + "    answer: Up to three a year.\n", "food_allergy.txt");

        Assert.Equal("Food allergy", doc.Title);
        Assert.Equal(["About these guidelines", "Can families send homemade treats?", "How many parties are allowed?"], Headings(doc));
        Assert.Equal("Rules for food in classrooms.", doc.Sections[0].Text);
        Assert.Equal(["No. Food shared with the class must be store-bought.", "Check every label against the allergy list."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal("Up to three a year.", doc.Sections[2].Text);
        Assert.Equal(12, doc.Sections[1].StartLine);
    }

    [Fact]
    public void A_webinars_transcribed_questions_head_sections_and_their_answers_are_their_text()
    {
        var doc = Parse("CEDAR VALLEY SCHOOL DISTRICT\nStaff Webinar: Gradewell Rollout\n\n[00:00:04] MODERATOR (Janet Ortiz): Good afternoon, everybody. We have\nlots of questions.\n\n"
                        + "--- Topic: Timeline ---\n\n[00:02:10] Q (Maria Lopez, 3rd grade): When can we actually get in and start\nbuilding our classes? I like to set things up early.\n\n"
                        + "[00:02:22] A (Marcus Bell, SIS Manager): Teacher accounts turn on Monday, August 12.\n\n[00:03:40] Q (chat, anonymous): Can we switch at semester?\n\n"
                        + "[00:03:49] A (Dr. Kim): No. Everyone uses Gradewell from the first day.\n\n[00:04:35] MODERATOR (Janet Ortiz): Moving on to logins.\n", "webinar.txt");

        Assert.Equal(["When can we actually get in and start building our classes?", "Can we switch at semester?"], Headings(doc).Skip(1));
        Assert.Equal(["I like to set things up early.", "Teacher accounts turn on Monday, August 12."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal("No. Everyone uses Gradewell from the first day.", doc.Sections[2].Text);
        Assert.DoesNotContain("Good afternoon", doc.Sections[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_faq_in_two_columns_reads_a_question_a_section_with_its_answer_beside_it()
    {
        var doc = Parse("Homework FAQ\n\nHow teachers set homework.\n\nQUESTION                           ANSWER\n\n"
                        + "How much homework can I            Combined nightly homework should\nassign on a school night?          not exceed:\n"
                        + "                                   •  Grades K-2: 20 minutes\n                                   •  Grades 3-5: 30 minutes\n\n"
                        + "Can I take points off for          In grades 6-12 only, up to 10 percent\nlate work?                         a day.\n\n"
                        + "Educational Services  |  Revised 07/2024                       Page 1 of 2\n\n"
                        + "                                   Late work is accepted until the unit test.\n", "homework.txt");

        Assert.Equal(["About these guidelines", "How much homework can I assign on a school night?", "Can I take points off for late work?"], Headings(doc));
        Assert.Equal(["Combined nightly homework should not exceed:", "Grades K-2: 20 minutes", "Grades 3-5: 30 minutes"], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["In grades 6-12 only, up to 10 percent a day.", "Late work is accepted until the unit test."], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void Nearby_layouts_keep_their_reading_beside_the_new_readers()
    {
        // A table whose first column is a number is no pleading paper; a blank pleading template is no error.
        var routes = Parse("Bus Routes\n\n" + string.Concat(Enumerable.Range(1, 12).Select(n => $"{n} | Route {n}: Maple St | 7:{10 + n} a.m.\n")), "routes.txt");
        var template = Parse(string.Concat(Enumerable.Range(1, 12).Select(n => $"{n,2} |\n")) + "Title words here\n\nSome text of the policy.\n", "blank.txt");
        // Lines numbered without a full stop over a sentence numbered "2.5" are a list, not headings.
        var timeline = Parse("Trip Timeline\n\nHow to plan.\n\n1 Week Before\n\nSend the forms home.\n\n2 Days Before\n\n2.5 hours before departure, count the students.\n", "timeline.txt");
        // A plain-text FAQ with "question:" lines is no FAQ bot's YAML; Markdown showing such YAML in a fence keeps its headings.
        var plainFaq = Parse("Snack FAQ\n\nquestion: Can families send treats?\nanswer: Only store-bought treats, in their\noriginal packaging, with the label on.\n\n"
                             + "question: Can we cook in class?\nanswer: Only with the nurse's approval.\n", "snacks.txt");
        var guide = Parse("# Moving to the new bot\n\nHow to move the old answers.\n\n## Format\n\n```yaml\n- question: a\n  answer: b\n- question: c\n  answer: d\n```\n\nEach entry becomes a section.\n", "moving.md");

        Assert.Contains("1 | Route 1: Maple St", routes.Sections.SelectMany(s => s.Passages).First().Text, StringComparison.Ordinal);
        Assert.Contains("Some text of the policy.", template.Sections.SelectMany(s => s.Passages).Select(p => p.Text));
        Assert.DoesNotContain(timeline.Sections, s => s.Heading is "Week Before" or "Days Before");
        Assert.Contains("original packaging, with the label on.", string.Join(' ', plainFaq.Sections.Select(s => s.Text)), StringComparison.Ordinal);
        Assert.Equal(["About these guidelines", "Format"], Headings(guide));
    }

    [Fact]
    public void A_questions_own_question_marks_and_an_address_in_it_do_not_cut_it()
    {
        var doc = Parse("Trip FAQ\n\nQ: What do the \"Who? What? Where?\" boxes on the trip form mean?\nA: They name the trip's leader, purpose and place.\n\n"
                        + "Q: Is the form at https://x.org/f?id=3 the one we use for\novernight trips as well?\nA: Yes, the same form.\n", "faq.txt");

        Assert.Equal(["What do the \"Who? What? Where?\" boxes on the trip form mean?", "Is the form at https://x.org/f?id=3 the one we use for overnight trips as well?"],
            Headings(doc));
    }

    [Fact]
    public void The_two_columns_end_where_a_paragraph_is_no_question_beside_its_answer()
    {
        var doc = Parse("Homework FAQ\n\nHow teachers set homework.\n\nQUESTION                           ANSWER\n\nCan I grade homework in            Only in grades 6-12.\n"
                        + "grade 2?\n\nCONTACTS\n\nMain office                        555-0100\nNurse                              555-0101\n", "homework.txt");

        Assert.Equal("Can I grade homework in grade 2?", doc.Sections[1].Heading);
        Assert.Contains("Main office                        555-0100", string.Join('\n', doc.Sections.SelectMany(s => s.Passages).Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Rich_text_paragraphs_ended_by_a_backslash_or_a_lone_carriage_return_keep_their_lines()
    {
        var textEdit = Parse("{\\rtf1\\ansi\n{\\fonttbl\\f0\\fswiss Helvetica;}\n\\f0\\fs24 \\cf0 Locker Rules\\\n\\\nLockers are assigned in August.\\\n\\\nCombination Changes\\\n\\\nThe office changes combinations on request.}\n", "lockers.txt");
        var carriage = Parse("{\\rtf1\\ansi\r\\pard Locker Rules\\par\r\\par\rLockers are assigned in August.\\par\r}\r", "lockers2.txt");

        Assert.Equal("Lockers are assigned in August.", textEdit.Sections.SelectMany(s => s.Passages).First(p => p.Text.StartsWith("Lockers", StringComparison.Ordinal)).Text);
        Assert.Equal(5, textEdit.Sections.SelectMany(s => s.Passages).First(p => p.Text.StartsWith("Lockers", StringComparison.Ordinal)).StartLine);
        Assert.Equal(4, carriage.Sections.SelectMany(s => s.Passages).First(p => p.Text.StartsWith("Lockers", StringComparison.Ordinal)).StartLine);
    }

    [Fact]
    public void An_asciidoc_tables_repeated_columns_count_and_a_table_left_open_ends_at_the_next_heading()
    {
        var doc = Parse("= Lunch\n\n== Prices\n\n[cols=\"3*\"]\n|===\n|Item |Price |Grades\n\n|Lunch |$3.00 |K-12\n|===\n\n== Cards\n\n|===\n|Card |Cost\n\n|Lunch card |Free\n\n"
                        + "== Lost cards\n\nA lost card costs $5.\n", "lunch.txt");

        Assert.Equal(["Prices", "Cards", "Lost cards"], Headings(doc));
        Assert.Equal("Item: Lunch — Price: $3.00 — Grades: K-12", doc.Sections[0].Text);
        Assert.Equal("Card: Lunch card — Cost: Free", doc.Sections[1].Text);
        Assert.Equal("A lost card costs $5.", doc.Sections[^1].Text);
    }

    [Fact]
    public void An_indented_web_page_reads_as_its_headings_and_paragraphs()
    {
        var doc = Parse("<!DOCTYPE html>\n<html>\n  <body>\n    <main>\n\n      <h2>Visiting Hours</h2>\n\n      <p>Visitors are welcome from 9:00 a.m.</p>\n\n"
                        + "      <h2>Badges</h2>\n\n      <p>Wear the badge.</p>\n    </main>\n  </body>\n</html>\n", "visitors.md");

        Assert.Equal(["Visiting Hours", "Badges"], Headings(doc));
        Assert.Equal("Wear the badge.", doc.Sections[1].Text);
    }

    [Fact]
    public void A_dokuwiki_page_reads_by_its_own_heading_levels_boxes_lists_and_tables()
    {
        var doc = Parse("~~NOTOC~~\n====== Substitute Procedures ======\n\n<WRAP center round info 90%>\n**Owner:** Human Resources\\\\\n</WRAP>\n\n"
                        + "===== Sub Plans =====\n\n==== Daily plans ====\n\nLeave plans by //3:30 p.m.//, see [[hr:plans|the plan page]].((Or email them.))\n\n"
                        + "  * the bell schedule\n  * seating charts\n\n<note important>\nDo not text a sub to book them.\n</note>\n\n===== Pay =====\n\n"
                        + "^ Assignment ^ Full day ^\n| Day-to-day | $185 |\n| Long-term | $205 |\n\n  - Open ''Frontline''.\n  - Pick the job.\n\n----\n//Tags:// {{tag>hr subs}}\n", "subs.txt");

        Assert.Equal("Substitute Procedures", doc.Title);
        Assert.Equal(["About these guidelines", "Daily plans", "Pay"], Headings(doc));
        Assert.Equal("Sub Plans", doc.Sections[1].ParentHeading);
        Assert.Equal("Owner: Human Resources", doc.Sections[0].Text);
        Assert.Equal(["Leave plans by 3:30 p.m., see the plan page. (Or email them.)", "the bell schedule", "seating charts", "Important: Do not text a sub to book them."],
            doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Assignment: Day-to-day — Full day: $185", "Assignment: Long-term — Full day: $205", "1. Open Frontline.", "2. Pick the job."],
            doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal((14, 14), (doc.Sections[1].Passages[1].StartLine, doc.Sections[1].Passages[1].EndLine));
    }

    [Fact]
    public void A_mailing_lists_newsletter_loses_its_marks_its_browser_link_and_its_footer()
    {
        var doc = Parse("View this email in your browser (https://example.org/archive)\n\n** The Staff Bulletin: Checkout Edition\n"
                        + "------------------------------------------------------------\n\nHi everyone,\n\n------------------------------------------------------------\n\n"
                        + "** KEY DATES\n------------------------------------------------------------\n\nGrades are due June 13.\n\n"
                        + "** Open the Checkout Form (https://forms.example.org/checkout)\n\n** KEYS AND BADGES\n------------------------------------------------------------\n\n"
                        + "Keys go back to the office.\n\n** Facebook (https://www.facebook.com/example)\n\n============================================================\n"
                        + "Copyright © 2025 Example Schools, All rights reserved.\nYou are receiving this email because you work here.\n\nOur mailing address is:\n"
                        + "Example Schools\n1 Main St\nTown, ME 04011\nUSA\n\nWant to change how you receive these emails?\n"
                        + "You can ** update your preferences (https://example.us21.list-manage.com/profile)\n"
                        + "or ** unsubscribe from this list (https://example.us21.list-manage.com/unsubscribe)\n", "bulletin.txt");

        Assert.Equal("The Staff Bulletin: Checkout Edition", doc.Title);
        Assert.Equal(["About these guidelines", "KEY DATES", "KEYS AND BADGES"], Headings(doc));
        Assert.Equal(["Grades are due June 13.", "Open the Checkout Form (https://forms.example.org/checkout)"], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal("Keys go back to the office.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_tabs_title_labels_its_text_and_a_link_card_to_another_page_is_no_text()
    {
        var doc = Parse("# Apps\n\n## Rules by grade\n\nSome rules depend on the grade.\n\n{% tabs %}\n{% tab title=\"Elementary\" %}\n* No student accounts.\n"
                        + "* First names only.\n{% endtab %}\n\n{% tab title=\"High School\" %}\nStudents use district accounts.\nEven at home.\n{% endtab %}\n{% endtabs %}\n\n"
                        + "{% content-ref url=\"../policies/aup.md\" %}\n[aup.md](../policies/aup.md)\n{% endcontent-ref %}\n\n## Passwords\n\n"
                        + "<Tabs>\n  <TabItem value=\"elem\" label=\"Elementary\" default>\n\nElementary classes use QR badges.\n\n  </TabItem>\n"
                        + "  <TabItem value=\"sec\" label=\"Secondary\">\n\nNever share a password.\n\n  </TabItem>\n</Tabs>\n\nResets go to the Help Desk.\n", "apps.md");

        Assert.Equal(["Rules by grade", "Passwords"], Headings(doc));
        Assert.Equal(["Some rules depend on the grade.", "Elementary: No student accounts.", "Elementary: First names only.", "High School: Students use district accounts. Even at home."],
            doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["Elementary classes use QR badges.", "Secondary: Never share a password.", "Resets go to the Help Desk."], doc.Sections[1].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_word_processors_text_loses_its_reviewers_comments_and_page_header_and_keeps_its_outline_and_tabbed_table()
    {
        var doc = Parse("North Harlow Schools\tSupervision Handbook\tRev. 08/2024\r\n\r\nSUPERVISION HANDBOOK\r\nOffice of Human Resources\r\n\r\n"
                        + "1.\tGetting Started\r\n1.1\tEligibility\r\nA host teacher needs three years of experience in North Harlow[JS1].\r\n"
                        + "1.2\tPlacement Requests\r\nUniversities send requests by March 1.[MR2]\r\n\r\nNorth Harlow Schools\tSupervision Handbook\tRev. 08/2024\r\n"
                        + "2.\tDuring the Placement\r\n2.1\tInstructional Responsibilities\r\n2.1.1\tGradual Release Schedule\r\nThe host teacher stays the teacher of record.\r\n"
                        + "Weeks\tCandidate role\tHost teacher role\r\n1–2\tObserve, learn routines, assist small groups\tModels all instruction\r\n"
                        + "3–4\tCo-teach one subject or class period of the day\tPlans jointly and co-teaches\r\n\r\n"
                        + "North Harlow Schools\tSupervision Handbook\tRev. 08/2024\r\n________________________________________\r\n"
                        + "[JS1]Jamie Smith: do we still require this?\r\n[MR2]Maria Reyes: Add the shared inbox?\r\n", "handbook.txt");

        Assert.Equal("SUPERVISION HANDBOOK", doc.Title);
        Assert.Equal(["About these guidelines", "Eligibility", "Placement Requests", "Gradual Release Schedule"], Headings(doc));
        Assert.Equal(["Getting Started", "Getting Started", "Instructional Responsibilities"], doc.Sections.Skip(1).Select(s => s.ParentHeading));
        Assert.Equal("A host teacher needs three years of experience in North Harlow.", doc.Sections[1].Text);
        Assert.Equal("Universities send requests by March 1.", doc.Sections[2].Text);
        Assert.Equal(["The host teacher stays the teacher of record.",
                      "Weeks: 1–2 — Candidate role: Observe, learn routines, assist small groups — Host teacher role: Models all instruction",
                      "Weeks: 3–4 — Candidate role: Co-teach one subject or class period of the day — Host teacher role: Plans jointly and co-teaches"],
            doc.Sections[3].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_bracketed_mark_with_no_listed_comment_stays()
    {
        var doc = Parse("Lab Rules\n\nWear goggles in room [B12] at all times.\nWash your hands before leaving the lab.\n", "lab.txt");

        Assert.Contains("room [B12]", doc.Sections[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regulations_section_titled_in_two_parts_or_with_a_preposition_in_lower_case_heads_its_section()
    {
        var doc = Parse("P-Card Policy\n\nSection 2.01 Eligibility; Application. A card may be issued to a full-time employee.\n    (a) Apply on Form PC-1.\n\n"
                        + "Section 2.02 Security of Card. Keep the card locked away.\n\nSection 2.03 Cancellation of Card; Separation from Employment.\n"
                        + "    (a) Return the card on your last day.\n\nSection 5.01 Misuse; Sanctions.\n    (a) Report a purchase made in error.\n", "pcard.txt");

        Assert.Equal(["Eligibility; Application", "Security of Card", "Cancellation of Card; Separation from Employment", "Misuse; Sanctions"], Headings(doc));
    }

    [Fact]
    public void A_guide_pasted_from_a_chat_assistant_labels_its_dos_and_donts_and_loses_its_closing_offer()
    {
        var doc = Parse("# Recess Duty\n\nHow duty works.\n\n---\n\n## 🗓️ Zones\n\n**Where to stand:** On the outside edge of your zone.\n\n✅ **Do**\n- Keep moving\n"
                        + "- Check the bathrooms\n\n❌ **Don't**\n- Sit on the benches\n\n---\n\n## Radios\n\nUse channel 3.\n\n"
                        + "Let me know if you'd like a printable version! 😊\n", "duty.md");

        Assert.Equal(["About these guidelines", "Zones", "Radios"], Headings(doc));
        Assert.Equal(["Where to stand: On the outside edge of your zone.", "Do: Keep moving", "Do: Check the bathrooms", "Don't: Sit on the benches"],
            doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal("Use channel 3.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_google_docs_export_is_titled_by_its_bold_line_over_parts_headed_with_one_hash()
    {
        var doc = Parse("**Cedar Valley School District — Classroom Supply Purchasing \\& Reimbursement Guidelines**\n\nBusiness Services \\- Revised July 2024\n\n"
                        + "# **Part 1 — Buying Supplies**\n\n## **Annual Allotment**\n\nEach teacher receives $250.\n\n# **Part 2 — Reimbursement**\n\n## **Claims**\n\n"
                        + "Submit the FIN\\-12 within 30 days.\n\n[image1]: <data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAANwAAACMCAIAAACYtlAh>\n", "supplies.md");

        Assert.Equal("Cedar Valley School District — Classroom Supply Purchasing & Reimbursement Guidelines", doc.Title);
        Assert.Equal(["About these guidelines", "Annual Allotment", "Claims"], Headings(doc));
        Assert.Equal("Submit the FIN-12 within 30 days.", doc.Sections[2].Text);
    }

    [Fact]
    public void A_forwarded_emails_earlier_headers_go_and_its_first_names_it()
    {
        var doc = Parse("From:\tKowalski, Dana <dkowalski@example.org>\nSent:\tFriday, April 4, 2025 2:47 PM\nTo:\tAll Staff\n"
                        + "Subject:\tFW: FW: Test Security Procedures for Staff\n\nFYI, please read before Monday.\n\n-----Original Message-----\n"
                        + "From: Okafor, James <jokafor@example.org>\nSent: Thursday, April 3, 2025 4:15 PM\nTo: Kowalski, Dana <dkowalski@example.org>\n"
                        + "Subject: FW: Test Security Procedures for Staff\n\nPlease get this out to your teams.\n\nSECURE MATERIALS\n\n"
                        + "Keep all test booklets in a locked room.\n\nCELL PHONES\n\nStudent phones are collected before testing.\n", "testing.txt");

        Assert.Equal("Test Security Procedures for Staff", doc.Title);
        // The earlier message heads its text, named by its sender and day; its header's fields are no text.
        Assert.Equal(["About these guidelines", "From James Okafor, April 3, 2025", "SECURE MATERIALS", "CELL PHONES"], Headings(doc));
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Okafor", StringComparison.Ordinal));
        Assert.Contains(doc.Sections[1].Passages, p => p.Text == "Please get this out to your teams.");
    }

    [Fact]
    public void A_chat_thread_reads_each_question_with_the_answers_to_it()
    {
        var doc = Parse("Thread\n#classroom-tech-help\n\nDana Whitfield  7:48 AM\n:pushpin: CLASSROOM TECH FAQ :pushpin:\nAsk in the replies so everyone sees the answer. (edited)\n"
                        + ":thumbsup: 14\n22 replies\n\nLuis Moreno  7:55 AM\nmy projector just says NO SIGNAL, it worked friday??\n\nDana Whitfield  8:01 AM\n"
                        + "Press Windows key + P and choose Duplicate.\n:white_check_mark: 9\n\nLuis Moreno  8:03 AM\nstep 3 did it. thank you!!\n\n"
                        + "Priya Natarajan  8:09 AM\nmine turns on but the picture is super dim and yellow and an orange light blinks on top\n\n"
                        + "Dana Whitfield  8:15 AM\nSounds like the lamp. Submit a ticket and I will bring a replacement lamp.\n\n"
                        + "Hannah Brooks  10:25 AM\nreplied to a thread: CLASSROOM TECH FAQ\nhow do i print to the workroom copier?\n\nDana Whitfield  10:30 AM\n"
                        + "All staff printing goes through PaperCut.\n", "tech.txt");

        Assert.Equal("CLASSROOM TECH FAQ", doc.Title);
        Assert.Equal(["About these guidelines", "my projector just says NO SIGNAL, it worked friday??",
                      "mine turns on but the picture is super dim and yellow and an orange light blinks on top", "how do i print to the workroom copier?"], Headings(doc));
        Assert.Equal("Ask in the replies so everyone sees the answer.", doc.Sections[0].Text);
        Assert.Equal("Press Windows key + P and choose Duplicate.", doc.Sections[1].Text);
        Assert.Equal("Sounds like the lamp. Submit a ticket and I will bring a replacement lamp.", doc.Sections[2].Text);
        Assert.Equal("All staff printing goes through PaperCut.", doc.Sections[3].Text);
    }

    [Fact]
    public void A_memo_typed_in_capitals_keeps_its_roman_numbered_headings_over_lettered_clauses_that_wrap()
    {
        var doc = Parse("USE OF DISTRICT VEHICLES\n\nTHIS MEMO SETS OUT THE RULES FOR EVERY DRIVER.\n\nI. AUTHORIZED DRIVERS\n\n    A. ONLY EMPLOYEES APPROVED BY THE\n"
                        + "       TRANSPORTATION OFFICE MAY DRIVE A DISTRICT VEHICLE.\n\n    B. DRIVERS MUST BE AT LEAST 21 AND\n       HOLD A VALID LICENSE.\n\n"
                        + "II. RESERVING A VEHICLE\n\n    A. VEHICLES ARE RESERVED ON FORM TR-12\n       AT LEAST 5 DAYS BEFORE THE TRIP.\n\n    B. THE PRINCIPAL SIGNS\n       THE REQUEST.\n", "vehicles.txt");

        Assert.Equal(["About these guidelines", "AUTHORIZED DRIVERS", "RESERVING A VEHICLE"], Headings(doc));
        Assert.StartsWith("A. ONLY EMPLOYEES APPROVED BY THE TRANSPORTATION OFFICE", doc.Sections[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_posters_drawing_goes_and_its_boxes_spaced_headline_and_pictured_lines_keep_their_words()
    {
        var doc = Parse("           ★ ★ ★   JEFFERSON MIDDLE SCHOOL   ★ ★ ★\n\n    █▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀█\n      E M E R G E N C Y   E V A C U A T I O N\n"
                        + "    █▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄█\n\n  Post this poster beside every classroom door.\n\n"
                        + "  ╔════════════════════════════════════════╗\n  ║       🔥  FIRE ALARM  —  EVACUATE NOW  🔥  ║\n  ╠════════════════════════════════════════╣\n"
                        + "  ║ ➤ Take the red folder and your roster.  ║\n  ║ ➤ Never use the elevator.               ║\n  ╚════════════════════════════════════════╝\n\n"
                        + "  ┌────────────────────────────────────────┐\n  │ 📍 ASSEMBLY AREAS                        │\n  ├────────────────────────────────────────┤\n"
                        + "  │ Line up by class in single file.         │\n  └────────────────────────────────────────┘\n", "poster.txt");

        Assert.Equal("JEFFERSON MIDDLE SCHOOL", doc.Title);
        Assert.Equal(["EMERGENCY EVACUATION", "FIRE ALARM  —  EVACUATE NOW", "ASSEMBLY AREAS"], Headings(doc));
        Assert.Equal(["Take the red folder and your roster.", "Never use the elevator."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal("Line up by class in single file.", doc.Sections[2].Text);
    }

    [Fact]
    public void An_mkdocs_pages_admonitions_questions_tabs_and_snippets_read_as_their_text()
    {
        var doc = Parse("# Dress Code\n\nHow staff apply the code.\n\n!!! info \"Updated for 2024\"\n    Only designated staff may address a concern.\n\n--8<-- \"includes/banner.md\"\n\n"
                        + "## Prohibited items\n\nStudents may not wear sleepwear.\n\n??? question \"Are leggings allowed?\"\n    Yes. Leggings are allowed.\n\n"
                        + "## Repeated concerns\n\n=== \"Elementary\"\n\n    - The teacher calls home.\n\n=== \"Secondary\"\n\n    - The counselor meets the student.\n\n"
                        + "Counts reset each quarter.\n\n[⬆ Back to top](#top)\n", "dress.md");

        Assert.Equal(["About these guidelines", "Prohibited items", "Are leggings allowed?", "Repeated concerns"], Headings(doc));
        Assert.Equal(["How staff apply the code.", "Updated for 2024: Only designated staff may address a concern."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal("Yes. Leggings are allowed.", doc.Sections[2].Text);
        Assert.Equal(["Elementary: The teacher calls home.", "Secondary: The counselor meets the student.", "Counts reset each quarter."],
            doc.Sections[3].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_forums_digest_heads_a_section_per_topic_with_its_post_and_replies()
    {
        var doc = Parse("From: Staff Community <noreply@community.example.org>\nSubject: [Staff Community] Summary - Personal Devices & Network\nDate: Mon, 10 Mar 2025\n\n"
                        + "About this category: staff ask about personal phones on the network.\n\n====\nPOPULAR TOPICS\n====\n\n"
                        + "Topic: My phone keeps getting kicked off the wifi\nPosted by kbrennan (Kate Brennan) on Mar 3, 2025 7:42 AM\n3 replies · 214 views\n\n"
                        + "My phone drops off LSD-Secure every morning.\n\n  Reply from tsmith (Tom Smith) on Mar 3, 2025 8:05 AM  ✓ Solved\n  > My phone drops off LSD-Secure\n"
                        + "  Personal devices belong on LSD-BYOD.\n\nRead more: https://community.example.org/t/1184\n\n"
                        + "Topic: Texting parents from my cell - ok?\nPosted by wjohnson on Mar 8, 2025 8:45 AM\n\nA few parents text me directly.\n\n"
                        + "  Reply from pdavis on Mar 8, 2025 9:10 AM  ✓ Solved\n  Please move those conversations into ParentSquare.\n\n"
                        + "You are receiving this digest because you have not visited in 7 days.\nor unsubscribe with one click: https://community.example.org/email/unsubscribe/5f2c\n", "devices.txt");

        Assert.Equal("Personal Devices & Network", doc.Title);
        Assert.Equal(["About these guidelines", "My phone keeps getting kicked off the wifi", "Texting parents from my cell - ok?"], Headings(doc));
        Assert.Equal(["My phone drops off LSD-Secure every morning.", "Personal devices belong on LSD-BYOD."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["A few parents text me directly.", "Please move those conversations into ParentSquare."], doc.Sections[2].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_pdfs_footnote_marks_go_and_its_notes_keep_their_words()
    {
        var doc = Parse("Outside Employment\n\nDISCLOSURE\n\nEvery employee files Form HR-4136-A unless it would create a conflict of interest¹ or sell\nmaterials online[5] to students.\n\n"
                        + "_____________________________\n¹ See BP 9270, Conflict of Interest.\n[5] See BP 4132 for materials made on district time.\n", "outside.txt");

        Assert.Equal("Every employee files Form HR-4136-A unless it would create a conflict of interest or sell materials online to students.", doc.Sections[0].Passages[0].Text);
        Assert.Equal("See BP 9270, Conflict of Interest. See BP 4132 for materials made on district time.", doc.Sections[0].Passages[1].Text);

        // A square after a unit is no mark, though a note is marked "²".
        var room = Parse("Room Use\n\nCAPACITY\n\nThe library seats 60 in its 900 ft² reading room and 12 in its 40 m² annex².\n\n"
                         + "_____________________________\n² See the fire marshal's posted limits.\n", "rooms.txt");
        Assert.Equal("The library seats 60 in its 900 ft² reading room and 12 in its 40 m² annex.", room.Sections[0].Passages[0].Text);
        var written = Parse("Room Use\n\nCAPACITY\n\nThe hall is 20m² larger, as noted in² the minutes.\n\n_____________________________\n² Board minutes, 2024.\n", "hall.txt");
        Assert.Equal("The hall is 20m² larger, as noted in the minutes.", written.Sections[0].Passages[0].Text);
    }

    [Fact]
    public void Paragraphs_numbered_in_brackets_are_no_footnotes()
    {
        var doc = Parse("Email Policy\n\nUSE OF ACCOUNTS\n\n[1] Employees use district accounts (see the Acceptable Use Policy[2]).\n\n"
                        + "[2] Personal accounts are not used for district business.\n", "email.txt");

        Assert.Equal(["[1] Employees use district accounts (see the Acceptable Use Policy[2]).", "[2] Personal accounts are not used for district business."],
            doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_code_block_in_a_tab_keeps_its_fences_and_a_bang_line_is_no_admonition()
    {
        var doc = Parse("# Printing\n\n## Install\n\n{% tab title=\"Windows\" %}\nRun the installer:\n\n```\nsetup.exe\n\n```\n{% endtab %}\n\n## Snow\n\n"
                        + "!!! Buses run two hours late on snow days\n", "printing.md");

        Assert.Equal(["Install", "Snow"], Headings(doc));
        Assert.Equal("Windows: Run the installer:", doc.Sections[0].Passages[0].Text);
        Assert.Equal("!!! Buses run two hours late on snow days", doc.Sections[1].Text);
    }

    [Fact]
    public void A_google_docs_outline_heads_a_section_by_each_bold_item_and_numbers_its_items_as_shown()
    {
        var doc = Parse("# **Student Data Privacy**\n\nHow staff handle student records.\n\n"
                        + "1. **Who may see records**  \n    1. Only staff with an educational interest.  \n    1. Subs see only their own students.  \n"
                        + "2. **Email**  \n    1. Use district email only.  \n\nThe sections below cover everyday cases.\n\n"
                        + "1. **Paper records**  \n    1. Shred them: never the recycling bin.  \n", "privacy.md");

        Assert.Equal(["About these guidelines", "Who may see records", "Email", "Paper records"], Headings(doc));
        Assert.Equal(["1. Only staff with an educational interest.", "2. Subs see only their own students."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal((5, 7), (doc.Sections[1].StartLine, doc.Sections[1].EndLine));
        Assert.Equal("1. Shred them: never the recycling bin.", doc.Sections[3].Text);

        // Numbers that rise keep their gaps: "rule 4" in the text still names the fourth rule.
        var rules = Parse("# Conduct\n\nThe rules:\n\n1. Be on time.\n2. Wear your badge.\n4. Report hazards.\n", "conduct.md");
        Assert.Equal(["The rules:", "1. Be on time.", "2. Wear your badge.", "4. Report hazards."], rules.Sections[0].Passages.Select(p => p.Text));

        // A list whose items are only bold words, each over a list of its own, heads nothing where the page has headings.
        var headed = Parse("# Privacy\n\n## Records\n\n1. **Who may see records**\n    1. Only staff.\n2. **Email**\n    1. District email only.\n", "headed.md");
        Assert.Equal(["Records"], Headings(headed));
    }

    [Fact]
    public void Notions_toggles_exported_as_items_head_sections_and_a_callouts_emoji_is_no_text()
    {
        var doc = Parse("# Recess Duty\n\n<aside>\n📌\n\nThis page replaces the old PDF.\n\n</aside>\n\n## FAQ\n\n"
                        + "- Can I use my phone on duty?\n    \n    Only for school business.\n    \n"
                        + "- Can I keep a kid in from recess?\n    \n    No. Recess is never taken away.\n    \n    Ask the principal about anything longer.\n", "recess.md");

        Assert.Equal(["This page replaces the old PDF."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["About these guidelines", "Can I use my phone on duty?", "Can I keep a kid in from recess?"], Headings(doc));
        Assert.Equal(["FAQ", "FAQ"], doc.Sections.Skip(1).Select(s => s.ParentHeading));
        Assert.Equal(["No. Recess is never taken away.", "Ask the principal about anything longer."], doc.Sections[2].Passages.Select(p => p.Text));

        // With no heading above them, toggles are sections side by side, not each under the one before.
        var top = Parse("# Handbook\n\nRead this first.\n\n- Can I park on site?\n\n  Yes, in lot B.\n- Can I eat in class?\n\n  No.\n", "handbook.md");
        Assert.Equal([null, null, null], top.Sections.Select(s => s.ParentHeading));
        Assert.Equal(["About these guidelines", "Can I park on site?", "Can I eat in class?"], Headings(top));

        // A bullet that asks, with a line of its own under it but no paragraph of answer, stays a bullet.
        var bullets = Parse("# Duty\n\n## Ask yourself\n\n- Is every zone covered?\n- Is the radio on?\n", "duty.md");
        Assert.Equal(["Ask yourself"], Headings(bullets));
    }

    [Fact]
    public void A_spreadsheet_of_questions_saved_as_csv_heads_a_section_by_each_question_on_the_lines_of_the_file()
    {
        var doc = Parse("\uFEFFCategory,Question,Answer,Owner\n"
                        + "Accounts,I'm locked out. How do I get back in?,\"Go to the reset page and click \"\"Forgot password\"\".\n\nPassword rules:\n- at least 14 characters\",Help Desk\n"
                        + "Printing,Printer jammed,Open tray 2 and pull the paper.,\n"
                        + "\"Wi-Fi, guests\",\"Which Wi-Fi do guests use,\nand who sets it up?\",Guests use LSD-Guest.,Network Team\n", "it-helpdesk-faq.txt");

        Assert.Equal(["I'm locked out. How do I get back in?", "Printer jammed", "Which Wi-Fi do guests use, and who sets it up?"], Headings(doc));
        Assert.Equal([(2, 2, "Go to the reset page and click \"Forgot password\"."), (4, 4, "Password rules:"), (5, 5, "at least 14 characters")],
            doc.Sections[0].Passages.Select(p => (p.StartLine, p.EndLine, p.Text)));
        Assert.Equal("Open tray 2 and pull the paper.", doc.Sections[1].Text);
        Assert.Equal((8, 8, "Guests use LSD-Guest."), (doc.Sections[2].Passages[0].StartLine, doc.Sections[2].Passages[0].EndLine, doc.Sections[2].Text));

        // A "Q:" line with its answer labelled on it.
        var inline = Parse("Parking FAQ\n\nQ: Lot full A: Park at the church on Elm Street.\n\nQ: Who has the keys? The office.\n", "parking.txt");
        Assert.Equal([("Lot full", "Park at the church on Elm Street."), ("Who has the keys?", "The office.")], inline.Sections.Select(s => (s.Heading, s.Text)));

        // An answer cell that starts on the next line is labelled nowhere.
        var below = Parse("Question,Answer\nPrinter jammed,\"\nOpen tray 2.\"\nWifi down,\"\nRestart it.\"\n", "printing.txt");
        Assert.Equal([("Printer jammed", "Open tray 2."), ("Wifi down", "Restart it.")], below.Sections.Select(s => (s.Heading, s.Text)));

        // Prose under a first line with commas is no sheet, nor is "Plan A:" in a question an answer's label.
        var prose = Parse("Questions, Answers, and Resources\n\nIf you have a question, ask your manager first.\nPayroll runs on Fridays, and overtime needs approval.\n", "resources.txt");
        Assert.Equal("Questions, Answers, and Resources", prose.Title);
        Assert.Equal(["If you have a question, ask your manager first.", "Payroll runs on Fridays, and overtime needs approval."], prose.Sections.SelectMany(s => s.Passages).Select(p => p.Text));
        var plan = Parse("Benefits FAQ\n\nQ: Does Plan A: the basic plan cover dental?\nA: Yes, up to $500 a year.\n\nQ: Vision?\nA: No.\n", "benefits.txt");
        Assert.Equal("Does Plan A: the basic plan cover dental?", plan.Sections[0].Heading);

        // A table of rules saved as CSV, with no question column, stays a table.
        var table = Parse("Topic,Rule\nKeys,Return them in June.\nBadges,Wear them at all times.\n", "rules.txt");
        Assert.DoesNotContain(table.Sections, s => s.Heading == "Return them in June.");
    }

    [Fact]
    public void A_pandoc_conversion_reads_its_tables_by_row_its_coded_title_as_header_and_no_image_size()
    {
        var doc = Parse("![](media/image1.png){width=\"1.41in\"\nheight=\"0.69in\"}\n\n**RIVERBEND UNIFIED SCHOOL DISTRICT**\n\n**Administrative Regulation 4161.8**\n\n"
                        + "**Family and Medical Leave**\n\n# Amount of Leave\n\nHow long leave lasts.\n\n"
                        + "  Leave type        Maximum length\n  ----------------- ----------------\n  FMLA              12 workweeks\n  Military          26 workweeks\n\n"
                        + "# Certification\n\n  ------------------------------------\n  Reason            Form\n  ----------------- ------------------\n"
                        + "  Employee\\'s own    WH-380-E\n  serious health\n  condition\n\n  Bonding with a    None (papers may\n  new child         be requested)\n  ------------------------------------\n\nSend it to HR.\n", "leave.md");

        Assert.Equal("Family and Medical Leave", doc.Title);
        Assert.Equal(["RIVERBEND UNIFIED SCHOOL DISTRICT", "Administrative Regulation 4161.8"], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["About these guidelines", "Amount of Leave", "Certification"], Headings(doc));
        Assert.Equal([(12, "How long leave lasts."), (16, "Leave type: FMLA — Maximum length: 12 workweeks"), (17, "Leave type: Military — Maximum length: 26 workweeks")],
            doc.Sections[1].Passages.Select(p => (p.StartLine, p.Text)));
        Assert.Equal(["Reason: Employee's own serious health condition — Form: WH-380-E", "Reason: Bonding with a new child — Form: None (papers may be requested)", "Send it to HR."],
            doc.Sections[2].Passages.Select(p => p.Text));

        // A command's output in a code block is no table, nor is a paragraph over a "--- ---" break with no rows under it.
        var code = Parse("# Services\n\nOutput:\n\n```\n\nName     Status\n-----    ------\nSpooler  Running\n```\n\nDone.\n", "services.md");
        Assert.Contains(code.Sections[0].Passages, p => p.Text.Contains("Spooler  Running", StringComparison.Ordinal));
        var rule = Parse("# Leave\n\nHow leave works.\n\nThe district reviews this policy every year.\n--- ---\n\n## Requests\n\nUse Form HR-4.\n", "leave.md");
        Assert.Contains("The district reviews this policy every year.", rule.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_web_page_saved_as_text_loses_its_link_marks_their_list_and_the_site_header_above_its_breadcrumb()
    {
        var doc = Parse("Skip to main content[1]\nCedar Valley Unified School District[2]\n\n   Search this site: ______ Search[3]\n\n     * Home[4]\n     * Staff Portal[5]\n\n"
                        + "   Human Resources[6] > Leaves of Absence[7] > Jury Duty and Court Leave\n\nJury Duty and Court Leave\n\n   How jury service is paid, under Board Policy 4161.1[8].\n\n"
                        + "Who Is Covered\n\n   All permanent employees.\n\nPay While Serving\n\n   Full pay for up to 10 days[9].\n\nReferences\n\n   Visible links:\n\n"
                        + string.Concat(Enumerable.Range(1, 9).Select(n => $"   {n}. https://www.example.org/page{n}\n")), "jury-duty.txt");

        Assert.Equal("Jury Duty and Court Leave", doc.Title);
        Assert.Equal(["About these guidelines", "Who Is Covered", "Pay While Serving"], Headings(doc));
        Assert.Equal(["How jury service is paid, under Board Policy 4161.1."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal("Full pay for up to 10 days.", doc.Sections[2].Text);

        // A policy's own list of references (no text browser's "Visible links:") stays, and so does a guide's menu path.
        var cited = Parse("Travel Policy\n\nMileage is paid at the IRS rate[1].\n\nReferences\n\n1. https://www.irs.gov/rates\n2. https://www.gsa.gov/perdiem\n3. https://www.example.org/policy\n", "travel.txt");
        Assert.Contains(cited.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("https://www.gsa.gov/perdiem", StringComparison.Ordinal));
        var guide = Parse("Printer Setup Guide\n\nOpen the control panel and choose the printer.\n\nOn a Mac, open:\nSystem Settings > Printers & Scanners\nPrinters & Scanners\n\nClick the plus sign.\n", "printer.txt");
        Assert.Equal("Printer Setup Guide", guide.Title);
    }

    [Fact]
    public void A_help_centre_article_saved_from_the_browser_keeps_its_article_and_its_headings_at_the_margin()
    {
        var doc = Parse("Skip to main content\nStaff Help Center home page\nSubmit a request\nSign in\n\n   1. Staff Help Center\n   2. Professional Learning\n\n"
                        + "Articles in this section\n\n     * PD credits and stipends\n     * Tuition reimbursement\n\n   See more\n\nPD credits and stipends\n\n"
                        + "   Renee Castillo's Avatar\n   Renee Castillo\n   Updated 3 months ago\n   Follow\n\n   How PD hours turn into credits.\n\n"
                        + "   In this article:\n     * Who is eligible\n     * Stipend rates\n\nWho is eligible\n\n   All certificated staff.\n\n"
                        + "Stipend rates\n\n   After-school PD: $35 per hour.\n\nFrequently asked questions\n\n   Do hours count toward renewal? −\n   Yes, as clock hours.\n\n"
                        + "   Can I take the stipend and the credit? +\n   No, one or the other.\n\n   Was this article helpful?\n   Yes No\n   3 out of 5 found this helpful\n\n"
                        + "Related articles\n\n     * Tuition reimbursement\n", "pd-credits.txt");

        Assert.Equal("PD credits and stipends", doc.Title);
        Assert.Equal(["How PD hours turn into credits."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["About these guidelines", "Who is eligible", "Stipend rates", "Do hours count toward renewal?", "Can I take the stipend and the credit?"], Headings(doc));
        Assert.Equal("Yes, as clock hours.", doc.Sections[3].Text);
        Assert.Equal("No, one or the other.", doc.Sections[4].Text);
        Assert.DoesNotContain(doc.Sections, s => s.Text.Contains("helpful", StringComparison.Ordinal) || s.Text.Contains("Tuition", StringComparison.Ordinal));

        // An ordinary document that asks the question in passing keeps its title, its "Comments" heading and its text.
        var library = Parse("Library Book Challenge Procedure\n\nPurpose\n\nParents may ask the library to review a book.\n\nComments\n\nComments from the public are collected for 30 days.\n\n"
                            + "Updated 2 days ago\n\nThe committee meets monthly.\n\nWas this article helpful? Email the library with feedback.\n", "library.txt");
        Assert.Equal("Library Book Challenge Procedure", library.Title);
        Assert.Contains(library.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Parents may ask", StringComparison.Ordinal));

        // An indented policy's fields at the margin head nothing.
        var fields = Parse("Attendance Policy\n\nAdopted: June 5, 2019\n\n   Students attend every day.\n\nRevised: March 3, 2021\n\n   Absences are reported by 9 a.m.\n\n"
                           + "Legal Reference: Education Code 48200\n\n   Parents are told of every absence.\n\nSincerely yours\n\n   The Board\n", "attendance.txt");
        Assert.DoesNotContain(fields.Sections, s => s.Heading.StartsWith("Adopted", StringComparison.Ordinal) || s.Heading.StartsWith("Sincerely", StringComparison.Ordinal));
    }

    [Fact]
    public void An_email_answered_inline_heads_a_section_by_each_quoted_question()
    {
        var doc = Parse("Subject: Re: Mentoring questions\nFrom: Marcus Whitfield\n\nHi Dana, I answered under each question.\n\n"
                        + "On Tue, Aug 20, 2024 at 3:14 PM Dana Reyes <dreyes@example.org> wrote:\n\n> Hi Mr. Whitfield,\n>\n> I have a few questions.\n>\n"
                        + "> 1) Mentor match - When will I find out who my\n> mentor is?\n\nBy Friday, September 6.\n\n> 2) Seminars - Are they required?\n\nYes, for first-year teachers.\n\n"
                        + "> 3) Pay - Do we get paid for seminars?\n> On Mon, Aug 12, 2024 Marcus Whitfield wrote:\n>\n>> The program pairs every new teacher with a mentor.\n\n"
                        + "> 4) Release days - How many do I get?\n\nFour a year.\n", "mentoring.txt");

        Assert.Equal("Mentoring questions", doc.Title);
        Assert.Equal(["About these guidelines", "Mentor match - When will I find out who my mentor is?", "Seminars - Are they required?", "Release days - How many do I get?"],
            Headings(doc));
        Assert.Equal([(15, 15, "By Friday, September 6.")], doc.Sections[1].Passages.Select(p => (p.StartLine, p.EndLine, p.Text)));
        Assert.Contains("The program pairs every new teacher with a mentor.", doc.Sections[2].Passages.Select(p => p.Text));
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("I have a few questions", StringComparison.Ordinal) || p.Text.Contains("wrote:", StringComparison.Ordinal));

        // ">=" opens no quote.
        var budget = Parse("Budget\n\n> Can we move it?\n\nNo.\n\n> What about the forms?\n\nAttached.\n\n> Anything else?\n\nNope.\n\n>= 5 staff per site? We think that is enough.\n\nAgreed.\n", "budget.txt");
        Assert.DoesNotContain(budget.Sections, s => s.Heading.StartsWith('=') || s.Heading.Contains("5 staff", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scans_zero_for_the_letter_o_in_a_heading_in_capitals_is_the_letter()
    {
        var doc = Parse("Dismissal Procedures\n\nHow students leave school.\n\n8. BUS RIDERS AND TRANSPORTATI0N CHANGES\n\nChanges are made by 1:00 p.m.\n\n"
                        + "12. SELF SIGN-0UT BY SECONDARY STUDENTS\n\nStudents 18 or older sign out in the office.\n\n13. FORM AP0123 AND ROOM B10\n\nUse Form AP0123 in Room B10.\n", "dismissal.txt");

        Assert.Equal(["About these guidelines", "BUS RIDERS AND TRANSPORTATION CHANGES", "SELF SIGN-OUT BY SECONDARY STUDENTS", "FORM AP0123 AND ROOM B10"], Headings(doc));
    }

    [Fact]
    public void A_handbook_chapter_is_named_by_the_line_under_its_number_not_by_its_first_underlined_heading()
    {
        var doc = Parse("Chapter 6\nTimekeeping, Pay Days and Overtime\nRiverbend School District\n\nPurpose and Scope\n=================\n"
                        + "How staff record their time.\n\nRecording Your Time\n-----------\nClock in at the start of your shift.\n\n"
                        + "Overtime\n=====\nOvertime is approved in advance.\n", "timekeeping.txt");

        Assert.Equal("Timekeeping, Pay Days and Overtime", doc.Title);
        Assert.Equal(["About these guidelines", "Recording Your Time", "Overtime"], Headings(doc));

        // A part of the chapter further down ("Part 1") is no other chapter.
        var parts = Parse("Chapter 6\nTimekeeping\n\nHow staff record time.\n\nPart 1\n\nClock in at the start of your shift.\n", "chapter.txt");
        Assert.Equal("Timekeeping", parts.Title);

        // A handbook of several chapters is not named by its first chapter's name.
        var handbook = Parse("Chapter 1\nIntroduction\n\nThe rules for staff.\n\nChapter 2\nAttendance\n\nStaff report by 7:45 AM.\n", "handbook.txt");
        Assert.NotEqual("Introduction", handbook.Title);
        Assert.Contains(doc.Sections[0].Passages, p => p.Text.Contains("How staff record their time.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pages_accordion_of_questions_copied_from_the_browser_heads_a_section_by_each_question()
    {
        var doc = Parse("Skip to main content\nSkip to footer\nRiverbend Public Schools\nSearch\nMenu\nHome\nStaff\n"
                        + "Home  ›  Departments  ›  Assessment  ›  Testing FAQ\nAssessment\nOverview\nTesting FAQ\n"
                        + "Testing Accommodations: Questions for Staff\nUpdated September 3, 2024\nPrint\nShare\n\n"
                        + "This page answers the questions teachers ask most often about accommodations on state tests and benchmarks.\n\n"
                        + "Expand all | Collapse all\n+ Who decides which accommodations a student gets?\n\nThe IEP team decides.\n\nBack to top\n"
                        + "+ Can I read the test aloud to a student?\n\nOnly if the plan lists it.\n\nBack to top\n"
                        + "+ How much extra time can a student have?\n\nState tests are untimed.\n\nBack to top\n"
                        + "Was this page helpful?\nYes\nNo\nRiverbend Public Schools\n2150 Mill Street\nPrivacy Policy\n", "testing-faq.txt");

        Assert.Equal("Testing Accommodations: Questions for Staff", doc.Title);
        Assert.Equal(["About these guidelines", "Who decides which accommodations a student gets?", "Can I read the test aloud to a student?",
            "How much extra time can a student have?"], Headings(doc));
        Assert.Equal("State tests are untimed.", doc.Sections[3].Text);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text is "Print" or "Share" || p.Text.Contains("Back to top", StringComparison.Ordinal)
                                                                              || p.Text.Contains("Menu", StringComparison.Ordinal) || p.Text.Contains("Mill Street", StringComparison.Ordinal));

        // A page that opens with a skip link but shows no site around it ("Skip to content" over a few short lines) keeps
        // its lines and its title.
        var plain = Parse("Skip to content\nHome\nStudents\nAttendance Policy\nKey points\nArrive by 8:00 AM\nCall the office if absent\n"
                          + "Students who miss more than ten days in a term meet with the counselor and a parent.\n", "attendance.txt");
        Assert.Contains(plain.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Call the office if absent", StringComparison.Ordinal));
        Assert.NotEqual("Call the office if absent", plain.Title);

        // A list of things to add ("+ Laptop?") in a document of two such lines is no accordion: its marks stay.
        var list = Parse("Packing\n\nBring these:\n\n+ Laptop?\n+ Charger?\n\nAsk the office.\n", "packing.txt");
        Assert.DoesNotContain(list.Sections, s => s.Heading == "Laptop?");
    }

    [Fact]
    public void A_grid_tables_row_wrapped_over_its_lines_reads_as_one_row()
    {
        var doc = Parse("Facility Use\n\nWho needs a permit.\n\n+------------------+----------+\n| User group       | Category |\n+==================+==========+\n"
                        + "| Staff-led school | Group I  |\n| activity (club)  |          |\n+------------------+----------+\n"
                        + "| PTO and booster  | Group II |\n| clubs            |          |\n+------------------+----------+\n", "facilities.txt");

        Assert.Equal(["User group: Staff-led school activity (club) — Category: Group I", "User group: PTO and booster clubs — Category: Group II"],
            doc.Sections[0].Passages.Skip(1).Select(p => p.Text));

        // Lines that go on a row in capitals, beside a cell that goes on in lower case.
        var drills = Parse("Drills\n\nEvery school runs these.\n\n+------------+--------------------+----------------+\n| Drill      | Frequency          | Lead           |\n"
                           + "+============+====================+================+\n| Fire       | Monthly during the | Principal and  |\n| Evacuation | school year        | Head Custodian |\n"
                           + "+------------+--------------------+----------------+\n| Lockdown   | Twice a year, fall | School Resource|\n| Drill      | and spring         | Officer        |\n"
                           + "+------------+--------------------+----------------+\n", "drills.txt");
        Assert.Contains(drills.Sections[0].Passages, p => p.Text == "Drill: Fire Evacuation — Frequency: Monthly during the school year — Lead: Principal and Head Custodian");

        // Rules around groups of whole rows, or over a total, part rows that each start as a row does: each line is a row.
        var budget = Parse("Supply Budget\n\nThe budget.\n\n+-------+-------+\n| Item  | Cost  |\n+-------+-------+\n| Pens  | 2.00  |\n| Paper | 5.00  |\n"
                           + "+-------+-------+\n| Total | 7.00  |\n+-------+-------+\n", "budget.txt");
        Assert.Equal(["Item: Pens — Cost: 2.00", "Item: Paper — Cost: 5.00", "Item: Total — Cost: 7.00"], budget.Sections[0].Passages.Skip(1).Select(p => p.Text));

        // A database client's table rules off its header only: each line is a row.
        var rates = Parse("Rates\n\nPer hour.\n\n+-----------+------+\n| space     | rate |\n+-----------+------+\n| Classroom | $15  |\n| Gym       | $60  |\n+-----------+------+\n", "rates.txt");
        Assert.Equal(["space: Classroom — rate: $15", "space: Gym — rate: $60"], rates.Sections[0].Passages.Skip(1).Select(p => p.Text));
    }

    [Fact]
    public void A_whatsapp_chat_export_heads_a_section_by_each_question_and_each_rule_restated_in_bold()
    {
        var doc = Parse("[8/27/25, 3:41:18 PM] Bus Group: \u200eMessages and calls are end-to-end encrypted.\n"
                        + "[8/27/25, 3:41:18 PM] Bus Group: \u200eMarcus Bell created group “Bus & Dismissal 25-26”\n"
                        + "[8/27/25, 3:44:02 PM] Marcus Bell: Welcome to the bus group.\nKeep it to school hours.\n"
                        + "[8/27/25, 3:45:10 PM] Jen Kowalski: 👍\n"
                        + "[9/2/25, 2:41:10 PM] Kevin O'Brien: Where do I stand on PM bus duty?\n"
                        + "[9/2/25, 2:44:02 PM] Marcus Bell: At the crosswalk by the loop, with a vest on.\n"
                        + "[9/2/25, 2:45:40 PM] Marcus Bell: <Media omitted>\n"
                        + "[9/4/25, 12:02:44 PM] Marcus Bell: 📌 *LATE BUS IN THE AFTERNOON*\nDuty staff walk riders to the cafeteria.\nThe office calls families after 30 minutes. <This message was edited>\n"
                        + "[9/4/25, 12:03:30 PM] Priya Natarajan: This message was deleted\n"
                        + "[9/4/25, 12:05:00 PM] Tasha Greene: Do we mark late bus riders tardy?\n"
                        + "[9/4/25, 12:06:00 PM] Marcus Bell: Never, the office codes them LB.\n"
                        + "[9/5/25, 7:10:00 AM] Tasha Greene: thanks!\n", "buses.txt");

        Assert.Equal("Bus & Dismissal 25-26", doc.Title);
        Assert.Equal(["About these guidelines", "Where do I stand on PM bus duty?", "LATE BUS IN THE AFTERNOON", "Do we mark late bus riders tardy?"], Headings(doc));
        Assert.Equal("At the crosswalk by the loop, with a vest on.", doc.Sections[1].Text);
        Assert.Equal("Duty staff walk riders to the cafeteria. The office calls families after 30 minutes.", doc.Sections[2].Text);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("PM]", StringComparison.Ordinal) || p.Text.Contains("omitted", StringComparison.Ordinal)
                                                                              || p.Text.Contains("thanks", StringComparison.Ordinal) || p.Text.Contains("encrypted", StringComparison.Ordinal));

        // Android's export: the app's lines have no author ("Jo Park joined …"); a colleague's answer right after a question is its text.
        var android = Parse("9/3/25, 7:40 AM - Messages and calls are end-to-end encrypted.\n9/3/25, 7:41 AM - Marcus Bell created group \"Brookside Dismissal\"\n"
                            + "9/3/25, 7:42 AM - Tina Wu: What time do walkers leave on early release days?\n"
                            + "9/3/25, 7:45 AM - Marcus Bell: Walkers leave at 12:35 on early release days, after the buses are loaded.\n"
                            + "9/3/25, 7:46 AM - Jo Park joined using this group's invite link\n9/3/25, 7:50 AM - Sam Ortiz: Where do car riders wait if it rains?\n"
                            + "9/3/25, 7:51 AM - Tina Wu: In the cafeteria, the duty teacher calls them by number.\n"
                            + "9/3/25, 7:53 AM - Marcus Bell changed this group's icon\n9/3/25, 8:10 AM - Jo Park: Can parents wait inside the gym?\n"
                            + "9/3/25, 8:11 AM - Sam Ortiz: I think they wait in the library until the bell rings.\n"
                            + "9/3/25, 8:15 AM - Marcus Bell: No, parents wait outside by the flagpole.\n", "dismissal.txt");
        Assert.Equal("Brookside Dismissal", android.Title);
        Assert.Equal(["What time do walkers leave on early release days?", "Where do car riders wait if it rains?", "Can parents wait inside the gym?"], Headings(android));
        Assert.Equal("In the cafeteria, the duty teacher calls them by number.", android.Sections[1].Text);
        // A colleague's guess beside the answer of the one who answers is no answer.
        Assert.Equal("No, parents wait outside by the flagpole.", android.Sections[2].Text);
        Assert.Equal("Walkers leave at 12:35 on early release days, after the buses are loaded.", android.Sections[0].Text);

        // A log of notices kept with the same stamps (nobody asks) is read as it was before: its title and every entry stay.
        var log = Parse("Front Office Phone Log\n\nCalls taken at the front desk.\n\n" + string.Concat(Enumerable.Range(1, 7).Select(n =>
            $"[1/2/25, 3:0{n} PM] {(n % 2 == 0 ? "Mark Chen" : "Dana Ruiz")}: Entry {n} was handled by the office and filed.\n")), "log.txt");
        Assert.Equal("Front Office Phone Log", log.Title);
        Assert.All(Enumerable.Range(1, 7), n => Assert.Contains(log.Sections.SelectMany(s => s.Passages), p => p.Text.Contains($"Entry {n} was handled", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_markdown_heading_typed_without_its_space_is_a_heading_but_a_tag_line_is_not()
    {
        var doc = Parse("[TOC]\n\n# Classroom Libraries\n\nHow teachers keep a classroom library.\n\n##Building Your Library\n\nAim for 7 books per student.\n\n"
                        + "## Donated Books\n\nDonations become district property.\n\n#Weeding Your Collection\n\nWeed once a year.\n\n#policy #library\n\n"
                        + "#1 rule: read every day.\n", "library.md");

        Assert.Equal("Classroom Libraries", doc.Title);
        Assert.Equal(["About these guidelines", "Building Your Library", "Donated Books", "Weeding Your Collection"], Headings(doc));
        Assert.Contains(doc.Sections[3].Passages, p => p.Text.Contains("#policy", StringComparison.Ordinal));
        Assert.Contains(doc.Sections[3].Passages, p => p.Text.Contains("#1 rule", StringComparison.Ordinal));

        // Brand names, commas and questions in such headings.
        var tech = Parse("# Staff Technology\n\nTools for staff.\n\n##PowerSchool Gradebook Setup\n\nOpen the class.\n\n##Who Do I Call?\n\nCall ext. 4400.\n\n"
                         + "##Grades K-5, Part 2\n\nUse the standards report.\n", "tech.md");
        Assert.Equal(["About these guidelines", "PowerSchool Gradebook Setup", "Who Do I Call?", "Grades K-5, Part 2"], Headings(tech));

        // A post with a hashtag ("#FirstDay Welcome back, Eagles! …") is text.
        var posts = Parse("# Social Media\n\nKeep posts short.\n\n## Sample posts\n\nA first-day post:\n\n#FirstDay Welcome back, Eagles! We can't wait\n\n"
                          + "A game-day post:\n\n#GoEagles Big win tonight against Central\n", "social.md");
        Assert.Equal(["About these guidelines", "Sample posts"], Headings(posts));
        Assert.Contains(posts.Sections[1].Passages, p => p.Text.Contains("Big win tonight", StringComparison.Ordinal));

        // Inside a code block it stays code.
        var code = Parse("# Scripts\n\nHow to run them.\n\n```\n\n#Run This Script\n\n```\n", "scripts.md");
        Assert.DoesNotContain(code.Sections, s => s.Heading.Contains("Run This Script", StringComparison.Ordinal));
    }

    [Fact]
    public void A_confluence_page_exported_to_markdown_is_named_by_its_page_without_the_exports_leftovers()
    {
        var doc = Parse("# Certificated HR : Classroom Observations\n\n1.  [Certificated HR](index.html)\n2.  [Evaluation](Evaluation_98041.html)\n\n"
                        + "Created by Dana Whitfield, last modified on Aug 12, 2024\n\n<ac:structured-macro ac:name=\"toc\"><ac:parameter ac:name=\"maxLevel\">2</ac:parameter></ac:structured-macro>\n\n"
                        + "How observations work.\n\n## Walkthroughs {#Page-Walkthroughs}\n\n<ac:emoticon ac:name=\"warning\" /> Walkthroughs last 10 to 15 minutes.\n\n"
                        + "<ac:link><ri:page ri:content-title=\"Peer Observation Protocol\" /></ac:link>\n\nDocument generated by Confluence on Aug 20, 2024 10:42\n\n"
                        + "[Atlassian](http://www.atlassian.com/)\n", "observations.md");

        Assert.Equal("Classroom Observations", doc.Title);
        Assert.Equal(["About these guidelines", "Walkthroughs"], Headings(doc));
        Assert.Equal("Walkthroughs last 10 to 15 minutes.", doc.Sections[1].Text);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("ac:", StringComparison.Ordinal) || p.Text.Contains("Certificated HR", StringComparison.Ordinal)
                                                                              || p.Text.Contains("Confluence", StringComparison.Ordinal) || p.Text.Contains("Atlassian", StringComparison.Ordinal)
                                                                              || p.Text == "2");

        // A page about Confluence that shows its markup in a code block and inline code is no export.
        var guide = Parse("# Writing Guide : Adding a Table of Contents\n\nHow staff add the macro.\n\n## The macro\n\n```xml\n<ac:structured-macro ac:name=\"toc\">\n"
                          + "  <ac:parameter ac:name=\"maxLevel\">2</ac:parameter>\n</ac:structured-macro>\n```\n\n## Linking\n\nUse `<ac:link><ri:page /></ac:link>` to link.\n", "guide.md");
        Assert.Equal("Writing Guide : Adding a Table of Contents", guide.Title);
        Assert.Contains(guide.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("ac:structured-macro", StringComparison.Ordinal));

        // An ordinary page with a spaced colon in its title keeps it.
        var ratio = Parse("# Staffing : Students\n\nOne adult per ten students.\n", "ratio.md");
        Assert.Equal("Staffing : Students", ratio.Title);
    }

    [Fact]
    public void Kramdowns_table_of_contents_on_a_jekyll_page_is_no_text()
    {
        var doc = Parse("---\nlayout: default\ntitle: Front Office Phones\n---\n\n# Front Office Phones\n{: .no_toc }\n\nWho covers the office.\n\n"
                        + "## Contents\n{: .no_toc .text-delta }\n\n* TOC\n{:toc}\n\n---\n\n## Voicemail\n\nCheck voicemail twice a day.\n", "phones.md");

        Assert.Equal(["About these guidelines", "Voicemail"], Headings(doc));
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("TOC", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_exported_as_text_one_item_per_block_of_fields_heads_a_section_by_each_items_title()
    {
        var doc = Parse("Title: Mileage Reimbursement\nPolicy Number: AR 3350\nCategory: Business Services;#Travel\nSummary: Staff are paid $0.67 per mile.\n"
                        + "Submit Form BS-12 within 60 days.\nContact: Accounts Payable, ext. 2214\nModified: 7/30/2024 10:41 AM\nModified By: Okafor, Grace\n\n"
                        + "Title: Sick Leave\nPolicy Number: BP 4161.1\nSummary: Staff earn one day a month.\nModified: 8/2/2024 3:18 PM\n\n"
                        + "Title: Conference Attendance\nPolicy Number: AR 4131\nSummary: Submit Form PD-3 30 days ahead.\nModified By: Chen, David\n", "policies.txt");

        Assert.Equal(["Mileage Reimbursement", "Sick Leave", "Conference Attendance"], Headings(doc));
        Assert.All(["Policy Number: AR 3350", "Category: Business Services, Travel", "Staff are paid $0.67 per mile. Submit Form BS-12 within 60 days.",
            "Contact: Accounts Payable, ext. 2214"], field => Assert.Contains(field, doc.Sections[0].Text, StringComparison.Ordinal));
        Assert.DoesNotContain("Summary", doc.Sections[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Modified", StringComparison.Ordinal));

        // An "Author:" field is the item's, and the text under it stays; a list inside a longer document is its text; a form's
        // empty fields ("Name: ______") are no items.
        var authored = Parse("Policy: 5131 Student Conduct\nAuthor: Policy Committee\nStudents behave with respect.\n\nPolicy: 5141 Health Care\nAuthor: Policy Committee\n"
                             + "The nurse keeps medication records.\n\nPolicy: 6163 Library\nAuthor: Policy Committee\nBooks may be borrowed for two weeks.\n", "policies.txt");
        Assert.Contains("The nurse keeps medication records.", authored.Sections[1].Text, StringComparison.Ordinal);
        var contacts = Parse("Attendance Procedures\n\nReport every absence before 9:00 AM.\n\nKey contacts\n\nName: Maria Lopez\nRole: Attendance clerk\n\n"
                             + "Name: Tom Reed\nRole: Assistant principal\n\nName: Ana Chu\nRole: Counselor\n\nTARDIES\n\nThree tardies make an absence.\n", "attendance.txt");
        Assert.DoesNotContain(contacts.Sections, s => s.Heading is "Maria Lopez" or "Ana Chu");
        var form = Parse("Permission Packet\n\nName: ______\nGrade: ____\n\nName: ______\nGrade: ____\n\nName: ______\nGrade: ____\n", "packet.txt");
        Assert.DoesNotContain(form.Sections, s => s.Heading.Contains('_', StringComparison.Ordinal));

        // Two such blocks are a memo's fields, not a list.
        var memo = Parse("Title: Budget Memo\nFrom: Business Office\n\nTitle: Attachment\nPages: 2\n\nThe budget is due Friday.\n", "memo.txt");
        Assert.DoesNotContain(memo.Sections, s => s.Heading == "Attachment");
    }

    [Fact]
    public void A_course_page_copied_from_a_learning_platform_loses_its_buttons_and_is_named_by_its_title()
    {
        var doc = Parse("Skip To Content\nDashboard\nAccount\nCourses\nStaff Compliance Hub\nModules\nAnnual Trainings: Who and When\nHome\nGrades\n"
                        + "Annual Trainings: Who and When\nDue: Sep 30 by 11:59pm  Points: 1\nMark as done\nBanner image: staff at the convocation\n"
                        + "Every employee must complete the required trainings on this page each school year.\n"
                        + "Most are online in SafeSchools Links to an external site. and take 30 minutes.\nMandated Reporter Training\n"
                        + "Due by September 30 for all staff who work with students.\nPrevious\nNext\nMark as done\n", "trainings.txt");

        Assert.Equal("Annual Trainings: Who and When", doc.Title);
        var passages = doc.Sections.SelectMany(s => s.Passages).Select(p => p.Text).ToArray();
        Assert.Contains("Most are online in SafeSchools and take 30 minutes.", passages);
        Assert.DoesNotContain(passages, p => p.Contains("Mark as done", StringComparison.Ordinal) || p.Contains("Banner image", StringComparison.Ordinal)
                                           || p.Contains("Points: 1", StringComparison.Ordinal) || p is "Previous" or "Next" || p.Contains("Dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public void A_google_doc_converted_by_docs_to_markdown_loses_its_alerts_and_is_named_by_its_heading()
    {
        var doc = Parse("<!-----\nConversion time: 1.862 seconds.\n----->\n\n<p style=\"color: red; font-weight: bold\">>>>>>  gd2md-html alert:  ERRORs: 1</p>\n"
                        + "<p style=\"color: red; font-weight: bold\">Links to alert messages:</p><a href=\"#gdcalert1\">alert1</a>\n\n"
                        + "<p id=\"gdcalert1\" ><span style=\"color: red; font-weight: bold\">>>>>>  gd2md-html alert: inline image link here </span></p>\n\n"
                        + "# Makerspace Tool Safety {#h.gjdgxs}\n\nEvery supervisor completes the safety module.\n\n## Eye Protection {#h.30j0zll}\n\nGoggles for every tool.\n", "makerspace.md");

        Assert.Equal("Makerspace Tool Safety", doc.Title);
        Assert.Equal(["About these guidelines", "Eye Protection"], Headings(doc));
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("alert", StringComparison.Ordinal));
    }

    [Fact]
    public void A_docsify_pages_tips_warnings_and_heading_attributes_read_as_their_words()
    {
        var doc = Parse("# Club Funds\n\n?> **Last reviewed:** July 2024.\n\n## Advisor Stipends :id=advisor-stipends\n\n!> Never leave students with a volunteer.\n"
                        + "\nAdvisors are paid per season.\n", "clubs.md");

        Assert.Equal(["About these guidelines", "Advisor Stipends"], Headings(doc));
        Assert.Equal(["Never leave students with a volunteer.", "Advisors are paid per season."], doc.Sections[1].Passages.Select(p => p.Text));
        Assert.Equal(["Last reviewed: July 2024."], doc.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void An_outliners_page_exported_to_markdown_has_a_section_by_each_heading_bullet()
    {
        var doc = Parse("title:: Student Cell Phones\ntags:: policy, [[Student Services]]\n\n- Working page for what staff enforce under [[BP 5131.8]].\n"
                        + "- Change log\n  collapsed:: true\n\t- [[Aug 5th, 2024]] added smartwatch rules. #decision\n- ## What counts as a device\n  collapsed:: true\n"
                        + "\t- Any personal device that can call or text.\n\t- That includes:\n\t\t- cell phones\n\t\t- smartwatches\n- ## Smartwatches\n  id:: 64f0c2a8-1b3e\n"
                        + "\t- Watches are in School Time mode. #[[classroom routines]]\n\t- Handled like a phone, using the steps in ((64f0c2b3-77d1-4e0a))\n", "phones.md");

        Assert.Equal("Student Cell Phones", doc.Title);
        Assert.Equal(["About these guidelines", "What counts as a device", "Smartwatches"], Headings(doc));
        Assert.Equal("Working page for what staff enforce under BP 5131.8.", doc.Sections[0].Passages[0].Text);
        Assert.Equal(["Watches are in School Time mode.", "Handled like a phone, using the steps in"], doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Contains(doc.Sections[1].Passages, p => p.Text.Contains("smartwatches", StringComparison.Ordinal) && p.Text.Contains("That includes", StringComparison.Ordinal));

        // A code block in a bullet stays code, and a tag inside a sentence reads as its word.
        var code = Parse("title:: Lab Rules\ntags:: policy\n\n- ## Lab script\n\t- Run this for #research only:\n\t- ```\n\t  color:: blue\n\t  #disable-wifi now\n\t  ```\n"
                         + "- ## Phones\n\t- Phones stay in the caddy.\n", "lab.md");
        Assert.Equal(["Lab script", "Phones"], Headings(code));
        Assert.Contains(code.Sections[0].Passages, p => p.Text.Contains("color:: blue", StringComparison.Ordinal) && p.Text.Contains("#disable-wifi", StringComparison.Ordinal));
        Assert.Contains(code.Sections[0].Passages, p => p.Text == "Run this for research only:");
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("::", StringComparison.Ordinal) || p.Text.Contains("#", StringComparison.Ordinal)
                                                                              || p.Text.Contains("[[", StringComparison.Ordinal));
    }

    [Fact]
    public void A_marp_slide_decks_speaker_notes_are_text_of_their_slide_and_its_directives_are_not()
    {
        var doc = Parse("---\nmarp: true\ntheme: gaia\n---\n\n<!-- _class: lead -->\n\n# New Staff Orientation\n\nFor all new employees.\n\n"
                        + "<!--\nYou are paid for today at your daily rate.\n-->\n\n---\n\n<!-- paginate: true -->\n\n# Badges\n\n- Photos at check-in\n\n"
                        + "<!-- Lost badges cost $10 in Room 104. -->\n", "orientation.md");

        Assert.Equal("New Staff Orientation", doc.Title);
        Assert.Equal(["About these guidelines", "Badges"], Headings(doc));
        Assert.Contains("You are paid for today at your daily rate.", doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Contains("Lost badges cost $10 in Room 104.", doc.Sections[1].Passages.Select(p => p.Text));
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("_class", StringComparison.Ordinal) || p.Text.Contains("paginate", StringComparison.Ordinal));

        // Text after a comment on its line is the slide's.
        var inline = Parse("---\nmarp: true\n---\n\n# Bus Safety\n\n<!-- _paginate: false --> Students stay seated while the bus moves.\n", "bus.md");
        Assert.Contains("Students stay seated while the bus moves.", inline.Sections[0].Text, StringComparison.Ordinal);

        // Without Marp, a comment is no text.
        var plain = Parse("# Notes\n\nText.\n\n<!-- a draft note -->\n", "notes.md");
        Assert.DoesNotContain(plain.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("draft", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heading_ruled_off_above_and_below_heads_a_section_but_a_tables_rules_stay_a_table()
    {
        var doc = Parse("WHO TO CALL\n\nKeep this card by your phone.\n\n----------------------------------------\nEMERGENCIES\n----------------------------------------\n"
                        + "Medical emergency ........ 911, then ext. 1150\n\n----------------------------------------\nFRONT OFFICE\n----------------------------------------\n"
                        + "Attendance ........ Gloria Nunez, ext. 1110\n", "contacts.txt");

        Assert.Equal(["About these guidelines", "EMERGENCIES", "FRONT OFFICE"], Headings(doc));
        Assert.Contains("Gloria Nunez", doc.Sections[2].Text, StringComparison.Ordinal);

        var table = Parse("Field Trips\n\nRatios, counting volunteers:\n\n=============  ===============\nGrade level    Ratio\n=============  ===============\n"
                          + "TK-2           1 adult : 5 students\n3-5            1 adult : 10 students\n=============  ===============\n", "trips.txt");
        Assert.Contains(table.Sections.SelectMany(s => s.Passages), p => p.Text == "Grade level: TK-2 — Ratio: 1 adult : 5 students");
    }

    [Fact]
    public void A_videos_captions_read_as_paragraphs_of_speech_under_its_title_cards()
    {
        var doc = Parse("1\n00:00:00,000 --> 00:00:05,200\n♪ [upbeat music] ♪\n\n2\n00:00:06,000 --> 00:00:11,058\nHi everyone, this training is required\nfor every employee, every single year,\n\n"
                        + "3\n00:00:11,100 --> 00:00:11,400\nand you need to finish the video and the quiz\nby September 30 with 80 percent to pass.\n\n"
                        + "30\n00:00:11,418 --> 00:00:17,060\n[ON SCREEN: Part 1 – Gloves]\n\n4\n00:00:17,260 --> 00:00:23,554\nWear gloves for any contact with blood,\n\n"
                        + "5\n00:00:23,754 --> 00:00:29,367\nvomit or urine. Gloves are in the red kit.\n\n6\n00:00:30,087 --> 00:00:33,587\n[ON SCREEN: Part 2 – Spills]\n\n"
                        + "7\n00:00:34,387 --> 00:00:40,079\nCall the custodian for any spill bigger than a hand.\n", "bloodborne.txt");

        Assert.Equal(["About these guidelines", "Gloves", "Spills"], Headings(doc));
        Assert.Equal("Wear gloves for any contact with blood, vomit or urine. Gloves are in the red kit.", doc.Sections[1].Text);
        Assert.Equal("Hi everyone, this training is required for every employee, every single year, and you need to finish the video and the quiz "
                     + "by September 30 with 80 percent to pass.", doc.Sections[0].Text);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("-->", StringComparison.Ordinal) || p.Text.Contains("♪", StringComparison.Ordinal));
    }

    [Fact]
    public void A_notes_apps_headings_marked_by_an_emoji_head_sections()
    {
        var doc = Parse("End of Day Closing 🔒\nUpdated 8/14/24\n\nWhy we do this\nLast year we had two break-ins.\n\n🪟 Windows + blinds\n• All windows shut and latched\n\n"
                        + "💡 Lights, power, devices\n• Lights off\n• Projector fully off\n\n🚪 Doors\n• Door locked every time you leave\n", "closing.txt");

        Assert.Equal(["About these guidelines", "Windows + blinds", "Lights, power, devices", "Doors"], Headings(doc));
        Assert.Contains("Door locked every time you leave", doc.Sections[3].Text, StringComparison.Ordinal);

        // Two such lines are a note's decoration, not its headings.
        var two = Parse("Reminders\n\n🎉 Party Friday\nBring snacks.\n\n📚 Library day\nReturn books.\n", "reminders.txt");
        Assert.DoesNotContain(two.Sections, s => s.Heading == "Party Friday");
    }

    [Fact]
    public void A_teams_channels_posts_copied_out_of_the_app_head_a_section_by_each_posts_subject()
    {
        var doc = Parse("Dana Kowalski\n8/26 7:52 AM\nCopy requests: new turnaround times\nAll copy requests go through the Copy Request form.\nSee more\n👍 14\n"
                        + "2 replies from Tom and Priya\nPriya Natarajan\n8/26 8:31 AM\nDoes the 2 days count the day I put it in?\nDana Kowalski\n8/26 8:40 AM\n"
                        + "Only if it comes in before 2:00 PM.\nReply\n\nLuis Herrera\n9/9 3:05 PM\nFall supply order is open\nClassroom teachers get $175.\nSee more\nReply\n\n"
                        + "Dana Kowalski\nTuesday 9:14 AM\nColor copies and laminating\nColor copies are limited to 50 pages a month.\n❤️ 3\nReply\n", "copy-center.txt");

        Assert.Equal(["Copy requests: new turnaround times", "Fall supply order is open", "Color copies and laminating"], Headings(doc));
        Assert.Contains("Only if it comes in before 2:00 PM.", doc.Sections[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Kowalski", StringComparison.Ordinal) || p.Text.Contains("AM", StringComparison.Ordinal)
                                                                              || p.Text.Contains("replies", StringComparison.Ordinal) || p.Text.Contains("See more", StringComparison.Ordinal)
                                                                              || p.Text.Contains("👍", StringComparison.Ordinal));
    }

    [Fact]
    public void An_email_newsletters_layout_tables_read_as_its_blocks_with_its_bold_headlines_heading_sections()
    {
        var doc = Parse("<html>\n<head><title>Benefits Bulletin | October</title></head>\n<body>\n"
                        + "<div style=\"display:none; font-size:1px;\">Open enrollment runs Oct 27 – Nov 14.</div>\n"
                        + "<table width=\"100%\"><tr><td align=\"center\"><font size=\"1\">Having trouble viewing this email? <a href=\"https://x.example/v\">View in browser</a></font></td></tr>\n"
                        + "<tr><td><table width=\"600\">\n"
                        + "<tr><td><font size=\"2\">Dear Colleagues,<br>\nOpen enrollment for 2026 is almost here.</font></td></tr>\n"
                        + "<tr><td><b><font size=\"4\" color=\"#1f4e79\">Open Enrollment Window</font></b></td></tr>\n"
                        + "<tr><td><font size=\"2\">Open enrollment runs from Monday, October 27 through Friday, November 14.<br>\nElections roll over if you take no action.</font></td></tr>\n"
                        + "<tr><td><font size=\"4\"><b>Dental and Vision Coverage</b></font></td></tr>\n"
                        + "<tr><td><font size=\"2\">Vision coverage includes one eye exam every 12 months.</font></td></tr>\n"
                        + "<tr><td><table><tr><th>Plan</th><th>Monthly</th></tr><tr><td>Core PPO</td><td>$142</td></tr><tr><td>HMO</td><td>$68</td></tr></table></td></tr>\n"
                        + "<tr><td><font size=\"1\">Sent to benefits-eligible employees. <a href=\"https://x.example/u\">Unsubscribe</a> | Privacy</font></td></tr>\n"
                        + "</table></td></tr></table>\n</body>\n</html>\n", "bulletin.md");

        Assert.Equal(["About these guidelines", "Open Enrollment Window", "Dental and Vision Coverage"], Headings(doc));
        Assert.Equal("Open enrollment runs from Monday, October 27 through Friday, November 14. Elections roll over if you take no action.", doc.Sections[1].Text);
        var passages = doc.Sections.SelectMany(s => s.Passages).Select(p => p.Text).ToList();
        Assert.Contains("Plan: Core PPO — Monthly: $142", passages);
        Assert.DoesNotContain(passages, p => p.Contains("View in browser", StringComparison.Ordinal) || p.Contains("Unsubscribe", StringComparison.Ordinal)
                                             || p.Contains("Oct 27 – Nov 14", StringComparison.Ordinal) || p.Contains("Dear Colleagues:", StringComparison.Ordinal));

        // A data table (a header row of names over rows) stays a table.
        var data = Parse("# Rates\n\n<table>\n<tr><td>Plan</td><td>Monthly</td></tr>\n<tr><td>Core PPO</td><td>$142</td></tr>\n<tr><td>HMO</td><td>$68</td></tr>\n</table>\n", "rates.md");
        Assert.Contains(data.Sections.SelectMany(s => s.Passages), p => p.Text == "Plan: HMO — Monthly: $68");
    }

    [Fact]
    public void A_reply_chains_quoted_original_reads_as_text_and_mail_notices_go()
    {
        var doc = Parse("From:\tWhitfield, Dana <dw@example.org>\r\nSent:\tTuesday, October 7, 2025 3:42 PM\r\nTo:\tAll Staff\r\nSubject:\tRE: Fall conferences\r\n\r\n"
                        + "Hi all,\r\n\r\nNO-SHOWS\r\nWait 5 minutes past the start of the slot, then move on.\r\n\r\nDana\r\n\r\n"
                        + "CONFIDENTIALITY NOTICE: This e-mail message is for the sole use of the intended recipient(s).\r\nAny unauthorized review is prohibited.\r\n\r\n"
                        + "From: Priya Raman <pr@example.com>\r\nSent: Monday, October 6, 2025 8:51 AM\r\nTo: Whitfield, Dana\r\nSubject: Re: Fall conferences\r\n\r\n"
                        + "CAUTION: This email originated from outside of the district. Do not click links unless you recognize the sender.\r\n\r\n"
                        + "What if a family doesn't show?\r\n\r\n"
                        + "On Thu, Oct 2, 2025 at 4:10 PM Dana Whitfield <dw@example.org>\r\nwrote:\r\n\r\n"
                        + "> Hello team,\r\n>\r\n> This email is the official guidance for conferences.\r\n>\r\n"
                        + "> *1) SIGN-UP WINDOW*\r\n> Publish your slots by Friday, Oct 3. The scheduler\r\n> closes on Wednesday, Oct 15.\r\n>\r\n"
                        + "> *2) CONFERENCE LENGTH*\r\n> Slots are 20 minutes.\r\n", "conferences.txt");

        var headings = Headings(doc);
        Assert.Contains("SIGN-UP WINDOW", headings);
        Assert.Contains("CONFERENCE LENGTH", headings);
        Assert.DoesNotContain("CONFIDENTIALITY NOTICE", headings);
        Assert.Equal("Publish your slots by Friday, Oct 3. The scheduler closes on Wednesday, Oct 15.", doc.Sections.Single(s => s.Heading == "SIGN-UP WINDOW").Text);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("intended recipient", StringComparison.Ordinal) || p.Text.Contains("originated from outside", StringComparison.Ordinal)
                                                                              || p.Text.Contains("wrote:", StringComparison.Ordinal) || p.Text.Contains('>', StringComparison.Ordinal));

        // A line or two quoted inside a message is left as it is.
        var short_ = Parse("Bus duty\r\n\r\nOn Mon, Sep 1, 2025 at 8:00 AM Ana wrote:\r\n> Which door?\r\n\r\nThe north door, from 3:05 PM.\r\n", "bus.txt");
        Assert.Contains(short_.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("> Which door?", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_copied_out_of_a_pdf_reads_a_row_per_group_of_wrapped_lines()
    {
        var doc = Parse("Library Guidelines\n\nThese rules apply to every school library.\n\nLOAN PERIODS\n\nLoan periods are shown in Table 1.\n\n"
                        + "   Patron / material      Loan period      Item limit        Notes\n"
                        + "   ------------------------------------------------------------------------\n"
                        + "   Students,              7 days           1 item; 2 items   Kindergarten books\n"
                        + "   grades K–2                              after winter      stay in the classroom\n"
                        + "                                           break\n\n"
                        + "   Students,              14 days          3 items           —\n"
                        + "   grades 3–5\n\n"
                        + "   Staff                  6 weeks          25 items          Staff are responsible\n\n\n"
                        + "RENEWALS\n\nItems can be renewed twice.\n", "library.txt");

        Assert.Equal(["About these guidelines", "LOAN PERIODS", "RENEWALS"], Headings(doc));
        var passages = doc.Sections[1].Passages.Select(p => p.Text).ToList();
        Assert.Contains("Patron / material: Students, grades K–2 — Loan period: 7 days — Item limit: 1 item; 2 items after winter break — Notes: Kindergarten books stay in the classroom", passages);
        Assert.Contains("Patron / material: Staff — Loan period: 6 weeks — Item limit: 25 items — Notes: Staff are responsible", passages);
        Assert.Equal(4, passages.Count);
    }

    [Fact]
    public void A_pdfs_running_header_spaced_wide_goes_at_every_page()
    {
        var doc = Parse("Library Circulation, Overdue and Lost Materials Guidelines                              Revised July 1, 2024\n\nWHO MAY BORROW\n\nEvery enrolled student may borrow.\n\n"
                        + "District Library Services                                   Page 1 of 3\n\fLibrary Circulation, Overdue and Lost Materials Guidelines                              Revised July 1, 2024\n\n"
                        + "RENEWALS\n\nItems can be renewed twice.\n\nDistrict Library Services                                   Page 2 of 3\n"
                        + "\fLibrary Circulation, Overdue and Lost Materials Guidelines                              Revised July 1, 2024\n\nLOST BOOKS\n\nA lost book costs $12.\n\n"
                        + "District Library Services                                   Page 3 of 3\n", "library.txt");

        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Revised", StringComparison.Ordinal));
        Assert.Equal("Items can be renewed twice.", doc.Sections.Single(s => s.Heading == "RENEWALS").Text);
    }

    [Fact]
    public void A_help_article_printed_from_a_browser_loses_the_browsers_marks_and_the_sites_furniture()
    {
        var doc = Parse("3/14/24, 10:02 AM\tWork orders : North Harbor Public Schools\nSkip to main content\nNorth Harbor Help Center\nHome\nSolutions\nLogin\nSign up\n"
                        + "Enter your search term here...\nSearch\n\nSolutions > Facilities > Work orders\n\nPrint\nSubmitting work orders\nModified on: Tue, 12 Mar, 2024 at 3:15 PM\n\n"
                        + "This article explains how staff request repairs.\n\nHow to submit a work order\nLog in to SchoolDude and click New Request.\n\n"
                        + "https://help.example.org/support/solutions/articles/48001236619-work-orders\t1/2\n3/14/24, 10:02 AM\tWork orders : North Harbor Public Schools\n\n"
                        + "Pest sightings\nWrite every sighting in the Pest Sighting Log.\n\nDid you find it helpful? Yes No\n\nSend feedback\nSorry we couldn't be helpful. Help us improve this article.\n\n"
                        + "Related Articles\nReserving the gym\nReporting a broken Chromebook\n\nhttps://help.example.org/support/solutions/articles/48001236619-work-orders\t2/2\n", "work-orders.txt");

        Assert.Equal("Submitting work orders", doc.Title);
        Assert.Equal(["About these guidelines", "How to submit a work order", "Pest sightings"], Headings(doc));
        Assert.Equal("Write every sighting in the Pest Sighting Log.", doc.Sections[2].Text);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("https://", StringComparison.Ordinal) || p.Text.Contains("10:02 AM", StringComparison.Ordinal)
                                                                              || p.Text.Contains("Search", StringComparison.Ordinal) || p.Text.Contains("Reserving the gym", StringComparison.Ordinal));
    }

    [Fact]
    public void A_messaging_apps_announcement_log_reads_a_section_per_posts_subject_with_its_replies()
    {
        var doc = Parse("ParentSquare - Message History Export\nGroup: Maplewood Elementary - All Staff\n\n"
                        + "📌 Pinned by Mrs. Lopez\n[Mon 12/2 7:52 AM] Mrs. Lopez (Principal):\n❄️ How weather calls are made ❄️\nThe Superintendent makes the call by 5:15 AM.\n"
                        + "Sent to 214 people · Read by 198\n   ↳ [Mon 12/2 8:10 AM] Coach Brennan (PE): does the robocall go to our cell?\n"
                        + "   ↳ [Mon 12/2 8:14 AM] Mrs. Lopez (Principal): Whatever is listed as primary phone in Frontline.\n\n"
                        + "[Fri 12/6 2:31 PM] Ms. Nguyen (Front Office):\nWhoever left the blue Yeti in the lounge, it is at the front desk.\nSent to 214 people · Read by 150\n\n"
                        + "[Tue 1/21 6:15 AM] Mr. Okafor (Assistant Principal):\n🚗 If you can't get in safely\nYour safety comes first. Enter an absence in Frontline.\n"
                        + "Running late because of the roads? Come in when it is safe.\n       🌐 Translated from Spanish · See original\n", "weather.txt");

        Assert.Equal(["About these guidelines", "How weather calls are made", "If you can't get in safely"], Headings(doc));
        Assert.Contains("Whatever is listed as primary phone in Frontline.", doc.Sections[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Your safety comes first.", doc.Sections[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Sent to", StringComparison.Ordinal) || p.Text.Contains("↳", StringComparison.Ordinal)
                                                                              || p.Text.Contains("(Principal)", StringComparison.Ordinal) || p.Text.Contains("Pinned", StringComparison.Ordinal)
                                                                              || p.Text.Contains("Translated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_drafts_review_comment_pasted_into_the_text_goes_with_the_listed_ones()
    {
        var doc = Parse("Injury Reporting\n\n1. REPORTING\n\nComplete Form RM-101 within 24 hours[JS3] of the injury.\n\n2. EXPOSURE\n\nGet a medical evaluation within 2 hours[JS10].\n\n"
                        + "[JS10]Jane Smith: Nurse says within 2 hours and no later than 72 hours – add the 72?\n\n3. VEHICLES\n\nReport within 24 hours.[AL9]\n\n"
                        + "________________________________________\n[JS3]Jane Smith: should this be 24 hours?\n[AL9]Angela Lee: add the glove box kit?\n", "injury.txt");

        Assert.Equal("Get a medical evaluation within 2 hours.", doc.Sections.Single(s => s.Heading == "EXPOSURE").Text);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Jane Smith", StringComparison.Ordinal) || p.Text.Contains('[', StringComparison.Ordinal));

        // Without a list of comments at the end, a bracketed code stays.
        var codes = Parse("Rooms\n\nROOM CODES\n\nThe lab is [LB1] and the gym [GY2].\n\n[LB1]Lab Building: open 7-4.\n\nMore text follows here.\n", "rooms.txt");
        Assert.Contains(codes.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("[LB1]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_boards_cards_keep_their_checklists_and_comments_under_the_card()
    {
        var doc = Parse("# Hall Passes\n\n## Current Procedures\n\n### One student out at a time\n\nOnly one student may be out at a time.\n\n#### Checklist\n- [x] Backup pass in every room\n\n"
                        + "#### Comments\n**Tom Miller** – 22 Aug 2025: Rooms 118 and 204 still need passes.\n\n---\n\n### Restroom during class\n\nRestroom passes have a 6-minute limit.\n\n"
                        + "#### Checklist\n- [x] Set the timer to 6 min\n\n#### Comments\n**Keisha Grant** – 28 Aug 2025: The single-stall restroom is room 109.\n", "passes.md");

        Assert.Equal(["One student out at a time", "Restroom during class"], Headings(doc));
        Assert.Contains("The single-stall restroom is room 109.", doc.Sections[1].Text, StringComparison.Ordinal);

        // One "Comments" heading in an ordinary page is a section.
        var page = Parse("# Field Trips\n\n## Ratios\n\nOne adult per ten students.\n\n### Comments\n\nSend comments on this draft to the office.\n", "trips.md");
        Assert.Contains("Comments", Headings(page));
    }

    [Fact]
    public void A_notebooks_style_sheets_and_cell_prompts_are_no_text()
    {
        var doc = Parse("# Gradebook Exports\n\n## Exporting\n\nExport the scoresheet as CSV.\n\nIn [1]:\n\n```python\ngb = pd.read_csv(\"export.csv\")\n```\n\n"
                        + "<div>\n<style scoped>\n    .dataframe tbody tr th {\n        vertical-align: top;\n    }\n\n    .dataframe thead th {\n        text-align: right;\n    }\n</style>\n"
                        + "<table class=\"dataframe\">\n<thead><tr><th>student_id</th><th>score</th></tr></thead>\n<tbody><tr><td>0041187</td><td>41.0</td></tr></tbody>\n</table>\n</div>\n\n"
                        + "## Category weights\n\nSummative 60%, Formative 30%, Practice 10%.\n\nIn [2]:\n\n```python\nweights = {}\n```\n", "gradebook.md");

        var passages = doc.Sections.SelectMany(s => s.Passages).Select(p => p.Text).ToList();
        Assert.DoesNotContain(passages, p => p.Contains("dataframe", StringComparison.Ordinal) || p.Contains("vertical-align", StringComparison.Ordinal) || p.Contains("In [", StringComparison.Ordinal));
        Assert.Contains("student_id: 0041187 — score: 41.0", passages);
    }

    [Fact]
    public void The_mail_and_table_readers_leave_ordinary_documents_as_they_were()
    {
        // A data table names its columns even with a table inside a cell.
        var travel = Parse("# Staff Travel\n\n## Reimbursement rates\n\n<table>\n<thead><tr><th>Expense</th><th>Rate</th><th>Notes</th></tr></thead>\n"
                           + "<tr><td>Mileage</td><td>$0.67 per mile</td><td>Personal car only</td></tr>\n"
                           + "<tr><td>Meals</td><td><table><tr><th>Meal</th><th>Amount</th></tr><tr><td>Lunch</td><td>$15</td></tr></table></td><td>Itemized receipt</td></tr>\n"
                           + "</table>\n\n## Approval\n\nSubmit the request two weeks ahead.\n", "travel.md");
        Assert.Contains(travel.Sections.SelectMany(s => s.Passages), p => p.Text == "Expense: Mileage — Rate: $0.67 per mile — Notes: Personal car only");

        // An FAQ's answer that mentions the unsubscribe link or viewing online is an answer.
        var faq = Parse("# ParentSquare FAQ\n\n<table>\n<tr><td><b>How do I stop getting texts?</b></td></tr>\n"
                        + "<tr><td>Open My Account, then Notifications, and turn off SMS. You can also click the <a href=\"https://x.example/u\">unsubscribe</a> link at the bottom of any e-mail, but you will still get emergency alerts.</td></tr>\n"
                        + "<tr><td><b>Can I see old posts?</b></td></tr>\n<tr><td>Yes. Posts stay in the app for the whole school year, and you can view online at parentsquare.com.</td></tr>\n</table>\n", "faq.md");
        var answers = string.Join(' ', faq.Sections.SelectMany(s => s.Passages).Select(p => p.Text));
        Assert.Contains("turn off SMS", answers, StringComparison.Ordinal);
        Assert.Contains("view online at parentsquare.com", answers, StringComparison.Ordinal);

        // Guidance that starts "CAUTION:" or "NOTICE:" is no mail system's notice; a banner's text ends where the mail begins.
        var lab = Parse("Science Lab Safety Rules\n\nPhishing awareness\n\nCAUTION: Do not click links in e-mails that ask for your district password.\nForward the message to phish@district.org and delete it.\n\n"
                        + "Records\n\nNOTICE: Transcripts are released only to the intended recipient named on the signed request form.\nRequests take five business days.\n\n"
                        + "Bus changes\n\nCAUTION: This email originated from outside of the organization. Do not click links unless you recognize the sender.\nGood morning,\nBuses will no longer wait at stops.\n", "lab.txt");
        var labText = string.Join(' ', lab.Sections.SelectMany(s => s.Passages).Select(p => p.Text));
        Assert.Contains("Do not click links in e-mails that ask for your district password", labText, StringComparison.Ordinal);
        Assert.Contains("released only to the intended recipient", labText, StringComparison.Ordinal);
        Assert.Contains("Buses will no longer wait at stops.", labText, StringComparison.Ordinal);
        Assert.DoesNotContain("originated from outside", labText, StringComparison.Ordinal);

        // A stamped log that is no messaging app's keeps its stamps; "Login" may head a section; a letter's "wrote:" is its text.
        var log = Parse("Boiler Room Incident Log\n\n[Mon 1/13 5:21 AM] Night custodian (J. Ruiz):\nLow water alarm on boiler 2\nReset at the panel.\n\n"
                        + "[Mon 1/13 6:40 AM] Head custodian (M. Briggs):\nChecked boiler 2\nCalled Midwest Boiler.\n\n[Mon 1/13 11:15 AM] Midwest Boiler (tech):\nReplaced low water cutoff\nBoiler 2 cleared.\n", "log.txt");
        Assert.Contains(log.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("[Mon 1/13 11:15 AM]", StringComparison.Ordinal));
        var login = Parse("Chromebooks\n\nLogin\n\nStudents log in with their district e-mail and PIN.\n\nForgotten passwords\n\nStaff call the help desk.\n", "login.txt");
        Assert.Contains(login.Sections.SelectMany(s => s.Passages.Select(p => p.Text).Append(s.Heading)), t => t == "Login");
        var letter = Parse("History\n\nOn March 3, 2024 the superintendent wrote:\n> Every school keeps a visitor log.\n> It is checked weekly.\n> Logs are kept a year.\n", "history.txt");
        Assert.Contains(letter.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("the superintendent wrote", StringComparison.Ordinal));

        // A ruled table ends at the blank line under its rows; a tab-separated calendar is no printed page.
        var routes = Parse("Bus Routes\n\nRoute    Driver          Departs\n-----------------------------------\n12       M. Alvarez      7:05 AM\n14       J. Chen         7:12 AM\n\nLate Buses\n\nFamilies get a text from dispatch.\n", "routes.txt");
        Assert.Contains(routes.Sections.SelectMany(s => s.Passages), p => p.Text == "Route: 14 — Driver: J. Chen — Departs: 7:12 AM");
        Assert.Contains(routes.Sections.SelectMany(s => s.Passages.Select(p => p.Text).Append(s.Heading)), t => t == "Late Buses");
        var calendar = Parse("District Calendar Export\n\nDate\tEvent\n9/3/24, 8:00 AM\tFirst day of school\n9/4/24, 6:00 PM\tBack to school night\n9/16/24, 8:00 AM\tKindergarten first day\n", "calendar.txt");
        Assert.Contains(calendar.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Back to school night", StringComparison.Ordinal));
    }

    [Fact]
    public void A_google_classroom_stream_is_a_section_per_post_without_the_pages_furniture()
    {
        var doc = Parse("Skip to main content\nMain menu\nClassroom\nHome\nHW PD 2024-25\nSettings\nHW PD 2024-25\nStream\nClasswork\nHW PD 2024-25\n"
                        + "Northfield Public Schools - All Staff\nUpcoming\nView all\nAnnounce something to your class\n"
                        + "Ms. Rivera\nOct 21\nProgress reports are due Oct 25.\nClass comments\nAdd class comment…\nmore_vert\n"
                        + "Ms. Rivera posted a new material: Retakes\nOct 15\nSummative tests may be retaken once per unit.\nRetake Form\nGoogle Docs\n"
                        + "2 class comments\nJenna Park\nOct 15, 4:02 PM\nDoes this apply to quizzes?\nMs. Rivera\nOct 15, 4:30 PM\nJust summatives.\nAdd class comment…\nmore_vert\n"
                        + "Ms. Rivera posted a question: Incomplete Grades\nOct 9\nAn I grade needs a documented excused absence.\n"
                        + "Question: A student had surgery. What should you enter?\nYour answer\nTurn in\nClass comments\nAdd class comment…\nmore_vert\n"
                        + "Mr. Okafor posted a new assignment: Late Work\nDue Sep 20, 11:59 PM\nSep 9\nUp to 10 percent may be deducted for late work.\nKey dates\nSep 18\nLate Work.pdf\nPDF\n"
                        + "Class comments\nAdd class comment…\nmore_vert\nMs. Rivera\nAug 26\nWelcome to the course.\nClass comments\nAdd class comment…\n", "homework.txt");

        Assert.Equal("HW PD 2024-25", doc.Title);
        Assert.Equal(["About these guidelines", "Announcement, Oct 21", "Retakes", "Incomplete Grades", "Late Work", "Announcement, Aug 26"], Headings(doc));
        Assert.Equal(["Northfield Public Schools - All Staff"], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal("Progress reports are due Oct 25.", doc.Sections[1].Text);
        Assert.Equal(["Summative tests may be retaken once per unit. Retake Form", "Does this apply to quizzes?", "Just summatives."], doc.Sections[2].Passages.Select(p => p.Text));
        Assert.Equal(["An I grade needs a documented excused absence."], doc.Sections[3].Passages.Select(p => p.Text));
        // A line over a date inside a post is its text ("Key dates" over "Sep 18"), not an announcement's name.
        Assert.Contains("Key dates Sep 18", doc.Sections[4].Text, StringComparison.Ordinal);
        Assert.Equal("Welcome to the course.", doc.Sections[5].Text);

        // A guide to Classroom that quotes post lines and names the page's tabs is read as it is.
        const string guide = "Using Google Classroom\n\nStream\n\nThe stream shows posts such as:\nMs. Rivera posted a new material: Late Work\n"
                             + "Mr. Okafor posted a new assignment: Essay\nMs. Lee posted a question: Grades\n\nClass comments\n\nEveryone in the class sees class comments.\n\n"
                             + "Private comments\n\nOnly you and the teacher see private comments.\n";
        Assert.Equal(["About these guidelines", "Class comments", "Private comments"], Headings(Parse(guide, "guide.txt")));
    }

    [Fact]
    public void A_task_list_export_is_a_section_per_task_with_its_notes()
    {
        var doc = Parse("Task ID,Created At,Name,Section/Column,Assignee,Due Date,Notes,Projects\n"
                        + "1001,2025-03-03,Read me,Read me,Dana,,\"This board holds the field day rules for every teacher and aide.\nAsk Dana about \"\"heat days\"\".\",Field Day\n"
                        + "1002,2025-03-03,Water stations,Day of,Luis,2025-05-22,\"Every station has a water cooler filled before the first rotation.\nRefill at 10:00.\",Field Day\n"
                        + "1003,2025-03-03,Fill coolers,Day of,Luis,2025-05-23,,Field Day\n"
                        + "1004,2025-03-04,Heat index,Heat & weather,Marisol,,Above a heat index of 95°F outdoor recess moves inside to the gym.,Field Day\n", "field_day.txt");

        Assert.Equal(["Read me", "Water stations", "Heat index"], Headings(doc));
        Assert.Equal("This board holds the field day rules for every teacher and aide. Ask Dana about \"heat days\". (Section/Column: Read me; Assignee: Dana)", doc.Sections[0].Text);
        // A task without notes is an item of the one above; the tool's ids and dates of creation, and the project named on every row, go.
        Assert.Equal("Fill coolers (Section/Column: Day of; Assignee: Luis; Due Date: 2025-05-23)", doc.Sections[1].Passages[^1].Text);
        Assert.DoesNotContain("1004", doc.Sections[2].Text, StringComparison.Ordinal);
        var cards = Parse("Card ID,Card Name,Card URL,Card Description,Labels,Attachment Count,List Name\n"
                          + "c1,Visitor sign-in,https://trello.com/c/Ab12,All visitors sign in at the front office with photo ID and wear a badge.,Safety,0,Front Office\n"
                          + "c2,Lost and found,https://trello.com/c/Ef56,Lost items go to the bin outside the gym and are donated each quarter.,Operations,2,Front Office\n", "cards.txt");
        Assert.Equal("Lost items go to the bin outside the gym and are donated each quarter. (Labels: Operations)", cards.Sections[1].Text);

        // A roster's notes are a word or two, and a column that groups the rows reads better: neither is a task list.
        var roster = Parse("Name,Email,Role,Notes\nAna Ruiz,ana@example.org,Nurse,Room 12\nRay Chen,ray@example.org,Technology,\nKim Ito,kim@example.org,Counselor,Mornings\n", "roster.txt");
        Assert.Contains(roster.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Nurse", StringComparison.Ordinal));
        var grouped = Parse("Category,Name,Description\nReading,Epic,Digital library of children's books approved for grades K-5 at school and at home.\n"
                            + "Math,Desmos,Graphing calculator and classroom activities approved for grades 6-12 in class.\n", "apps.txt");
        Assert.Equal(["Reading", "Math"], Headings(grouped));
    }

    [Fact]
    public void A_board_policy_copied_from_its_site_is_titled_by_the_policy_and_its_reference_lists_are_sections()
    {
        var doc = Parse("Book  Policy Manual\nSection  4000 Personnel\nTitle  Staff Dress and Grooming\nCode  4119.22\nStatus  Active\nAdopted  June 14, 2016\n\n"
                        + "Staff Dress and Grooming\n\nEmployees dress in a manner that is professional.\n\n(cf. 4030 - Nondiscrimination in Employment)\n\n"
                        + "Policy VALLE VERDE UNIFIED SCHOOL DISTRICT\nadopted: June 14, 2016 Valle Verde, California\nrevised: August 8, 2023\n\n"
                        + "1. Footwear\n\nClosed-toe shoes are required in science labs.\n\n2. Badges\n\nEmployees wear the district badge at all times.\n\n"
                        + "Legal Reference:\nEDUCATION CODE\n35160\tAuthority of governing boards\n\nCross Reference:\n4030\tNondiscrimination in Employment\n\n"
                        + "Policy Reference Disclaimer: These references are not intended to be part of the policy itself.\n", "dress.txt");

        Assert.Equal("Staff Dress and Grooming", doc.Title);
        Assert.Equal(["About these guidelines", "Footwear", "Badges", "LEGAL REFERENCE", "CROSS REFERENCE"], Headings(doc));
        // The header's fields stay as lines of the introduction; the book, the cross-references and the adoption lines go.
        Assert.Equal(["Section: 4000 Personnel", "Code: 4119.22", "Status: Active", "Adopted: June 14, 2016", "Staff Dress and Grooming", "Employees dress in a manner that is professional."],
            doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal("Employees wear the district badge at all times.", doc.Sections[2].Text);
        Assert.DoesNotContain(doc.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Disclaimer", StringComparison.Ordinal) || p.Text.Contains("adopted:", StringComparison.Ordinal));

        // Fields without the site's "Book" line (a course catalogue's "Title  Algebra I" over "Code  MATH 101") stay as they are.
        var catalogue = Parse("Title  Algebra I\nCode  MATH 101\nStatus  Required for graduation\nAdopted  2019\n\nStudents solve linear equations.\n", "catalogue.txt");
        Assert.Equal("Title  Algebra I", catalogue.Title);
        Assert.Contains(catalogue.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("MATH 101", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_clipped_by_markdownload_is_titled_by_its_own_heading_without_the_sites_navigation()
    {
        const string clip = "---\ncreated: 2024-10-03T14:22:51 (UTC -05:00)\ntags: []\nsource: https://sites.example.org/staffhub/pets\nauthor: \n---\n\n"
                            + "# Classroom Pets - Staff Hub\n\n> ## Excerpt\n> Classroom PetsUpdated for 2024-25\n\n---\nSearch this site\n\nSkip to main content\n\n"
                            + "# Staff Hub\n\n-   [Home](https://sites.example.org/staffhub/home)\n-   [HR](https://sites.example.org/staffhub/hr)\n\n"
                            + "# Classroom Pets\n\nUpdated for 2024-25.\n\n## Getting Approval\n\nFill out Form AN-1 ten school days ahead.\n\nEmbedded file\n\n"
                            + "Google Sites\n\nReport abuse\n\nPage details\n\nPage updated \n";
        var doc = Parse(clip, "pets.md");

        Assert.Equal("Classroom Pets", doc.Title);
        Assert.Equal(["About these guidelines", "Getting Approval"], Headings(doc));
        Assert.Equal(["Updated for 2024-25."], doc.Sections[0].Passages.Select(p => p.Text));
        Assert.Equal(["Fill out Form AN-1 ten school days ahead."], doc.Sections[1].Passages.Select(p => p.Text));

        // Without a heading of the page's own, the clip keeps its title (only the excerpt goes); without the front matter's
        // address it is a person's Markdown, whose quote under the title stays.
        var untitled = Parse(clip.Replace("# Classroom Pets\n", "", StringComparison.Ordinal), "pets.md");
        Assert.Equal("Classroom Pets - Staff Hub", untitled.Title);
        Assert.DoesNotContain(untitled.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Excerpt", StringComparison.Ordinal));
        var written = Parse("# Parent Conferences - Fall 2024\n\n> ## Excerpt\n> Conferences run Oct 22 and 23.\n\n## Booking\n\nFamilies book through ParentSquare.\n", "conferences.md");
        Assert.Equal("Parent Conferences - Fall 2024", written.Title);
        Assert.Contains(written.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Conferences run Oct 22", StringComparison.Ordinal));
    }

    [Fact]
    public void A_markdown_faqs_questions_written_as_paragraphs_head_their_answers()
    {
        var doc = Parse("# Classroom Pets\n\n## Getting Approval\n\nFill out Form AN-1 ten school days ahead.\n\n## Common Questions\n\nClick a question to see the answer.\n\n"
                        + "What happens to our class pet over breaks?\n\nAnimals may stay over a weekend if food and water last.\n\n"
                        + "Our class pet died. What should I do?\n\nNever release a classroom animal outdoors.\n\nCall the office first.\n\n## Contacts\n\nHealth Services, ext. 2250.\n", "pets.md");

        Assert.Equal(["Getting Approval", "Common Questions", "What happens to our class pet over breaks?", "Our class pet died. What should I do?", "Contacts"], Headings(doc));
        Assert.Equal(["Never release a classroom animal outdoors.", "Call the office first."], doc.Sections[3].Passages.Select(p => p.Text));

        // A question in an ordinary section, or a single one under a FAQ heading, is text.
        var plain = Parse("# Pets\n\n## Care\n\nWho feeds the pet on weekends?\n\nThe teacher arranges it.\n\n## FAQ\n\nCan fish stay over breaks?\n\nYes, with an automatic feeder.\n", "care.md");
        Assert.Equal(["Care", "FAQ"], Headings(plain));
    }

    [Fact]
    public void An_email_threads_earlier_messages_head_sections_by_sender_and_day_without_greetings_or_signatures()
    {
        var doc = Parse("From:\tWhitfield, Dana <dw@example.org>\nSent:\tTuesday, October 7, 2025 3:42 PM\nTo:\tAll Staff\nSubject:\tRE: Fall conferences\n\n"
                        + "Hi all,\n\nNO-SHOWS\nWait 5 minutes past the start of the slot, then move on.\n\nThanks!\nDana\n\n"
                        + "Dana Whitfield\nAssistant Principal\nMaple Ridge Elementary\nOffice: (503) 555-0142, ext. 2104\n\"Every student, every day.\"\n\n"
                        + "-----Original Message-----\nFrom: Lee, Marcus <ml@example.org>\nSent: Tuesday, October 7, 2025 11:05 AM\nTo: Whitfield, Dana\nSubject: RE: Fall conferences\n\n"
                        + "Hi Dana,\n\nWhat do we do if a family doesn't show? Last year I waited 25 minutes.\nCan we do a phone conference instead?\n\nThanks!\nMarcus\n\n"
                        + "Marcus Lee\n4th Grade | Room 112\nml@example.org\n\n________________________________\n"
                        + "From: Okafor, James <jo@example.org>\nSent: Monday, October 6, 2025 2:18 PM\nTo: All Staff\nSubject: RE: Fall conferences\n\n"
                        + "Dana and Lisa,\n\nInterpreters must be booked with Language Services by Friday, Oct 10. Any questions? Call the front office.\n\n"
                        + "James Okafor, Ed.D.\nPrincipal\n(503) 555-0100\n\n"
                        + "On Thu, Oct 2, 2025 at 4:10 PM Dana Whitfield <dw@example.org>\nwrote:\n\n"
                        + "> Hello team,\n>\n> This email is the official guidance for conferences.\n>\n"
                        + "> SIGN-UP WINDOW\n> Publish your slots by Friday, Oct 3.\n>\n> CONFERENCE LENGTH\n> Slots are 20 minutes.\n>\n> Dana\n", "conferences.txt");

        Assert.Equal("Fall conferences", doc.Title);
        // Each earlier message heads its own text, so that it is not the text of the last topic above it; a message that
        // only asks (its questions answered above) goes.
        Assert.Equal(["About these guidelines", "NO-SHOWS", "From James Okafor, October 6, 2025", "From Dana Whitfield, Oct 2, 2025", "SIGN-UP WINDOW", "CONFERENCE LENGTH"], Headings(doc));
        Assert.Equal("Wait 5 minutes past the start of the slot, then move on.", doc.Sections[1].Text);
        Assert.Equal("Interpreters must be booked with Language Services by Friday, Oct 10. Any questions? Call the front office.", doc.Sections[2].Text);
        Assert.Equal("This email is the official guidance for conferences.", doc.Sections[3].Text);
        Assert.Equal("Slots are 20 minutes.", doc.Sections[5].Text);
        var passages = doc.Sections.SelectMany(s => s.Passages).Select(p => p.Text).ToArray();
        Assert.DoesNotContain(passages, p => p.Contains("Hi all", StringComparison.Ordinal) || p.Contains("Thanks", StringComparison.Ordinal) || p.Contains("555-", StringComparison.Ordinal)
                                             || p.Contains("doesn't show", StringComparison.Ordinal) || p.Contains("Lisa", StringComparison.Ordinal) || p == "Dana");

        // Outside e-mail, a contact block, a greeting and a sign-off are the document's text.
        var contacts = Parse("Attendance Guidelines\n\nDear colleagues,\n\nTake attendance by 9:00 AM.\n\nQuestions\n\nDana Whitfield\nAttendance Clerk\n(503) 555-0142\n\nThanks,\nDana\n", "attendance.txt");
        var contactText = string.Join(' ', contacts.Sections.SelectMany(s => s.Passages).Select(p => p.Text));
        Assert.Contains("Dear colleagues,", contactText, StringComparison.Ordinal);
        Assert.Contains("(503) 555-0142", contactText, StringComparison.Ordinal);
        Assert.Contains("Thanks, Dana", contactText, StringComparison.Ordinal);

        // A reply that asks one question among its guidance is kept; a message's own heading words stay under its heading.
        var reply = Parse("From: Reyes, Ana <ar@example.org>\nSent: Friday, May 2, 2025 9:00 AM\nTo: Staff\nSubject: Field day\n\nField day is May 20.\n\n"
                          + "From: Cole, Janet <jc@example.org>\nSent: Thursday, May 1, 2025 4:00 PM\nTo: Staff\nSubject: Field day\n\n"
                          + "Can parents volunteer? Yes, with a cleared background check. Sign up in the office by May 9.\n", "fieldday.txt");
        Assert.Equal(["About these guidelines", "From Janet Cole, May 1, 2025"], Headings(reply));
        Assert.Equal("Can parents volunteer? Yes, with a cleared background check. Sign up in the office by May 9.", reply.Sections[1].Text);
    }

    [Fact]
    public void A_forwarded_or_quoted_message_is_headed_by_its_sender_but_a_guide_that_shows_a_sample_message_is_not_a_thread()
    {
        // Thunderbird's header atop the file and its forward ("Date:" for "Sent:"), a "-- " signature, a message quoted in a
        // quoted one, and senders written with degrees, for someone or through a list.
        var thunderbird = Parse("Subject: \tFwd: Device procedures\nFrom: \tGail Ortega <go@example.org>\nDate: \t9/4/25, 7:52 AM\nTo: \tAll Staff <staff@example.org>\n\n"
                                + "Forwarding this so it's in one place.\n\nThanks,\nGail\n\n-- \nGail Ortega\nPrincipal, Hollis Creek Middle School\n503-555-0150\n\n"
                                + "-------- Forwarded Message --------\nSubject: \tDevice procedures\nDate: \tTue, 2 Sep 2025 09:30:05 -0700\nFrom: \tMaple Office on behalf of Chen, Lisa, Ed.D. <lc@example.org>\nTo: \tAll Staff\n\n"
                                + "Laptops go home every night, charged.\n\nOn Mon, Sep 1, 2025 at 8:00 AM Marcus Lee via Staff List <ml@example.org> wrote:\n"
                                + "> Printing is released with your badge.\n> Jobs are deleted after a day.\n>\n> On Fri, Aug 29, 2025 at 3:00 PM Ana Reyes <ar@example.org> wrote:\n"
                                + "> > Passwords are at least 14 characters.\n> > They change every 180 days.\n> > Never share them.\n", "devices.txt");
        Assert.Equal(["About these guidelines", "From Lisa Chen, 2 Sep 2025", "From Marcus Lee, Sep 1, 2025", "From Ana Reyes, Aug 29, 2025"], Headings(thunderbird));
        Assert.Equal("Laptops go home every night, charged.", thunderbird.Sections[1].Text);
        Assert.Equal("Printing is released with your badge. Jobs are deleted after a day.", thunderbird.Sections[2].Text);
        Assert.Equal("Passwords are at least 14 characters. They change every 180 days. Never share them.", thunderbird.Sections[3].Text);
        Assert.DoesNotContain(thunderbird.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("555", StringComparison.Ordinal) || p.Text.StartsWith("Thanks", StringComparison.Ordinal) || p.Text == "Gail");

        // Within a message, a list of contacts and a heading that starts like a closing ("Best Practices") stay; so does a
        // thread's oldest message that asks and answers, and a reply written under the quote it answers.
        var contacts = Parse("From: Whitfield, Dana <dw@example.org>\nSent: Monday, August 18, 2025 7:00 AM\nTo: All Staff\nSubject: Emergency contacts\n\n"
                             + "Hi all,\n\nBest Practices\n\nCall 911 first, then the office.\n\nKEY CONTACTS\n\nRuth Olsen\nSchool Nurse\n555-201-4410\n\n"
                             + "Marcus Lee\nCustodian\n555-201-4420\n\nThanks!\nDana\n\nFrom: Okafor, James <jo@example.org>\nSent: Friday, August 15, 2025 2:00 PM\n"
                             + "To: Principals\nSubject: Attendance\n\nDid you know? Two days a month is 10% of the year. Why does it matter? Students fall behind. Call home after the second absence.\n", "contacts.txt");
        Assert.Equal(["About these guidelines", "KEY CONTACTS", "From James Okafor, August 15, 2025"], Headings(contacts));
        Assert.Equal(["Best Practices", "Call 911 first, then the office."], contacts.Sections[0].Passages.Skip(3).Select(p => p.Text));
        Assert.Equal(["Ruth Olsen School Nurse 555-201-4410", "Marcus Lee Custodian 555-201-4420"], contacts.Sections[1].Passages.Select(p => p.Text));
        Assert.Contains("Call home after the second absence.", contacts.Sections[2].Text, StringComparison.Ordinal);
        var bottom = Parse("Chromebook carts\n\nOn Mon, Oct 6, 2025 at 9:00 AM Marcus Lee <ml@example.org> wrote:\n> Do we sign carts out on the library calendar?\n> Can we keep one overnight?\n> Thanks!\n\n"
                           + "Use the library calendar. Carts are back by 3:15, so no overnight checkouts.\n", "carts.txt");
        Assert.Contains(bottom.Sections.SelectMany(s => s.Passages), p => p.Text == "Use the library calendar. Carts are back by 3:15, so no overnight checkouts.");

        // A message that answers and then asks keeps its text, its last question included; "Yes," and "Thank you to our
        // volunteers" are its words, not a greeting or a sign-off; a list of contacts that ends a message is no signature.
        var answers = Parse("From: Whitfield, Dana <dw@example.org>\nSent: Thursday, October 9, 2025 8:12 AM\nTo: Staff\nSubject: RE: Early release\n\n"
                            + "Yes,\n\nwalkers wait in the gym until 12:35.\n\nThank you to our Volunteer of the Month\nMaria Lopez\n\nKey Contacts\nFront office ext. 2100\nNurse ext. 2110\n\n"
                            + "From: Brandt, Kelly <kb@example.org>\nSent: Wednesday, October 8, 2025 4:30 PM\nTo: Lee, Marcus\nSubject: RE: Early release\n\n"
                            + "Marcus, buses load at 12:20 and car riders are called at 12:25. Lunch is still served, K-2 at 10:45. Should walkers wait in the gym? Do we need extra duty at the loop?\n\nKelly\n\n"
                            + "From: Lee, Marcus <ml@example.org>\nSent: Wednesday, October 8, 2025 3:41 PM\nTo: Brandt, Kelly\nSubject: Early release\n\nWhat time do the buses load on Friday?\n", "release.txt");
        var answerText = string.Join(' ', answers.Sections.SelectMany(s => s.Passages).Select(p => p.Text));
        Assert.Contains("Yes,", answerText, StringComparison.Ordinal);
        Assert.Contains("Thank you to our Volunteer of the Month Maria Lopez", answerText, StringComparison.Ordinal);
        Assert.Contains("Nurse ext. 2110", answerText, StringComparison.Ordinal);
        Assert.Contains("From Kelly Brandt, October 8, 2025", Headings(answers));
        Assert.Contains("Do we need extra duty at the loop?", answers.Sections.Single(s => s.Heading == "From Kelly Brandt, October 8, 2025").Text, StringComparison.Ordinal);

        // A forward pasted under a short note that greets its readers is a thread too: the note's sign-off and signature go.
        var note = Parse("Hi team,\n\nSee the updated procedure below before Wednesday.\n\nThanks,\nDana\n\nDana Whitfield\nOffice Manager\n(555) 310-2260\n\n"
                         + "From: Webb, Marcus <mw@example.org>\nSent: Monday, August 18, 2025 9:14 AM\nTo: Office Managers\nSubject: RE: Keys and badges\n\n"
                         + "KEYS\n\nKeys are signed out in the office.\n\nBADGES\n\nWear your badge at all times.\n\nFrom: Cole, Janet <jc@example.org>\n"
                         + "Sent: Friday, August 15, 2025 2:00 PM\nTo: Webb, Marcus\nSubject: Keys and badges\n\nLost badges cost $10 to replace, paid at the office.\n", "keys.txt");
        Assert.Equal("From Janet Cole, August 15, 2025", Headings(note)[^1]);
        Assert.DoesNotContain(note.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("310-2260", StringComparison.Ordinal) || p.Text.StartsWith("Thanks", StringComparison.Ordinal));

        // A guide that shows a sample message's header further down is no thread: no heading by sender, no signature gone.
        var guide = Parse("Parent Communication Guidelines\n\nReply within two school days.\n\nSample reply\n\nFrom: Lee, Marcus <ml@example.org>\nSent: Tuesday, September 16, 2025 7:10 AM\n"
                          + "To: Nguyen, Tom\nSubject: Jordan's great week\n\nJordan read every night this week!\n\nQuestions\n\nCarmen Ortiz\nOffice Manager\n555-201-4401\n", "parents.txt");
        Assert.DoesNotContain(Headings(guide), h => h.StartsWith("From ", StringComparison.Ordinal));
        Assert.Contains(guide.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("555-201-4401", StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_forwarded_with_its_lines_quoted_reads_as_the_forward_it_is()
    {
        // Apple Mail's "Begin forwarded message:" over the message quoted with "> " (as a rich forward saves to text): the
        // marks go, so the forward is headed by its sender and day, and its greeting, sign-off and signature go.
        var apple = Parse("Subject: Fwd: Field trip permission slips\nFrom: Dana Whitfield <dw@example.org>\nDate: September 4, 2025 at 7:41:02 AM PDT\n"
                          + "To: Grade 3 Team <g3@example.org>\n\nTeam, see Jen's note below about the zoo trip.\n\nDana\n\nBegin forwarded message:\n\n"
                          + "> From: Jennifer Alvarez <ja@example.org>\n> Subject: Field trip permission slips\n> Date: September 3, 2025 at 3:12:45 PM PDT\n"
                          + "> To: Dana Whitfield <dw@example.org>\n>\n> Hi Dana,\n>\n> A few reminders for the zoo trip:\n>\n"
                          + "> - Every student needs a signed permission slip before the bus leaves.\n> - Slips go to the front office by Friday.\n>\n"
                          + "> Thanks,\n> Jen\n>\n> Jennifer Alvarez\n> Assistant Principal\n> (555) 201-4410\n", "trip.txt");
        Assert.Equal(["About these guidelines", "From Jennifer Alvarez, September 3, 2025"], Headings(apple));
        Assert.Equal(["A few reminders for the zoo trip:", "Every student needs a signed permission slip before the bus leaves.", "Slips go to the front office by Friday."],
                     apple.Sections[1].Passages.Select(p => p.Text));
        Assert.DoesNotContain(apple.Sections.SelectMany(s => s.Passages), p => p.Text.StartsWith('>') || p.Text.Contains(" > ", StringComparison.Ordinal));

        // Outlook's "-----Original Message-----" over a quoted message reads the same way.
        var outlook = Parse("From: Lee, Marcus <ml@example.org>\nSent: Monday, October 6, 2025 9:00 AM\nTo: Staff\nSubject: FW: Bus duty\n\nPlease see below.\n\n"
                            + "-----Original Message-----\n> From: Brandt, Kelly <kb@example.org>\n> Sent: Friday, October 3, 2025 2:00 PM\n> To: Lee, Marcus\n"
                            + "> Subject: Bus duty\n>\n> Bus duty starts at 2:50 at the front loop.\n> Wear a vest and carry a radio.\n", "bus.txt");
        Assert.Equal(["About these guidelines", "From Kelly Brandt, October 3, 2025"], Headings(outlook));
        Assert.Equal("Bus duty starts at 2:50 at the front loop. Wear a vest and carry a radio.", outlook.Sections[1].Text);

        // A guide that quotes a line or two under such a marker keeps its quote as it was.
        var guide = Parse("Forwarding Etiquette\n\nTrim a long thread before you forward it.\n\nBegin forwarded message:\n\n> See you at 3.\n", "etiquette.txt");
        Assert.Contains(guide.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("> See you at 3.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_conversation_printed_from_gmail_heads_each_message_by_its_sender_and_an_inline_answers_quoted_original_too()
    {
        var printed = Parse("9/12/25, 3:47 PM          Maple Ridge Mail - Re: Bus duty\n\nMaple Ridge Mail                    Renee Castillo <rc@example.org>\n\n"
                            + "Re: Bus duty\n3 messages\n\nRenee Castillo <rc@example.org>\nTue, Sep 9, 2025 at 7:41 AM\nTo: MRE Staff <staff@example.org>\n\n"
                            + "Here is our plan for this year.\n\nMorning arrival\nDoors open at 7:50.\n\nJordan Avery <ja@example.org>\nTue, Sep 9, 2025 at 8:15 AM\nTo: Renee Castillo <rc@example.org>\n\n"
                            + "Who do we call if a bus is late? What if nobody is at the stop?\n\nJordan\n[Quoted text hidden]\n\n"
                            + "Darnell Brooks <db@example.org>\nWed, Sep 10, 2025 at 6:58 AM\nTo: Renee Castillo <rc@example.org>\n\nAnswering the questions.\n\nLate buses\nCall dispatch at ext. 4100 after 3:30.\n", "bus.txt");
        Assert.Equal("Bus duty", printed.Title);
        // (Jordan's message only asks: it goes.)
        Assert.Equal(["From Renee Castillo, Sep 9, 2025", "Morning arrival", "From Darnell Brooks, Sep 10, 2025", "Late buses"], Headings(printed));
        Assert.Equal("Here is our plan for this year.", printed.Sections[0].Text);
        Assert.Equal("Answering the questions.", printed.Sections[2].Text);
        Assert.DoesNotContain(printed.Sections.SelectMany(s => s.Passages), p => p.Text.Contains("Quoted text", StringComparison.Ordinal) || p.Text.Contains("messages", StringComparison.Ordinal));

        // Answers written under each quoted question, the asker's quote of the original under its header.
        var inline = Parse("Tech questions\n\n> Can we keep laptops over the summer?\n\nYes, with a summer checkout by May 29.\n\n> What do subs log in with?\n\n"
                           + "The generic sub login in the sub folder.\n\n> Can phones go on the staff wifi?\n\nNo, personal devices use the guest network.\n\n"
                           + "> -------- Original Message --------\n> Subject: Device procedures\n> Date: Tue, 2 Sep 2025 09:30:05 -0700\n> From: Lisa Chen <lc@example.org>\n>\n"
                           + ">> Passwords are at least 14 characters.\n>> Never share your password.\n", "tech.txt");
        Assert.Equal("From Lisa Chen, 2 Sep 2025", Headings(inline)[^1]);
        Assert.Equal("Passwords are at least 14 characters. Never share your password.", inline.Sections[^1].Text);
    }
}
