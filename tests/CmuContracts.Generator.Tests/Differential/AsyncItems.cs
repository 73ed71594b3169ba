using System.Reflection;

namespace CmuContracts.Generator.Tests.Differential;

/// <summary>
/// An <c>IAsyncEnumerable&lt;T&gt;</c> result, enumerated by reflection (its T differs between the two assemblies) into
/// the canonical text of its items; enumerating is what sends a streaming call's request.
/// </summary>
internal static class AsyncItems
{
    /// <summary>The enumeration's text, or null when <paramref name="value"/> is not an async sequence.</summary>
    public static Task<string>? Of(object? value)
    {
        var sequence = value?.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
        return sequence is null ? null : EnumerateAsync(value!, sequence);
    }

    private static async Task<string> EnumerateAsync(object sequence, Type type)
    {
        var enumerator = type.GetMethod("GetAsyncEnumerator")!.Invoke(sequence, new object[] { CancellationToken.None })!;
        var enumeratorType = enumerator.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerator<>));
        var moveNext = enumeratorType.GetMethod("MoveNextAsync")!;
        var current = enumeratorType.GetProperty("Current")!;
        var items = new List<string>();
        try
        {
            while (await Unwrap(() => (ValueTask<bool>)moveNext.Invoke(enumerator, null)!).ConfigureAwait(false))
            {
                items.Add(await OutcomeText.OfValueAsync(current.GetValue(enumerator)).ConfigureAwait(false));
            }
        }
        finally
        {
            await ((IAsyncDisposable)enumerator).DisposeAsync().ConfigureAwait(false);
        }

        return "items [" + string.Join(", ", items) + "]";
    }

    private static ValueTask<bool> Unwrap(Func<ValueTask<bool>> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
