using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RlGym.Serve.Security;

/// <summary>
/// The dashboard's front door. Only GET and HEAD are answered (the dashboard only reads). On a loopback address the
/// Host header must name loopback too, so a web page elsewhere cannot reach the dashboard by rebinding its DNS name.
/// With a token, every request must carry it: <c>?token=…</c> (which sets a same-site, HTTP-only cookie and redirects
/// to the bare address), the cookie, or <c>Authorization: Bearer …</c>; anything else gets 401.
/// </summary>
internal sealed class AccessGate(string? token, bool loopback)
{
    public const string CookieName = "rlgym_token";
    private readonly byte[]? _token = token is null ? null : Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";
        response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            await response.WriteAsync("the dashboard is read-only: only GET and HEAD are answered\n");
            return;
        }
        if (loopback && !HostAddress.IsLoopback(request.Host.Host))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsync("this dashboard answers only to localhost, 127.0.0.1 or [::1]\n");
            return;
        }
        if (_token is null)
        {
            await next(context);
            return;
        }
        if (request.Query.TryGetValue("token", out var given) && Matches(given.ToString()))
        {
            response.Cookies.Append(CookieName, Encoding.UTF8.GetString(_token), new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true, Secure = request.IsHttps,
            });
            if (!request.Path.StartsWithSegments("/api"))
            {
                // Drops the token from the address bar and from the history.
                var rest = request.Query.Where(q => q.Key != "token").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
                string query = string.Join("&", rest);
                response.Redirect(request.PathBase + request.Path + (query.Length > 0 ? "?" + query : ""));
                return;
            }
            await next(context);
            return;
        }
        if (request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(cookie)) { await next(context); return; }
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal) && Matches(authorization["Bearer ".Length..].Trim()))
        {
            await next(context);
            return;
        }
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = "Bearer";
        await response.WriteAsync("a token is required: open the address that 'rlgym serve' printed (it ends in ?token=...)\n");
    }

    private bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);
}
