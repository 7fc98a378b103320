package dev.routeplan.app.plans;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Why a published file or plan is not handed out, as the problem the API answers. */
public class PlanFileException extends ErrorResponseException {

    private PlanFileException(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    public static PlanFileException notFound(String detail) {
        return new PlanFileException(HttpStatus.NOT_FOUND, HttpStatus.NOT_FOUND.getReasonPhrase(), detail);
    }

    public static PlanFileException badName(String name) {
        return new PlanFileException(HttpStatus.BAD_REQUEST, "Bad file name",
                "a file is named by its plain name (no path, no '..', no separators)");
    }

    /** The bytes on disk are not the ones published: handing them out would hand out something nobody signed off. */
    public static PlanFileException changedOnDisk(String name) {
        return new PlanFileException(HttpStatus.INTERNAL_SERVER_ERROR, "Artifact changed on disk",
                name + " no longer matches the SHA-256 recorded when it was published; publish the date again");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
