package dev.routeplan.app.console;

import dev.routeplan.app.compliance.ComplianceDocuments;
import dev.routeplan.app.compliance.ComplianceProofs;
import dev.routeplan.app.compliance.ComplianceProofs.RouteStanding;
import dev.routeplan.app.compliance.Reverification;
import dev.routeplan.app.compliance.WhatIfs;
import dev.routeplan.app.plans.Downloads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /compliance} for COMPLIANCE: a date's verification (routes passed and blocked, the rules
 * that failed, the report and evidence workbook to download), one route's every rule with its
 * verdict and evidence, and a what-if at another GRAP stage or time that lists the published
 * routes it would make illegal and, after a page that says which, withdraws them. The same
 * {@link ComplianceProofs}, {@link ComplianceDocuments} and {@link WhatIfs} as the compliance API,
 * so the same files, checks and audit rows.
 */
@ConditionalOnWebApplication
@Controller
class CompliancePages {

    /** The GRAP stages a what-if may assume, by their value and their name. */
    private static final Map<String, String> STAGES = IntStream.rangeClosed(0, 4).boxed().collect(Collectors.toMap(
            String::valueOf, stage -> stage == 0 ? "0 (none)" : "Stage " + WhatIfForm.roman(stage), (a, b) -> a,
            LinkedHashMap::new));

    private final ComplianceProofs proofs;
    private final ComplianceDocuments documents;
    private final WhatIfs whatIfs;
    private final ComplianceViews views;
    private final ConsoleModel layout;

    CompliancePages(ComplianceProofs proofs, ComplianceDocuments documents, WhatIfs whatIfs, ComplianceViews views,
                    ConsoleModel layout) {
        this.proofs = proofs;
        this.documents = documents;
        this.whatIfs = whatIfs;
        this.views = views;
        this.layout = layout;
    }

    @GetMapping("/compliance")
    @PreAuthorize("hasRole('COMPLIANCE')")
    String compliance(@RequestParam(required = false) String date, Model model) {
        if (date == null || date.isBlank()) {
            return page(model, WhatIfForm.of(defaultDate()), Map.of(), null);
        }
        WhatIfForm form = new WhatIfForm(date, "", "", "");
        return page(model, form, form.planDate().isPresent() ? Map.of() : Map.of("date", ComplianceDates.problem(date)), null);
    }

    @GetMapping("/compliance/routes/{id}")
    @PreAuthorize("hasRole('COMPLIANCE')")
    String route(@PathVariable("id") String routeId, @RequestParam(required = false) String date, Model model,
                 HttpServletResponse response) {
        LocalDate planDate = planDate(date);
        RouteStanding route = proofs.route(planDate, routeId).orElse(null);
        if (route == null) {
            return missing(model, response, HttpStatus.NOT_FOUND, planDate,
                    "There is no route " + routeId + " in the plan of " + planDate + ".");
        }
        model.addAttribute("planDate", planDate);
        model.addAttribute("route", route);
        model.addAttribute("checks", views.checks(proofs.checks(planDate, routeId)));
        return "console/compliance-route";
    }

    /** The report or the evidence workbook, through the same checks and audit as the API's download. */
    @GetMapping("/compliance/files/{name}")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<Resource> file(@PathVariable String name, @RequestParam(required = false) String date) {
        return Downloads.of(documents.file(planDate(date), name));
    }

