namespace RlGym.Envs.ClassicControl;

/// <summary>Which equations of motion <see cref="AcrobotEnv"/> integrates (Gymnasium's <c>book_or_nips</c>).</summary>
public enum AcrobotDynamics
{
    /// <summary>Sutton and Barto's book, the default: the second joint's acceleration includes the θ̇1² sin θ2 term.</summary>
    Book,

    /// <summary>Sutton's 1996 NIPS paper, which leaves that term out.</summary>
    Nips,
}
