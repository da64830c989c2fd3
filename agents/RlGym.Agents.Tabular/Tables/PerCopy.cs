namespace RlGym.Agents.Tabular;

/// <summary>
/// What an agent carries from one step of an episode to the next (a promised action, an n-step window, the episode
/// so far), one per environment copy: indexed by the transition's <c>Copy</c> and made when a copy first shows up,
/// so with K = 1 there is exactly one.
/// </summary>
public sealed class PerCopy<T>
{
    private readonly Func<T> _create;
    private readonly List<T> _items = [];

    /// <summary>Creates the store; <paramref name="create"/> makes a copy's value the first time it is asked for.</summary>
    public PerCopy(Func<T> create) => _create = create;

    /// <summary>Copies seen so far.</summary>
    public int Count => _items.Count;

    /// <summary>The value of <paramref name="copy"/>.</summary>
    public T this[int copy]
    {
        get
        {
            Grow(copy);
            return _items[copy];
        }
        set
        {
            Grow(copy);
            _items[copy] = value;
        }
    }

    /// <summary>Forgets every copy (a loaded agent then reads its copies back).</summary>
    public void Clear() => _items.Clear();

    private void Grow(int copy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(copy);
        while (_items.Count <= copy) _items.Add(_create());
    }
}