    @PostMapping("/compliance/what-if")
    @PreAuthorize("hasRole('COMPLIANCE')")
    String whatIf(WhatIfForm form, Principal principal, Model model) {
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            return page(model, form, problems, null);
        }
        LocalDate planDate = form.planDate().orElseThrow();
        try {
            Reverification.Result result = whatIfs.whatIf(planDate, form.question(), principal.getName());
            return page(model, form, Map.of(), views.answer(form, result));
        } catch (WhatIfs.UnknownRulePackException e) {
            return page(model, form, Map.of("rulePack", e.getMessage()), null);
        } catch (Reverification.NoStoredPlanException e) {
            return page(model, form, Map.of("date", "nothing was planned for " + planDate + ": there is nothing to verify"),
                    null);
        }
    }

    /** Withdraw what the what-if lists: first the page that says which routes, then (confirmed) the withdrawal. */
    @PostMapping("/compliance/withdraw")
    @PreAuthorize("hasRole('COMPLIANCE')")
    String withdraw(WhatIfForm form, @RequestParam(required = false) String confirmed, Principal principal, Model model,
                    RedirectAttributes redirect) {
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            return page(model, form, problems, null);
        }
        LocalDate planDate = form.planDate().orElseThrow();
        try {
            if (confirmed == null) {
                // asked again now: what is withdrawn is what the stage makes illegal at the click, not when the list was shown
                Reverification.Result result = whatIfs.whatIf(planDate, form.question(), principal.getName());
                if (result.newlyIllegal().isEmpty()) {
                    model.addAttribute("message", "Nothing to withdraw: no published route of " + planDate
                            + " would become illegal under " + form.assumption() + ".");
                    return page(model, form, Map.of(), views.answer(form, result));
                }
                return confirm(model, form, planDate, result);
            }
            Reverification.Result result = whatIfs.withdraw(planDate, form.question(), principal.getName());
            redirect.addFlashAttribute("message", result.withdrawn() == 0
                    ? "Nothing withdrawn: no published route of " + planDate + " is illegal under " + form.assumption() + "."
                    : "Withdrew " + routes(result.withdrawn()) + " of " + planDate + " under " + form.assumption()
                    + "; they are BLOCKED.");
            redirect.addFlashAttribute("withdrawn", result.newlyIllegal().stream()
                    .map(c -> c.vehicleId() + " of depot " + c.depotId()).toList());
            return "redirect:" + UriComponentsBuilder.fromPath("/compliance").queryParam("date", planDate).toUriString();
        } catch (WhatIfs.UnknownRulePackException e) {
            return page(model, form, Map.of("rulePack", e.getMessage()), null);
        } catch (Reverification.NoStoredPlanException e) {
            return page(model, form, Map.of("date", "nothing was planned for " + planDate + ": there is nothing to withdraw"),
                    null);
        }
    }

    /** A bad date in a link, a file that is not a published compliance document: a page that says so. */
    @ExceptionHandler(ErrorResponseException.class)
    String refused(ErrorResponseException e, HttpServletRequest request, HttpServletResponse response,
                   Authentication authentication, Model model) {
        // an exception handler's model is a new one, without what the console's advice gives every page
        model.addAttribute("me", layout.me(authentication));
        model.addAttribute("path", layout.path(request));
        model.addAttribute("csrfHeaders", layout.csrfHeaders(request));
        return missing(model, response, HttpStatus.valueOf(e.getStatusCode().value()),
                ComplianceDates.parse(request.getParameter("date")).orElse(null), e.getBody().getDetail());
    }

    private String page(Model model, WhatIfForm form, Map<String, String> problems, ComplianceViews.Answer answer) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("answer", answer);
        model.addAttribute("rulePacks", whatIfs.knownPacks());
        model.addAttribute("stages", STAGES);
        form.planDate().ifPresent(d -> {
            model.addAttribute("planDate", d);
            model.addAttribute("report", views.report(d).orElse(null));
        });
        return "console/compliance";
    }

    private String confirm(Model model, WhatIfForm form, LocalDate planDate, Reverification.Result result) {
        List<Reverification.RouteChange> illegal = result.newlyIllegal();
        model.addAttribute("title", "Withdraw " + routes(illegal.size()) + " of " + planDate);
        model.addAttribute("action", "/compliance/withdraw");
        model.addAttribute("fields", form.fields());
        model.addAttribute("back", UriComponentsBuilder.fromPath("/compliance").queryParam("date", planDate).toUriString());
        model.addAttribute("what", List.of(
                "Under " + form.assumption() + " (" + result.grapSource() + "), rule pack " + result.pack().id() + " "
                        + result.pack().version() + ", these published routes break a hard rule: "
                        + illegal.stream().map(c -> c.vehicleId() + " of depot " + c.depotId() + " (" + ruleIds(c) + ")")
                        .collect(Collectors.joining(", ")) + ".",
                "They are marked BLOCKED in the stored plan: a driver's manifest of a blocked route must not be driven.",
                "The routes are verified again when you confirm; a route the stage makes illegal by then is withdrawn too.",
                "A lower stage later releases none of them: only planning " + planDate + " again does.",
                "The withdrawal is on the audit log and among the date's verifications."));
        return "console/confirm";
    }

    private String missing(Model model, HttpServletResponse response, HttpStatus status, LocalDate planDate, String detail) {
        response.setStatus(status.value());
        model.addAttribute("title", status == HttpStatus.NOT_FOUND ? "Not found" : "Cannot show that");
        model.addAttribute("detail", detail);
        model.addAttribute("planDate", planDate);
        return "console/compliance-missing";
    }

    /** The date of a link: ISO; absent, the latest verified one. */
    private LocalDate planDate(String date) {
        if (date == null || date.isBlank()) {
            return defaultDate();
        }
        return ComplianceDates.parse(date).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.BAD_REQUEST, ComplianceDates.problem(date) + "."));
    }

    /** Where the page opens: the latest verified date, else tomorrow (the date the next night plans). */
    private LocalDate defaultDate() {
        return proofs.latestVerifiedDate().orElseGet(() -> LocalDate.now(ConsoleTimes.ZONE).plusDays(1));
    }

    private static String ruleIds(Reverification.RouteChange change) {
        return change.failures().stream().map(ComplianceViews::ruleId).distinct().collect(Collectors.joining(", "));
    }

    private static String routes(long count) {
        return count + (count == 1 ? " route" : " routes");
    }
}
