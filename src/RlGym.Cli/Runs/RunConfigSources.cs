using System.Globalization;
using Microsoft.Extensions.Configuration;
using RlGym.Core.Errors;
using RlGym.Training.Runs;

namespace RlGym.Cli.Runs;

/// <summary>
/// Applies the configuration's <c>Run</c> section (from appsettings.json and <c>RLGYM_RUN__KEY</c> environment
/// variables, e.g. <c>RLGYM_RUN__EPISODES=5000</c>, <c>RLGYM_RUN__SETTINGS__ALPHA=0.2</c>) to a <see cref="RunConfig"/>.
/// Keys are <c>config.json</c>'s, matched ignoring case, dashes and underscores.
/// </summary>
public static class RunConfigSources
{
    /// <summary>The configuration section that holds run overrides.</summary>
    public const string Section = "Run";

    /// <summary>Overrides <paramref name="config"/> with the values under <see cref="Section"/>.</summary>
    public static void Apply(IConfiguration configuration, RunConfig config)
    {
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            string key = Normalize(child.Key);
            string where = $"configuration {Section}:{child.Key}";
            switch (key)
            {
                case "env": config.Env = Text(child, where); break;
                case "agent": config.Agent = Text(child, where); break;
                case "seed": config.Seed = Parse<long>(child, where); break;
                case "episodes": config.Episodes = Parse<int>(child, where); config.Steps = null; break;
                case "steps": config.Steps = Parse<long>(child, where); config.Episodes = null; break;
                case "maxepisodesteps": config.MaxEpisodeSteps = Parse<int>(child, where); break;
                case "evalevery": config.EvalEvery = Parse<int>(child, where); break;
                case "evalepisodes": config.EvalEpisodes = Parse<int>(child, where); break;
                case "checkpointevery": config.CheckpointEvery = Parse<int>(child, where); break;
                case "movingaverage": config.MovingAverage = Parse<int>(child, where); break;
                case "settings":
                    foreach (var s in child.GetChildren()) config.Settings[s.Key.ToLowerInvariant()] = s.Value ?? "";
                    break;
                case "envoptions":
                    foreach (var s in child.GetChildren()) config.EnvOptions[s.Key.ToLowerInvariant()] = s.Value ?? "";
                    break;
                case "wrappers":
                    config.Wrappers = child.Value is { } single
                        ? [.. single.Split(' ', StringSplitOptions.RemoveEmptyEntries)]
                        : [.. child.GetChildren().Select(c => c.Value ?? "")];
                    break;
                default:
                    throw new UserInputException($"unknown key '{child.Key}' in {where}; allowed: {string.Join(", ", RunConfig.Keys)}");
            }
        }
    }

    private static string Normalize(string key) => key.Replace("_", "").Replace("-", "").ToLowerInvariant();

    private static string Text(IConfigurationSection s, string where) =>
        s.Value ?? throw new UserInputException($"{where} needs a value");

    private static T Parse<T>(IConfigurationSection s, string where) where T : IParsable<T> =>
        T.TryParse(s.Value, CultureInfo.InvariantCulture, out var v) ? v
            : throw new UserInputException($"{where}={s.Value} is not a valid {(typeof(T) == typeof(int) || typeof(T) == typeof(long) ? "integer" : typeof(T).Name)}");
}
