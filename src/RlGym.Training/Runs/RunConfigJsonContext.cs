using System.Text.Json.Serialization;

namespace RlGym.Training.Runs;

/// <summary>The JSON contract of <see cref="RunConfig"/>, generated at build time; <see cref="RunConfig.JsonOptions"/> names the format.</summary>
[JsonSerializable(typeof(RunConfig))]
internal sealed partial class RunConfigJsonContext : JsonSerializerContext;
