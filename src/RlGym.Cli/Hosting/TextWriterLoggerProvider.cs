using Microsoft.Extensions.Logging;

namespace RlGym.Cli.Hosting;

/// <summary>
/// Writes log lines synchronously to a text writer (stderr), so stdout stays clean for JSON and the lines are
/// not lost when the process exits (the stock console logger writes from a background queue).
/// </summary>
public sealed class TextWriterLoggerProvider(TextWriter writer, bool withTimestamps) : ILoggerProvider
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(this);

    /// <inheritdoc />
    public void Dispose() { }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        string tag = level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
        lock (_gate)
        {
            if (withTimestamps) writer.Write(DateTime.Now.ToString("HH:mm:ss "));
            writer.Write(tag);
            writer.Write(": ");
            writer.WriteLine(message);
            if (exception is not null) writer.WriteLine(exception);
            writer.Flush();
        }
    }

    private sealed class TextWriterLogger(TextWriterLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            provider.Write(logLevel, formatter(state, exception), exception);
        }
    }
}
