package dev.practicetracker.query.cohort;

import dev.practicetracker.query.access.Visibility;
import dev.practicetracker.query.web.BadRequest;
import dev.practicetracker.query.web.PageRequest;
import dev.practicetracker.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A coach's view of their cohorts: the overview (JSON or CSV) and the list of cohorts they run. */
@RestController("cohortQueryController") // the command side has a CohortController too, and the app has both
class CohortController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CohortQueries queries;
    private final Visibility visibility;
    private final AtRiskRules rules;

    CohortController(CohortQueries queries, Visibility visibility, AtRiskRules rules) {
        this.queries = queries;
        this.visibility = visibility;
        this.rules = rules;
    }

    /** {@code inactiveDays}: whole days without practice after which a candidate is at risk; 1 to 365. */
    @Operation(
            summary =
                    "A cohort at a glance (its coach): levels, trends and evidence per candidate and theme, answers waiting, who is at risk")
    @GetMapping("/api/cohorts/{cohortId}/overview")
    CohortOverview overview(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String cohortId,
            @RequestParam(required = false) Integer inactiveDays,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        visibility.requireCohort(actor, cohortId);
        return queries.overview(cohortId, inactiveDays(inactiveDays), new PageRequest(page, size), Instant.now());
    }

    /** The whole roster, unpaged, for a spreadsheet; see {@link OverviewCsv} for the columns. */
    @Operation(summary = "The cohort roster as CSV (its coach)")
    @GetMapping("/api/cohorts/{cohortId}/overview.csv")
    ResponseEntity<String> overviewCsv(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String cohortId,
            @RequestParam(required = false) Integer inactiveDays) {
        visibility.requireCohort(actor, cohortId);
        CohortQueries.Roster roster = queries.roster(cohortId, inactiveDays(inactiveDays), Instant.now());
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("cohort-" + roster.cohort().cohortId() + "-overview.csv")
                                .build()
                                .toString())
                .body(OverviewCsv.render(roster.enrolled()));
    }

    @Operation(summary = "The cohorts a coach runs")
    @GetMapping("/api/coaches/{coachId}/cohorts")
    List<CohortQueries.CoachCohort> cohorts(@AuthenticationPrincipal Actor actor, @PathVariable String coachId) {
        visibility.requireCoach(actor, coachId);
        return queries.cohortsOf(coachId);
    }

    private int inactiveDays(Integer requested) {
        if (requested == null) {
            return rules.defaultInactiveDays();
        }
        if (requested < AtRiskRules.MIN_INACTIVE_DAYS || requested > AtRiskRules.MAX_INACTIVE_DAYS) {
            throw new BadRequest(
                    "inactiveDays",
                    "must be from " + AtRiskRules.MIN_INACTIVE_DAYS + " to " + AtRiskRules.MAX_INACTIVE_DAYS);
        }
        return requested;
    }
}
