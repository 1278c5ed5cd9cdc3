using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContactOps.Tests.Infrastructure;

/// <summary>Collects every error the server logs into the queue <paramref name="sink"/> names at that moment.</summary>
internal sealed class ErrorLog(Func<ConcurrentQueue<string>> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, Func<ConcurrentQueue<string>> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                sink().Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
