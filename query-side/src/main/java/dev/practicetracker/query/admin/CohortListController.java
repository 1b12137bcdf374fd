package dev.practicetracker.query.admin;

import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin's list of every cohort, with its coach and who is enrolled now. */
@RestController
class CohortListController {

    private final CohortList cohorts;

    CohortListController(CohortList cohorts) {
        this.cohorts = cohorts;
    }

    @Operation(summary = "Every cohort with its coach and roster (an admin)")
    @GetMapping("/api/admin/cohorts")
    Page<CohortList.AdminCohort> cohorts(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return cohorts.page(new PageRequest(page, size));
    }
}
