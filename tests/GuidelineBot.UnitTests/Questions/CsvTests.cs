using GuidelineBot.Core.Reports;

namespace GuidelineBot.UnitTests.Questions;

public sealed class CsvTests
{
    [Fact]
    public void Quotes_commas_quotes_and_line_breaks_and_ends_rows_with_crlf()
    {
        var csv = Csv.Write(["a", "b"], [["x,y", "say \"hi\""], ["two\nlines", null]]);

        Assert.Equal("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\r\n", csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.invalid\")", "\"'=HYPERLINK(\"\"http://x.invalid\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("plain", "plain")]
    public void Cells_a_spreadsheet_would_run_as_a_formula_are_escaped(string cell, string written) =>
        Assert.Equal($"h\r\n{written}\r\n", Csv.Write(["h"], [[cell]]));

    [Fact]
    public void Bytes_start_with_the_utf8_byte_order_mark()
    {
        var bytes = Csv.WriteBytes(["é"], []);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("é\r\n", System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }
}
