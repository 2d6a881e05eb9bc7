using System.CommandLine;

namespace GuidelineBot.Cli;

/// <summary>
/// An option naming a file a command writes (<c>--csv</c>, <c>--features</c>, <c>--output</c>): an empty name, "-", a
/// folder or a file on the way to it is a parse error that names the option, before the command runs (writing it said
/// "Access to the path … is denied." or "Is a directory" after the work was done). A missing folder is created when
/// the file is written.
/// </summary>
internal static class OutputFileOption
{
    /// <param name="option">The option; its name is the one the messages give.</param>
    /// <param name="example">A file name for the messages' examples, e.g. <c>report.csv</c>.</param>
    /// <param name="dashNote">Said after the example when the name is "-" (where the command's own output goes).</param>
    public static TOption WithChecks<TOption>(this TOption option, string example, string? dashNote = null)
        where TOption : Option
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens is not [{ Value: var name }])
            {
                return;
            }

            var eg = $"e.g. {option.Name} {example}";
            if (string.IsNullOrWhiteSpace(name))
            {
                // (An empty name is no file: reading it as one would throw.)
                result.AddError($"{option.Name} needs a file name, {eg}");
            }
            else if (name == "-")
            {
                // (It wrote a file named "-".)
                result.AddError($"{option.Name} needs a file name, {eg}{(dashNote is null ? "" : $" ({dashNote})")}");
            }
            else if (new FileInfo(name) is var file && Directory.Exists(file.FullName))
            {
                result.AddError($"{option.Name} needs a file name, and {file.FullName} is a folder (e.g. {option.Name} {Path.Combine(file.FullName, example)})");
            }
            else if (name.EndsWith('/') || name.EndsWith(Path.DirectorySeparatorChar))
            {
                // (A folder not there yet: it was created, then writing failed with "Could not find a part of the path".)
                result.AddError($"{option.Name} needs a file name, and {name} names a folder (e.g. {option.Name} {Path.Combine(name, example)})");
            }
            else if (FileAbove(file) is { } blocker)
            {
                // (Writing it said "The file '/etc/passwd' already exists." after the work had run.)
                result.AddError($"{option.Name} cannot be written to {file.FullName}: {blocker} is a file, not a folder");
            }
        });
        return option;
    }

    /// <summary>Creates the folder <paramref name="path"/> goes in when it is missing.</summary>
    public static void CreateFolderOf(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>The nearest folder on the way to <paramref name="file"/> that is a file instead, or null.</summary>
    private static string? FileAbove(FileInfo file)
    {
        for (var folder = file.Directory; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(folder.FullName))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
