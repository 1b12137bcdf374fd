package dev.practicetracker.query.admin;

import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
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

    @GetMapping("/api/admin/cohorts")
    Page<CohortList.AdminCohort> cohorts(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return cohorts.page(new PageRequest(page, size));
    }
}
