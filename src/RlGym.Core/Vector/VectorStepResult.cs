namespace RlGym.Core.Vector;

/// <summary>
/// What a vector environment's <c>Step</c> returns: references to its batch buffers (nothing is copied).
/// Row i of <see cref="Observations"/> (elements i·n to i·n + n − 1) belongs to copy i.
/// </summary>
public readonly record struct VectorStepResult(float[] Observations, double[] Rewards, bool[] Terminated, bool[] Truncated);
