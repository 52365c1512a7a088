using System.CommandLine;
using Pipeline.Cli;
using Pipeline.Cli.Commands;

try
{
    // Commands turn the failures they expect into their own messages; anything else is still one line, not a stack trace.
    return await LcbCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception error)
{
    return ErrorLine.Report(error, Console.Error);
}
