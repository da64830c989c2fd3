namespace RlGym.Neural.Losses;

/// <summary>How a loss combines the per-sample terms of a batch.</summary>
public enum Reduction
{
    /// <summary>Average over the batch (PyTorch's and CleanRL's default); the step size does not depend on the batch size.</summary>
    Mean,

    /// <summary>Sum over the batch: with one sample, or an episode summed as the lectures write REINFORCE, the gradient is the lecture's.</summary>
    Sum,
}
