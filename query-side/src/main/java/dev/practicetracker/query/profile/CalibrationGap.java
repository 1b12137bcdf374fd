package dev.practicetracker.query.profile;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How a candidate's self-ratings compare with a coach's ratings of the same answers, with the evidence for it.
 *
 * <p>Each pair is one answer's self-rating minus the coach's (their mean, if several coaches rated it), in rubric
 * points. The mean gap gets a 95% interval from Student's t distribution on the pairs' spread; the spread is taken as
 * at least {@value #MIN_GAP_STD_RUBRIC_POINTS} rubric point, one step of a five-criteria mean, so that two identical
 * gaps are not read as certainty. The reading names a bias only when the interval excludes zero, and calls the
 * candidate well calibrated only when the whole interval lies within {@value #WELL_CALIBRATED_RUBRIC_POINTS} points
 * of zero; otherwise it says the gap could still be noise.
 *
 * @param pairs how many answers have both a self-rating and a coach rating
 * @param meanGap mean of self minus coach, in rubric points; {@code null} without pairs
 * @param low lower end of the 95% interval of the mean gap; {@code null} with fewer than two pairs
 * @param high upper end of that interval; {@code null} with fewer than two pairs
 * @param reading what the gap says, in words
 */
public record CalibrationGap(int pairs, Double meanGap, Double low, Double high, String reading) {

    /** Smallest spread assumed for the gaps, in rubric points: a mean of five whole-number criteria moves by 0.2. */
    public static final double MIN_GAP_STD_RUBRIC_POINTS = 0.2;

    /** Half-width, in rubric points, of the band around zero that counts as well calibrated. */
    public static final double WELL_CALIBRATED_RUBRIC_POINTS = 0.25;

    static final String NO_PAIRS = "no answer has both a self-rating and a coach rating yet";

    /** The gap over these pairs (self minus coach, rubric points each). */
    public static CalibrationGap of(List<Double> gaps) {
        int n = gaps.size();
        if (n == 0) {
            return new CalibrationGap(0, null, null, null, NO_PAIRS);
        }
        double mean = gaps.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n == 1) {
            return new CalibrationGap(
                    1,
                    round2(mean),
                    null,
                    null,
                    String.format(
                            Locale.ROOT,
                            "one answer so far (%+.2f points): too few to tell a habit from one answer",
                            mean));
        }
        double squares =
                gaps.stream().mapToDouble(gap -> (gap - mean) * (gap - mean)).sum();
        double std = Math.max(MIN_GAP_STD_RUBRIC_POINTS, Math.sqrt(squares / (n - 1)));
        double halfWidth = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * std / Math.sqrt(n);
        double low = mean - halfWidth;
        double high = mean + halfWidth;
        return new CalibrationGap(n, round2(mean), round2(low), round2(high), reading(mean, low, high, n));
    }

    private static String reading(double mean, double low, double high, int n) {
        String interval = String.format(Locale.ROOT, "95%% interval %+.2f to %+.2f over %d answers", low, high, n);
        if (low > 0) {
            return String.format(
                    Locale.ROOT, "rates themselves %.2f points higher than the coach on average (%s)", mean, interval);
        }
        if (high < 0) {
            return String.format(
                    Locale.ROOT, "rates themselves %.2f points lower than the coach on average (%s)", -mean, interval);
        }
        if (low >= -WELL_CALIBRATED_RUBRIC_POINTS && high <= WELL_CALIBRATED_RUBRIC_POINTS) {
            return "well calibrated: self-ratings within a quarter point of the coach's (" + interval + ")";
        }
        return String.format(
                Locale.ROOT, "not clear yet: a gap of %+.2f points could still be noise (%s)", mean, interval);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
