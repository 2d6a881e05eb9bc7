using System.Text;
using GuidelineBot.Slack;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlackFormTests
{
    private static SlackForm Form(string body) =>
        SlackForm.Parse(Request("application/x-www-form-urlencoded"), Encoding.UTF8.GetBytes(body)) ?? throw new InvalidOperationException("not a form");

    private static HttpRequest Request(string contentType) => new DefaultHttpContext { Request = { ContentType = contentType } }.Request;

    [Fact]
    public void Values_are_decoded_and_names_compared_ignoring_case()
    {
        var form = Form("token=x&Command=%2Fguidelines&text=can+I+friend+parents%3F+%E2%80%94+caf%C3%A9&user_id=U1");

        Assert.Equal("/guidelines", form.Get("command"));
        Assert.Equal("can I friend parents? — café", form.Get("text"));
        Assert.Equal("U1", form.Get("USER_ID"));
    }

    [Fact]
    public void A_missing_or_empty_field_is_null_and_a_repeated_one_keeps_every_value()
    {
        var form = Form("text=&user_id=U1&user_id=U2&flag");

        Assert.Null(form.Get("text"));
        Assert.Null(form.Get("flag"));
        Assert.Null(form.Get("channel_id"));
        Assert.Equal("U1,U2", form.Get("user_id"));
    }

    [Fact]
    public void Escaped_names_match_and_a_malformed_escape_stays_as_written()
    {
        var form = Form("response%5Furl=https%3A%2F%2Fhooks.slack.com%2Fx&text=100%25+sure+%ZZ");

        Assert.Equal("https://hooks.slack.com/x", form.Get("response_url"));
        Assert.Equal("100% sure %ZZ", form.Get("text"));
    }

    [Fact]
    public void A_body_that_is_not_a_form_is_null()
    {
        Assert.Null(SlackForm.Parse(Request("application/json"), Encoding.UTF8.GetBytes("""{"text":"hi"}""")));
        Assert.Null(Form("").Get("text"));
    }
}
