package dev.routeplan.app.privacy;

import dev.routeplan.app.runs.RunAlreadyRunning;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/erasures}: a customer's erasure request ({@link CustomerErasure}), for the
 * administrator who answers data subjects. It waits for the dates to be published again, so the
 * answer says what was done; asking again finishes an erasure that failed half-way.
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/v1/erasures")
class ErasuresApi {

    /** The request: the customer's phone number, the only key routeplan can find them by. */
    record ErasureBody(String phone) {
    }

    private final CustomerErasure erasure;

    ErasuresApi(CustomerErasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    CustomerErasure.Erased erase(@RequestBody ErasureBody body) throws JobExecutionException {
        return erasure.erase(body == null ? null : body.phone(), null);
    }

    @ExceptionHandler
    ProblemDetail notAPhoneNumber(CustomerErasure.NotAPhoneNumber e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", "phone");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail dateRunning(RunAlreadyRunning e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()
                + "; ask again when that run has ended, to finish the erasure");
    }
}
