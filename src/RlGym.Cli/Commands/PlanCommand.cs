using System.CommandLine;
using System.Globalization;
using RlGym.Cli.Hosting;
using RlGym.Agents.Tabular.Planning;
using RlGym.Cli.Output;
using RlGym.Core.Errors;
using RlGym.Core.Tabular;
using Spectre.Console;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym plan ID</c>: optimal state values and the greedy policy of a tabular environment, by value or policy
/// iteration on the environment's model. A grid-world is drawn as its grid with values and arrows; other tabular
/// environments (Taxi) print a table of values and action numbers. <c>--json</c> prints
/// <c>{"values":[...],"policy":[...]}</c>.
/// </summary>
public sealed class PlanCommand : Command
{
    private readonly Argument<string> _id = CommonOptions.EnvId();
    private readonly Option<double> _gamma = new("--gamma") { Description = "Discount factor in (0, 1]", DefaultValueFactory = _ => 0.99 };
    private readonly Option<string> _method = new("--method")
    {
        Description = "Planner",
        DefaultValueFactory = _ => "value-iteration",
    };
    private readonly Option<string[]> _options = CommonOptions.EnvOptions();
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>Creates the command.</summary>
    public PlanCommand(CliSession session) : base("plan", "Optimal values and greedy policy of a tabular environment")
    {
        Arguments.Add(_id);
        Options.Add(_gamma);
        Options.Add(_method);
        Options.Add(_options);
        Options.Add(_json);
        _method.AcceptOnlyFromAmong("value-iteration", "policy-iteration");
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        string id = parse.GetValue(_id)!;
        double gamma = parse.GetValue(_gamma);
        if (!(gamma > 0 && gamma <= 1)) throw new UserInputException($"--gamma {gamma.ToString(CultureInfo.InvariantCulture)} is out of range; allowed: above 0 up to 1");
        bool policyIteration = parse.GetValue(_method) == "policy-iteration";

        using var env = session.Envs.Make(id, CommonOptions.ParseEnvOptions(parse.GetValue(_options)));
        if (env.Unwrapped is not ITabularModel model)
            throw new UserInputException($"{id} is not a tabular environment (it has no transition model); plan works on: {string.Join(", ", TabularIds(session))}");
        // The grid view reports the current state; a reset puts the environment in a defined one.
        env.ResetBoxed(0);
        ct.ThrowIfCancellationRequested();
        var plan = policyIteration ? PolicyIteration.Solve(model, gamma) : ValueIteration.Solve(model, gamma);

        if (parse.GetValue(_json))
        {
            new JsonOutput(session.Out).Write(json =>
            {
                json.WriteStartObject();
                json.WriteStartArray("values");
                foreach (var v in plan.Values) JsonOutput.Number(json, v);
                json.WriteEndArray();
                json.WriteStartArray("policy");
                foreach (var a in plan.Policy) json.WriteNumberValue(a);
                json.WriteEndArray();
                json.WriteEndObject();
            });
            return 0;
        }

        var console = session.TableConsole();
        string methodName = policyIteration ? "policy iteration" : "value iteration";
        console.WriteLine($"{id}: {methodName}, gamma = {gamma.ToString(CultureInfo.InvariantCulture)}, {plan.Iterations} iterations, {plan.Sweeps} sweeps");
        var arrows = ArrowsFor(id, model.ActionCount);
        if (env.Unwrapped is IGridView grid && arrows is not null && OneStatePerCell(grid, model) is { } cells)
            console.Write(GridTable(grid, model, plan, arrows, cells));
        else
            console.Write(StateTable(model, plan));
        return 0;
    }

    /// <summary>
    /// Arrows for each action number, by the environment's action layout; null when the layout is not a compass.
    /// </summary>
    public static string[]? ArrowsFor(string id, int actionCount)
    {
        if (actionCount != 4) return null;
        if (id.StartsWith("FrozenLake", StringComparison.Ordinal)) return ["←", "↓", "→", "↑"];
        if (id.StartsWith("CliffWalking", StringComparison.Ordinal) || id.StartsWith("GridWorld", StringComparison.Ordinal)
            || id.StartsWith("WindyGridworld", StringComparison.Ordinal))
            return ["↑", "→", "↓", "←"];
        return null;
    }

    private static Dictionary<(int, int), int>? OneStatePerCell(IGridView grid, ITabularModel model)
    {
        var cells = new Dictionary<(int, int), int>();
        for (int s = 0; s < model.StateCount; s++)
            if (!cells.TryAdd(grid.CellOf(s), s)) return null;
        return cells;
    }

    private static Table GridTable(IGridView grid, ITabularModel model, PlanResult plan, string[] arrows, Dictionary<(int, int), int> cells)
    {
        var table = new Table().Border(TableBorder.Square).HideHeaders();
        for (int c = 0; c < grid.Columns; c++) table.AddColumn(new TableColumn("").Centered());
        for (int r = 0; r < grid.Rows; r++)
        {
            var row = new List<string>();
            for (int c = 0; c < grid.Columns; c++)
            {
                var kind = grid.CellAt(r, c);
                if (!cells.TryGetValue((r, c), out int s) || kind == CellKind.Wall) row.Add(Markup.Escape($"{grid.CharAt(r, c)}"));
                else if (model.IsTerminal(s) || kind is CellKind.Goal or CellKind.Hazard)
                    row.Add(Markup.Escape($"{grid.CharAt(r, c)}\n{plan.Values[s]:0.000}"));
                else row.Add(Markup.Escape($"{arrows[plan.Policy[s]]}\n{plan.Values[s]:0.000}"));
            }
            table.AddRow(row.ToArray());
        }
        return table;
    }

    private static Table StateTable(ITabularModel model, PlanResult plan)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("State").RightAligned()).AddColumn(new TableColumn("Value").RightAligned())
            .AddColumn(new TableColumn("Action").RightAligned());
        for (int s = 0; s < model.StateCount; s++)
            table.AddRow(s.ToString(CultureInfo.InvariantCulture), plan.Values[s].ToString("0.0000", CultureInfo.InvariantCulture),
                model.IsTerminal(s) ? "-" : plan.Policy[s].ToString(CultureInfo.InvariantCulture));
        return table;
    }

    private static IEnumerable<string> TabularIds(CliSession session)
    {
        foreach (var spec in session.Envs.Specs.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            bool tabular;
            try
            {
                using var e = spec.Factory(new Core.Registration.EnvOptions().WithDefaults(spec.DefaultOptions));
                tabular = e.Unwrapped is ITabularModel;
            }
            catch (Exception) { tabular = false; }
            if (tabular) yield return spec.Id;
        }
    }
}
