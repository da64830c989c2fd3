using System.CommandLine;
using RlGym.Cli.Hosting;
using RlGym.Cli.Output;
using Spectre.Console;

namespace RlGym.Cli.Commands;

/// <summary><c>rlgym agents</c>: the registered agents, the spaces they accept, and their hyperparameters.</summary>
public sealed class AgentsCommand : Command
{
    private readonly Option<bool> _json = CommonOptions.Json();

    /// <summary>Creates the command.</summary>
    public AgentsCommand(CliSession session) : base("agents", "List the agents and the board-game players with their hyperparameters")
    {
        Options.Add(_json);
        SetAction(parse =>
        {
            var agents = session.Agents.Factories.Select(f => f.Info).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
            var players = session.Players.Factories.Select(f => f.Info).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
            var infos = agents.Select(i => (Kind: "agent", Info: i)).Concat(players.Select(i => (Kind: "player", Info: i))).ToList();
            if (parse.GetValue(_json))
            {
                new JsonOutput(session.Out, indented: true).Write(json =>
                {
                    json.WriteStartArray();
                    foreach (var (kind, i) in infos)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", i.Name);
                        json.WriteString("kind", kind);
                        json.WriteString("description", i.Description);
                        json.WriteString("accepts", i.Accepts);
                        json.WriteStartArray("hyperparameters");
                        foreach (var h in i.Hyperparameters)
                        {
                            json.WriteStartObject();
                            json.WriteString("name", h.Name);
                            json.WriteString("type", h.Type);
                            json.WriteString("default", h.Default);
                            json.WriteString("description", h.Description);
                            if (h.Range is null) json.WriteNull("range"); else json.WriteString("range", h.Range);
                            json.WriteEndObject();
                        }
                        json.WriteEndArray();
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
                return 0;
            }
            var console = session.TableConsole();
            string previous = "agent";
            foreach (var (kind, i) in infos)
            {
                if (kind != previous)
                    console.MarkupLine("[bold]Board-game players[/] (rlgym arena, play and watch take them; alphazero also trains with rlgym train):");
                previous = kind;
                console.MarkupLine($"[bold]{Markup.Escape(i.Name)}[/]: {Markup.Escape(i.Description)}");
                console.MarkupLine($"  accepts: {Markup.Escape(i.Accepts)}");
                var table = new Table().Border(TableBorder.Simple)
                    .AddColumn("Setting").AddColumn("Type").AddColumn("Default").AddColumn("Range").AddColumn("Description");
                foreach (var h in i.Hyperparameters)
                    table.AddRow(Markup.Escape(h.Name), Markup.Escape(h.Type), Markup.Escape(h.Default),
                        Markup.Escape(h.Range ?? "-"), Markup.Escape(h.Description));
                console.Write(table);
            }
            if (agents.Count == 0) console.WriteLine("No agents are registered.");
            return 0;
        });
    }
}
