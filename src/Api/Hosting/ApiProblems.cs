using GridActors.Model.Loading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridActors.Api.Hosting;

/// <summary>One located mistake in a request: the same file:line:column, field and message the CLI prints.</summary>
public sealed record RequestError(string File, int Line, int Column, string Field, string Message, string Text);

/// <summary>The API's error answers, all as problem details (RFC 9457) with sentences a user can act on.</summary>
public static class ApiProblems
{
    public static IResult InvalidScenario(IReadOnlyList<ScenarioError> errors) => Problem(
        StatusCodes.Status400BadRequest,
        "The scenario is not valid",
        $"{errors.Count} error{(errors.Count == 1 ? "" : "s")}; nothing was run and nothing was written. " + string.Join(" ", errors.Select(e => e.ToString())),
        [.. errors.Select(e => new RequestError(e.Location.File, e.Location.Line, e.Location.Column, e.FieldPath, e.Message, e.ToString()))]);

    public static IResult InvalidRequest(string source, IReadOnlyList<(string Field, string Message)> problems) => Problem(
        StatusCodes.Status400BadRequest,
        "The request is not valid",
        string.Join(" ", problems.Select(p => $"{source}: {p.Field}: {p.Message}.")),
        [.. problems.Select(p => new RequestError(source, 0, 0, p.Field, p.Message, $"{source}: {p.Field}: {p.Message}"))]);

    public static IResult UnknownRun(string id) =>
        Problem(StatusCodes.Status404NotFound, "No such run", $"there is no run '{GridActors.Model.Loading.ErrorText.Quote(id)}' on this server; GET /api/runs lists them");

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Not possible in the run's state", detail);

    public static IResult TooManyRuns(int limit) => Problem(
        StatusCodes.Status429TooManyRequests,
        "Too many runs",
        $"{limit} run{(limit == 1 ? " is" : "s are")} already active, the most this server runs at once; wait for one to finish or cancel one");

    public static IResult TooLarge(long limit) => Problem(
        StatusCodes.Status413PayloadTooLarge, "Request body too large", $"the body is larger than {limit:N0} bytes, the most this server accepts (Api:MaxRequestBodyBytes)");

    /// <summary>A body Kestrel could not read: malformed HTTP (400) or too slow to arrive (408).</summary>
    public static IResult UnreadableBody(int status, string reason) => Problem(
        status is StatusCodes.Status400BadRequest or StatusCodes.Status408RequestTimeout ? status : StatusCodes.Status400BadRequest,
        "The request body could not be read",
        status == StatusCodes.Status408RequestTimeout
            ? "the body arrived too slowly or stopped arriving; send it whole and at once"
            : $"the body is not valid HTTP ({reason.TrimEnd('.')})");

    public static IResult UnsupportedMediaType(string? contentType) => Problem(
        StatusCodes.Status415UnsupportedMediaType,
        "Unsupported content type",
        $"send the run as application/json or the scenario as application/yaml, not '{GridActors.Model.Loading.ErrorText.Quote(contentType ?? "none")}'");

    public static IResult ClusterUnavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Cluster not reachable", detail);

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "API key required", detail);

    private static ProblemHttpResult Problem(int status, string title, string detail, RequestError[]? errors = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });
}
