package io.github.faircomclient.benchmarks;

import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean and confidence interval of a sample, the way JMH reports scores: the half-width of the 99.9%
 * Student-t interval.
 *
 * @param mean the mean
 * @param error the half-width of the 99.9% confidence interval ({@code NaN} for fewer than 2 values)
 * @param n the number of values
 */
record Stats(double mean, double error, int n) {

	static final double CONFIDENCE = 0.999;

	/**
	 * Compute the statistics of some values.
	 * @param values the values
	 * @return the statistics
	 */
	static Stats of(List<Double> values) {
		int n = values.size();
		double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		if (n < 2) {
			return new Stats(mean, Double.NaN, n);
		}
		double variance = values.stream().mapToDouble((v) -> (v - mean) * (v - mean)).sum() / (n - 1);
		double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
		return new Stats(mean, t * Math.sqrt(variance / n), n);
	}

	/**
	 * Return this mean divided by another, with the error propagated from both (relative errors
	 * added in quadrature).
	 * @param other the denominator
	 * @return the ratio
	 */
	Stats over(Stats other) {
		double ratio = this.mean / other.mean;
		double relative = Math.sqrt(Math.pow(this.error / this.mean, 2) + Math.pow(other.error / other.mean, 2));
		return new Stats(ratio, ratio * relative, Math.min(this.n, other.n));
	}

	/**
	 * Return the geometric mean of ratios given as their logarithms, with its 99.9% interval, as
	 * {@code 0.950 (0.900–1.003)}.
	 * @param logRatios the natural logarithms of the ratios
	 * @return the formatted ratio
	 */
	static String geometricRatio(List<Double> logRatios) {
		Stats stats = of(logRatios);
		return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", Math.exp(stats.mean()),
				Math.exp(stats.mean() - stats.error()), Math.exp(stats.mean() + stats.error()));
	}

}
