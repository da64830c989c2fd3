using System.CommandLine;
using System.Globalization;
using RlGym.Cli.Hosting;
using RlGym.Cli.Output;
using RlGym.Core.Registration;
using Spectre.Console;

namespace RlGym.Cli.Commands;

/// <summary><c>rlgym envs</c>: the registered environment ids with their spaces, time limit and reward threshold.</summary>
public sealed class EnvsCommand : Command
{
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>Creates the command.</summary>
    public EnvsCommand(CliSession session) : base("envs", "List the registered environments")
    {
        Options.Add(_json);
        SetAction(parse =>
        {
            var rows = session.Envs.Specs.OrderBy(s => s.Id, StringComparer.Ordinal).Select(Describe).ToList();
            if (parse.GetValue(_json)) WriteJson(session, rows);
            else WriteTable(session, rows);
            return 0;
        });
    }

    private sealed record Row(EnvSpec Spec, string ObservationSpace, string ActionSpace);

    private static Row Describe(EnvSpec spec)
    {
        // The spec does not carry the spaces; a default instance does.
        using var env = spec.Factory(new EnvOptions().WithDefaults(spec.DefaultOptions));
        return new Row(spec, env.ObservationSpace.ToString(), env.ActionSpace.ToString());
    }

    private static void WriteTable(CliSession session, List<Row> rows)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Id").AddColumn("Observation space").AddColumn("Action space")
            .AddColumn(new TableColumn("Max steps").RightAligned()).AddColumn(new TableColumn("Reward threshold").RightAligned());
        foreach (var r in rows)
            table.AddRow(
                Markup.Escape(r.Spec.Id), Markup.Escape(Short(r.ObservationSpace)), Markup.Escape(Short(r.ActionSpace)),
                r.Spec.MaxEpisodeSteps?.ToString(CultureInfo.InvariantCulture) ?? "-",
                r.Spec.RewardThreshold?.ToString("R", CultureInfo.InvariantCulture) ?? "-");
        session.TableConsole().Write(table);
    }

    /// <summary>
    /// A Box with per-element bounds prints every bound in Gymnasium's text; the table keeps its shape and type
    /// (the JSON keeps the full text).
    /// </summary>
    private static string Short(string space)
    {
        if (space.Length <= 40 || !space.StartsWith("Box([", StringComparison.Ordinal)) return space;
        int shape = space.LastIndexOf(", (", StringComparison.Ordinal);
        return shape < 0 ? space : "Box(low, high" + space[shape..];
    }

    private static void WriteJson(CliSession session, List<Row> rows) =>
        new JsonOutput(session.Out, indented: true).Write(json =>
        {
            json.WriteStartArray();
            foreach (var r in rows)
            {
                json.WriteStartObject();
                json.WriteString("id", r.Spec.Id);
                json.WriteString("observation_space", r.ObservationSpace);
                json.WriteString("action_space", r.ActionSpace);
                if (r.Spec.MaxEpisodeSteps is { } m) json.WriteNumber("max_episode_steps", m); else json.WriteNull("max_episode_steps");
                if (r.Spec.RewardThreshold is { } t) JsonOutput.Number(json, "reward_threshold", t); else json.WriteNull("reward_threshold");
                json.WriteString("description", r.Spec.Description);
                json.WriteStartArray("options");
                foreach (var o in r.Spec.Options)
                {
                    json.WriteStartObject();
                    json.WriteString("name", o.Name);
                    json.WriteString("default", o.Default);
                    json.WriteString("description", o.Description);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
}
