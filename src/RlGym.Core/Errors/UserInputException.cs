namespace RlGym.Core.Errors;

/// <summary>
/// Input from a user was wrong (an unknown id, a bad option, a malformed map). The message is one line
/// that names what is wrong and what is allowed; the command line prints it and exits with code 2.
/// </summary>
public class UserInputException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public UserInputException(string message) : base(message) { }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public UserInputException(string message, Exception inner) : base(message, inner) { }
}
