using System.Reflection;
using RlGym.Core.Errors;

namespace RlGym.Core.MultiAgent;

/// <summary>Game player names (kebab-case, e.g. <c>minimax</c>, <c>mcts</c>, <c>alphazero</c>) and their factories.</summary>
public sealed class GamePlayerRegistry
{
    private readonly Dictionary<string, IGamePlayerFactory> _factories = new(StringComparer.Ordinal);

    /// <summary>Registered factories.</summary>
    public IReadOnlyCollection<IGamePlayerFactory> Factories => _factories.Values;

    /// <summary>Adds a factory; a name registered twice is an error.</summary>
    public void Register(IGamePlayerFactory factory)
    {
        if (!_factories.TryAdd(factory.Info.Name, factory))
            throw new ArgumentException($"Game player '{factory.Info.Name}' is already registered.", nameof(factory));
    }

    /// <summary>Registers every player of a package.</summary>
    public GamePlayerRegistry Add(IGamePlayerPackage package)
    {
        package.Register(this);
        return this;
    }

    /// <summary>Registers the player packages found in an assembly file.</summary>
    public int LoadPlugin(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"plugin '{path}' does not exist");
        var asm = Assembly.LoadFrom(Path.GetFullPath(path));
        int n = 0;
        foreach (var t in asm.GetExportedTypes())
        {
            if (t.IsAbstract || !typeof(IGamePlayerPackage).IsAssignableFrom(t) || t.GetConstructor(Type.EmptyTypes) is null) continue;
            Add((IGamePlayerPackage)Activator.CreateInstance(t)!);
            n++;
        }
        return n;
    }

    /// <summary>True when <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => _factories.ContainsKey(name);

    /// <summary>The factory of <paramref name="name"/>; an unknown name lists the known ones.</summary>
    public IGamePlayerFactory Get(string name) =>
        _factories.TryGetValue(name, out var f)
            ? f
            : throw new UserInputException($"unknown player '{name}'; allowed: {string.Join(", ", _factories.Keys.Order())}, or a run directory");
}
