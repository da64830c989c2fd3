namespace RlGym.Rendering.Recording;

/// <summary>Which episodes a training run records.</summary>
public static class RecordingSchedule
{
    /// <summary>
    /// Gymnasium's RecordVideo default: episodes 0, 1, 8, 27, …, 729 (perfect cubes) below 1000, then every
    /// 1000th.
    /// </summary>
    public static bool CappedCubic(int episode)
    {
        if (episode < 1000)
        {
            int root = (int)Math.Round(Math.Cbrt(episode));
            return root * root * root == episode;
        }
        return episode % 1000 == 0;
    }

    /// <summary>Every episode (for <c>rlgym render</c> and <c>rlgym watch</c>).</summary>
    public static bool Every(int episode) => true;
}
