using System.Reflection;
using RlGym.Core.Errors;

namespace RlGym.Core.Agents;

/// <summary>Agent names (kebab-case, e.g. <c>q-learning</c>, <c>a2c</c>) and their factories.</summary>
public sealed class AgentRegistry
{
    private readonly Dictionary<string, IAgentFactory> _factories = new(StringComparer.Ordinal);

    /// <summary>Registered factories.</summary>
    public IReadOnlyCollection<IAgentFactory> Factories => _factories.Values;

    /// <summary>Adds a factory; a name registered twice is an error.</summary>
    public void Register(IAgentFactory factory)
    {
        if (!_factories.TryAdd(factory.Info.Name, factory))
            throw new ArgumentException($"Agent '{factory.Info.Name}' is already registered.", nameof(factory));
    }

    /// <summary>Registers every agent of a package.</summary>
    public AgentRegistry Add(IAgentPackage package)
    {
        package.Register(this);
        return this;
    }

    /// <summary>Registers the agent packages found in an assembly file.</summary>
    public int LoadPlugin(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"plugin '{path}' does not exist");
        var asm = Assembly.LoadFrom(Path.GetFullPath(path));
        int n = 0;
        foreach (var t in asm.GetExportedTypes())
        {
            if (t.IsAbstract || !typeof(IAgentPackage).IsAssignableFrom(t) || t.GetConstructor(Type.EmptyTypes) is null) continue;
            Add((IAgentPackage)Activator.CreateInstance(t)!);
            n++;
        }
        return n;
    }

    /// <summary>The factory of <paramref name="name"/>; an unknown name lists the known ones.</summary>
    public IAgentFactory Get(string name) =>
        _factories.TryGetValue(name, out var f)
            ? f
            : throw new UserInputException($"unknown agent '{name}'; allowed: {string.Join(", ", _factories.Keys.Order())}");
}
