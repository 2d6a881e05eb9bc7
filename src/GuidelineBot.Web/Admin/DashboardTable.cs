namespace GuidelineBot.Web.Admin;

/// <summary>
/// One table of the dashboard, as shown and as exported (<c>/admin/export/{Name}.csv</c>): the same columns and rows.
/// </summary>
/// <param name="Name">The table's slug in its export URL and file name.</param>
/// <param name="Empty">What the page says instead of an empty table.</param>
public sealed record DashboardTable(string Name, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string Empty);
