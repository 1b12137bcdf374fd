package dev.practicetracker.query.profile;

import org.junit.jupiter.api.Test;

/**
 * Prints the estimator benchmark's table (see {@link EstimatorSimulation}); its name does not end in {@code Test}, so
 * it runs only when asked: {@code ./mvnw -B -q -pl query-side -am test -Dtest=EstimatorBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. The orderings it must show are asserted by {@link EstimatorBenchmarkTest}.
 */
class EstimatorBenchmark {

    static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    static final int CANDIDATES_PER_SEED = 100;

    @Test
    void printsTheTable() {
        System.out.println("Estimator benchmark: " + SEEDS.length + " seeds x " + CANDIDATES_PER_SEED
                + " simulated candidates per curve kind, " + EstimatorSimulation.DAYS + " days, level at the end");
        System.out.print(EstimatorSimulation.table(new EstimatorSimulation().run(SEEDS, CANDIDATES_PER_SEED)));
    }
}
